"""Figures for people: "2550万人" in Chinese, "25.5 million people" in English.

Chinese keeps 万 and 亿 as the article does; English spells out million and
billion and puts the qualifier in words ("more than 5,200", "about 330 km",
"≤ 5.5%", "3–5 centres"). These functions only format; they never round a
figure to fewer digits than it has.
"""

_EN_QUALIFIERS = {
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "≥ ",
    "at_most": "≤ ",
}

_ZH_QUALIFIERS = {
    "approx": ("约", ""),
    "more_than": ("", "余"),
    "at_least": ("", "以上"),
    "at_most": ("", "以内"),
}

# Words for the qualifiers, for the full record of one fact (`cqmin show`).
QUALIFIER_WORDS = {
    "exact": {"zh": "原文无限定词", "en": "as stated, no qualifier"},
    "approx": {"zh": "约数（约、左右、近）", "en": "approximate (约, 左右, 近)"},
    "more_than": {"zh": "多于（余、多、超、突破）", "en": "more than (余, 多, 超, 突破)"},
    "at_least": {"zh": "不少于（以上）", "en": "at least (以上)"},
    "at_most": {"zh": "不超过（以内、以下）", "en": "at most (以内, 以下)"},
    "range": {"zh": "区间", "en": "a range"},
}


def plain(value: float) -> str:
    """The shortest exact decimal text of a value, never in exponent form: 25500000, 1.73, 0.0000001."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            from decimal import Decimal  # rare: only for very small or very large values

            text = format(Decimal(text), "f")
        return text
    return str(value)


def _scaled(value: float, scale: float, max_decimals: int) -> str | None:
    """value / scale as text, if that needs no more than max_decimals digits after the point."""
    scaled = round(value / scale, max_decimals)
    if abs(scaled * scale - value) > 1e-9 * max(1.0, abs(value)):  # exact, but for float noise
        return None
    return plain(scaled)


def _in_units(value: float, units: tuple, max_decimals: int) -> str | None:
    """value in the largest of `units` that writes it exactly: (1e4, "万") makes 775700 "77.57万"."""
    for scale, word in units:
        if abs(value) >= scale:
            text = _scaled(value, scale, max_decimals)
            if text is not None:
                return text + word
    return None


def number_zh(value: float) -> str:
    """2082万, 77.57万, 1亿, 1000亿 — but 33803 and 15488 stay as the article writes them."""
    return _in_units(value, ((1e8, "亿"), (1e4, "万")), 2) or plain(value)


def number_en(value: float) -> str:
    """25.5 million, 100 billion, 775,700, 137.3."""
    in_units = _in_units(value, ((1e9, " billion"), (1e6, " million")), 3)
    if in_units:
        return in_units
    text = plain(value)
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return sign + whole + ("." + fraction if fraction else "")


def _with_unit(number: str, unit: str, lang: str) -> str:
    if unit == "%" or lang == "zh":
        return number + unit
    return f"{number} {unit}"


def quantity(value: float, unit: dict, lang: str) -> str:
    """A number with its unit and no qualifier: "2082万人", "20.82 million people"."""
    if lang == "zh":
        return _with_unit(number_zh(value), unit["zh"], "zh")
    return _with_unit(number_en(value), unit["en"], "en")


def signed(value: float, unit: dict, lang: str) -> str:
    """A change: "+468万人", "-11 minutes", "+14 pp" for a change in a percentage."""
    sign = "+" if value > 0 else "-" if value < 0 else "±"
    if unit["en"] == "%":
        points = number_zh(abs(value)) if lang == "zh" else number_en(abs(value))
        return sign + points + ("个百分点" if lang == "zh" else " pp")
    return sign + quantity(abs(value), unit, lang)


def percent(value: float | None) -> str:
    """A percent change with its sign: "+22.48%", "-39.29%", "—" when there is none."""
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + plain(value) + "%"


def figure(fact: dict, lang: str) -> str:
    """A fact's figure with its qualifier, as a reader of `lang` would write it.

    Chinese gives the figure exactly as the article states it ("5200余处", "超千亿元");
    English puts the qualifier into words ("more than 5,200 facilities").
    """
    if lang == "zh":
        return fact["stated"]
    if fact["qualifier"] == "approx" and fact["stated"].startswith("近"):  # 近: just under, not either side
        return "nearly " + figure_en(fact["value"], fact["high"], "exact", fact["unit"])
    return figure_en(fact["value"], fact["high"], fact["qualifier"], fact["unit"])


def figure_en(value: float, high: float | None, qualifier: str, unit: dict) -> str:
    if unit["en"] == "place":  # a rank: 全国第二
        return f"No. {number_en(value)}"
    if qualifier == "range" and high is not None:
        return _with_unit(f"{number_en(value)}–{number_en(high)}", unit["en"], "en")
    return _EN_QUALIFIERS.get(qualifier, "") + _with_unit(number_en(value), unit["en"], "en")


def figure_zh(value: float, high: float | None, qualifier: str, unit: dict) -> str:
    """A figure in Chinese built from its parts, for facts whose wording is not the article's."""
    if unit["en"] == "place":
        return f"第{number_zh(value)}"
    if qualifier == "range" and high is not None:
        return f"{number_zh(value)}—{number_zh(high)}{unit['zh']}"
    before, after = _ZH_QUALIFIERS.get(qualifier, ("", ""))
    number = number_zh(value)
    if after == "余":  # 余 goes between the number and the measure word: 5200余处
        return f"{before}{number}余{unit['zh']}"
    return f"{before}{number}{unit['zh']}{after}"
