"""Chinese: 万 and 亿 as the article writes them, the figure exactly as stated, "2022年9月"."""

from cqmin.domain import Qualifier
from cqmin.languages.base import Language, in_units, plain
from cqmin.model import Event, Fact, Speaker, Unit


class Chinese(Language):
    code = "zh"
    name = "中文"
    locales = ("zh",)
    names = ("cn", "chinese", "mandarin", "zho", "chi", "中文", "汉语", "漢語", "简体中文", "普通话")
    # Class variables, as base.Language declares them (annotated there: the annotation would need typing).
    words = {  # noqa: RUF012
        "achieved": "已实现",
        "targets": "目标",
        "comparison": "前后对比",
        "label": "指标",
        "figure": "数值",
        "stated": "原文",
        "as_of": "截至",
        "period": "时期",
        "change": "变化",
        "per_year": "年均",
        "derived": "推算基期",
        "derived_note": "基期由文中给出的现值和变化推算",
        "undated": "未注明日期",
        "conference": "新闻发布会",
        "conferences": "{n}场新闻发布会",
        "figures_as_of": "数据时点",
        "speakers": "发布人",
        "infographic": "图解（未注明发布人）",
        "topic": "主题",
        "command": "命令",
        "facts": "数据",
        "n_facts": "{n}项数据",
        "n_compared": "{n}项对比",
        "headline": "要点",
        "none": "（无）",
        "kind": "类别",
        "kind_achieved": "已实现",
        "kind_target": "目标",
        "qualifier": "限定",
        "baseline": "基期",
        "method": "推算方法",
        "quote": "原文",
        "speaker": "发布人",
        "role": "职务",
        "department": "部门",
        "id": "编号",
        "event": "发布会",
        "date": "日期",
        "place": "地点",
        "organizer": "主办",
        "article": "报道",
        "topics": "主题",
        "name": "姓名",
        "sort_note": "按变化幅度（不论增减）从大到小排列",
        "before": "基期",
        "now": "现在",
        "compared": "对比",
        "comparisons": "对比",
        "matched": "匹配",
        "claimed": "说法",
        "verdict": "结论",
        "supported": "相符",
        "contradicted": "不符",
        "not_found": "未找到",
        "reason": "理由",
        "why_another_number": "数值不同",
        "why_is_range": "该数据是一个区间",
        "why_bounded": "该数据带有约、超过等限定",
        "why_not_above": "该数据不高于所说的数",
        "why_not_below": "该数据不低于所说的数",
        "why_another_range": "区间不同",
        "why_outside_range": "不在该区间内",
        "why_gives_change": "该数据给出了这一变化",
        "why_change_differs": "{why}：与该数据给出的变化不符",
        "why_plan_unsaid": "该数据是目标，所说的未指明",
        "why_target_as_done": "把目标说成了已实现",
        "why_result_as_plan": "把已实现的说成了目标",
        "why_since_when": "该数据涵盖{as_of}期间，所说的未注明从何时算起",
        "why_no_date": "该数据未注明日期，无法核对“{claimed}”",
        "why_level_not_change": "该数据为总量，并非变化量",
        "why_other_way": "该数据的变化方向相反",
        "why_another_name": "所说的是另一项数据（“{claimed}”）",
        "why_another_place": "所说的是另一地方（“{claimed}”）的数据",
        "why_yearly_average": "所说的是每年的数（“{claimed}”），该数据不是",
        "why_yearly_unsaid": "该数据是年均数，所说的未指明",
        "why_another_date": "日期不同：所说的是“{claimed}”，该数据为{as_of}",
        "why_gives_figure": "该数据给出了这一数值",
        "why_facts_differ": "相关的几项数据说法不一",
        "why_denied": "所说的是否定说法，不作核对",
        "why_earlier_level": "所说的是变化前的水平，不作核对",
        "why_list_order": "所说的列举顺序与原句不同，无法对应",
        "why_nothing_about": "没有与所说内容相关的数据",
    }
    qualifiers = {  # noqa: RUF012
        Qualifier.EXACT: "原文无限定词",
        Qualifier.APPROX: "约数（约、左右、近）",
        Qualifier.MORE_THAN: "多于（余、多、超、突破）",
        Qualifier.AT_LEAST: "不少于（以上）",
        Qualifier.AT_MOST: "不超过（以内、以下）",
        Qualifier.LESS_THAN: "少于（不到、不足）",
        Qualifier.RANGE: "区间",
    }
    colon = "："
    comma = "，"
    list_separator = "、"
    semicolon = "；"
    open_paren = "（"
    close_paren = "）"
    dash = "—"
    attributed = "——"

    def number(self, value: float) -> str:
        """2082万, 77.57万, 1亿, 1000亿, 2.79万亿 — but 33803 and 15488 stay as the article writes them."""
        return in_units(value, ((12, "万亿"), (8, "亿"), (4, "万")), 2) or plain(value)

    def quantity(self, value: float, unit: Unit) -> str:
        return self.number(value) + self.text(unit.name)

    def figure(self, fact: Fact) -> str:
        return fact.stated  # the article's own words: 5200余处, 超千亿元

    def points(self, value: float) -> str:
        return self.number(value) + "个百分点"

    def per_year(self, rate: str) -> str:
        return f"{self.words['per_year']}{rate}"

    def date(self, year: int, month: int | None, day: int | None) -> str:
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")

    def period(self, first: tuple, last: tuple) -> str:
        if first[1:] == last[1:] == (None, None):  # whole years: 2017—2022年
            return f"{first[0]}—{last[0]}年"
        return super().period(first, last)

    def speaker(self, speaker: Speaker) -> str:
        return self.text(speaker.name) + self.parens(self.text(speaker.department) + self.text(speaker.role))

    def reference(self, event: Event, accessed: str | None = None) -> str:
        """GB/T 7714—2015: 主要责任者. 题名[文献类型标识]. 出版地, 日期. A press conference is [Z], other; then
        the article (`report`)."""
        organizer = f"{self.text(event.organizer)}. " if event.organizer else ""
        report = self.report(event, accessed)
        return f"{organizer}{self.text(event.title)}[Z]. {self.text(event.place)}, {event.date}." + (
            f" {report}" if report else ""
        )

    def report(self, event: Event, accessed: str | None = None) -> str:
        """The report [N], or [N/OL] with its address: 出版者, 出版日期[引用日期]. 获取和访问路径; "" for none."""
        if not (event.article or event.publisher or event.published or event.url):
            return ""
        kind = "N/OL" if event.url else "N"
        title = f"报道：{self.text(event.article)}" if event.article else "报道"
        issued = [self.text(event.publisher)] if event.publisher else []
        issued += [event.published] if event.published else []  # no date of its own is invented for it
        where = ", ".join(issued) + (f"[{accessed}]" if event.url and accessed else "")
        return f"{title}[{kind}]." + (f" {where}." if where else "") + (f" {event.url}." if event.url else "")

    def medium(self, event: Event) -> str:
        return f"{self.text(event.title)}，{self.text(event.place)}"

    def attribution(self, fact: Fact, speaker: Speaker | None, event: Event) -> str:
        who = self.speaker(speaker) if speaker else (self.text(event.organizer) if event.organizer else "")
        when = self.date(*(int(part) for part in event.date.split("-")))
        where = f"{self.text(event.title)}，{self.text(event.place)}，{when}"
        return f"{who}，{where}" if who else where


LANGUAGE = Chinese()
