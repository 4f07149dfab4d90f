"""Which language to speak, and the words of the interface in both.

--lang wins; then CQMIN_LANG; then the locale (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG, the order gettext uses): zh* gives Chinese; anything else, C, POSIX or
nothing gives English.
"""

import os

LANGS = ("zh", "en")


def resolve(option: str | None, environ: dict | None = None) -> str:
    environ = os.environ if environ is None else environ
    if option in LANGS:
        return option
    chosen = environ.get("CQMIN_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            # LANGUAGE may list several ("zh_CN:en"); the first one decides.
            return "zh" if value.split(":")[0].lower().startswith("zh") else "en"
    return "en"


# The interface's words; facts carry their own zh and en text.
WORDS = {
    "achieved": {"zh": "已实现", "en": "Achieved"},
    "targets": {"zh": "目标", "en": "Targets ahead"},
    "comparison": {"zh": "前后对比", "en": "Before and now"},
    "comparisons": {"zh": "对比", "en": "Comparisons"},
    "label": {"zh": "指标", "en": "Figure"},
    "figure": {"zh": "数值", "en": "Value"},
    "as_of": {"zh": "截至", "en": "As of"},
    "period": {"zh": "时期", "en": "Period"},
    "before_now": {"zh": "基期 → 现在", "en": "Before → now"},
    "change": {"zh": "变化", "en": "Change"},
    "per_year": {"zh": "年均", "en": "a year"},
    "bar": {"zh": "对比图", "en": "Before / now"},
    "derived": {"zh": "推算基期", "en": "derived baseline"},
    "derived_note": {
        "zh": "基期由文中给出的现值和变化推算",
        "en": "the article gives the change, not the earlier level",
    },
    "undated": {"zh": "未注明日期", "en": "no date given"},
    "conference": {"zh": "新闻发布会", "en": "press conference"},
    "figures_as_of": {"zh": "数据时点", "en": "figures as of"},
    "speakers": {"zh": "发布人", "en": "Speakers"},
    "infographic": {"zh": "图解（未注明发布人）", "en": "infographic (no speaker named)"},
    "topic": {"zh": "主题", "en": "Topic"},
    "command": {"zh": "命令", "en": "Command"},
    "facts": {"zh": "数据", "en": "Facts"},
    "headline": {"zh": "要点", "en": "Headline figure"},
    "none": {"zh": "（无）", "en": "(none)"},
    "kind": {"zh": "类别", "en": "Kind"},
    "kind_achieved": {"zh": "已实现", "en": "achieved"},
    "kind_target": {"zh": "目标", "en": "target"},
    "qualifier": {"zh": "限定", "en": "Qualifier"},
    "baseline": {"zh": "基期", "en": "Baseline"},
    "method": {"zh": "推算方法", "en": "Derivation"},
    "quote": {"zh": "原文", "en": "Quote"},
    "speaker": {"zh": "发布人", "en": "Speaker"},
    "role": {"zh": "职务", "en": "Role"},
    "department": {"zh": "部门", "en": "Department"},
    "id": {"zh": "编号", "en": "ID"},
    "event": {"zh": "发布会", "en": "Event"},
    "date": {"zh": "日期", "en": "Date"},
    "place": {"zh": "地点", "en": "Place"},
    "organizer": {"zh": "主办", "en": "Organizer"},
    "article": {"zh": "报道", "en": "Article"},
    "topics": {"zh": "主题", "en": "Topics"},
    "name": {"zh": "姓名", "en": "Name"},
    "sort_note": {"zh": "按变化幅度（不论增减）从大到小排列", "en": "largest percent change first, up or down"},
    "before": {"zh": "基期", "en": "before"},
    "now": {"zh": "现在", "en": "now"},
    "compared": {"zh": "对比", "en": "Compared"},
}


def word(key: str, lang: str) -> str:
    return WORDS[key][lang]


# Punctuation differs too: full-width in Chinese.
_PUNCTUATION = {
    "zh": {"colon": "：", "comma": "，", "list": "、", "open": "（", "close": "）", "semicolon": "；"},
    "en": {"colon": ": ", "comma": ", ", "list": ", ", "open": " (", "close": ")", "semicolon": "; "},
}


def punct(name: str, lang: str) -> str:
    return _PUNCTUATION[lang][name]


def parens(text: str, lang: str) -> str:
    return f"{punct('open', lang)}{text}{punct('close', lang)}"
