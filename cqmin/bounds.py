"""The numbers a stated figure allows: "2550万人" one, "超过2500万" every one above, "300余家" 300 to 400.

`cqmin check` holds a claim's figure to a fact's by these intervals (claims.py): the
claim is borne out when every number the fact allows is one the claim allows, and
contradicted when none is. A claim is read narrowly (claimed) and a fact widely
(allowed): read so, a doubt about what a fact allows can only keep the answer from
"supported".

How far a figure reaches is the place of its last digit: "约2550万" is 2550万 give or
take half of 1万; 近 ("nearly") reaches up to its number, not past it, from one of its
last place below, zeros not counting ("近2600万": 2500万 to 2600万; a claim's no further
than a tenth below: "近三千万" is not 2550万). A fact's zeros at the end do not count
("约2500万": ±50万, for it may be rounded there); a claim's do, but where it says 约
(about), as rounded there too, by a twentieth of it at most ("约33800元" is 33803,
"约1000" is not 1400). 余 and 多 ("a few more") reach less than one of the place they
count in, which Chinese grammar fixes:
the number's last place written (三百余: "300余" is 300 to 400, "310余" 310 to 320,
"2550余万" 2550万 to 2560万), or one of the 万 or 亿 they follow ("2550万余" is 2550万
to 2551万), or the last decimal ("1.6万余" 1.6万 to 1.7万).
"""

import re
from decimal import Decimal

from cqmin import numerals
from cqmin.domain import Qualifier as Q

# (low, high, whether low is in it, whether high is in it), None for no end
Interval = tuple[Decimal | None, Decimal | None, bool, bool]

# 余 or 多 right after the number or after its 万 or 亿: a few more
# (or 有余 after its measure word: "2550万人有余", as "2550万余人")
_A_FEW_MORE = re.compile(r"[0-9零〇一二两三四五六七八九十百千](?P<multiplier>万亿|[万亿])?(?:余|多)|(?P<after>有余)$")
_DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
# the number, with its 万 or 亿 (二十余万: 二十万), not the 百 of 个百分点
_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千]+(?:[余多](?=[万亿]))?[万亿]{0,2}|[万亿]{1,2}")
_ABOUT = re.compile(r"约|左右|about|around|approximately|roughly|some", re.IGNORECASE)


def a_few_more(stated: str) -> bool:
    """Whether a figure says "a few more" (余, 多) rather than "more than" (超过)."""
    return bool(_A_FEW_MORE.search(stated))


def _last_place(stated: str, value: Decimal, zeros_count: bool) -> Decimal:
    """The place of the last digit a figure states, in its value's units: "2550万" 1万 (10万 where zeros at the
    end do not count), "1.6万" 0.1万, "两千六百万" 100万."""
    digits = _DIGITS.search(stated)
    if not digits:
        numeral = _NUMERAL.search(stated)
        written = numeral[0].replace("余", "").replace("多", "") if numeral else ""
        if zeros_count:  # 三千万 is 3000万 in words: its zeros count as 3000万's do, to its 万
            step = Decimal(1)
            for char in written[len(written.rstrip("万亿")) :]:
                step *= numerals.MULTIPLIERS[char]
            return step
        return numerals.chinese_precision(written)
    written = digits.group().replace(",", "")
    number = Decimal(written)
    scale = value / number if number else Decimal(1)
    if "." in written or zeros_count:
        return scale * Decimal(10) ** number.as_tuple().exponent
    zeros = len(written) - len(written.rstrip("0"))
    return scale * Decimal(10) ** min(zeros, len(written) - 1)


def few_more(stated: str, value: Decimal) -> Decimal:
    """How much more than its number a figure with 余 or 多 reaches (less than this)."""
    after = _A_FEW_MORE.search(stated)["multiplier"]  # (有余 counts as 余 before 万: "40家有余" is 40 to 50)
    if after and not _DIGITS.search(stated):  # 两千五百五十万余: one 万
        step = Decimal(1)
        for char in after:
            step *= numerals.MULTIPLIERS[char]
        return step
    return _last_place(stated, value, zeros_count=bool(after))


_NEARLY = re.compile(r"将?近|nearly|almost", re.IGNORECASE)


def nearly(stated: str) -> bool:
    """Whether a figure says "nearly" (近): up to its number, not past it."""
    return bool(_NEARLY.match(stated))


def _interval(value: Decimal, qualifier: Q, high, stated: str, narrow: bool) -> Interval:
    if qualifier is Q.MORE_THAN and a_few_more(stated):
        return value, value + few_more(stated, value), False, False
    if qualifier is Q.APPROX:
        if nearly(stated):  # 近四百: up to 400, not past it, from a place below; a claim's, a tenth at most
            reach = _last_place(stated, value, zeros_count=False)
            return value - (min(reach, abs(value) / 10) if narrow else reach), value, False, True
        half = _last_place(stated, value, zeros_count=narrow) / 2
        if narrow and _ABOUT.search(stated):  # "约33800元" may be rounded at its zeros: 33803, not a twentieth more
            half = max(half, min(_last_place(stated, value, zeros_count=False) / 2, abs(value) / 20))
        return value - half, value + half, False, False
    if qualifier is Q.RANGE:
        return value, Decimal(repr(high)) if not isinstance(high, Decimal) else high, True, True
    return {
        Q.EXACT: (value, value, True, True), Q.MORE_THAN: (value, None, False, False),
        Q.AT_LEAST: (value, None, True, False), Q.LESS_THAN: (None, value, False, False),
        Q.AT_MOST: (None, value, False, True),
    }[qualifier]  # fmt: skip


def claimed(value: Decimal, qualifier: Q, high, stated: str) -> Interval:
    """The numbers a claim's figure says, read narrowly."""
    return _interval(value, qualifier, high, stated, narrow=True)


def allowed(value: Decimal, qualifier: Q, high, stated: str) -> Interval:
    """The numbers a fact's figure allows, read widely."""
    return _interval(value, qualifier, high, stated, narrow=False)


def overlap(one: Interval, other: Interval, at_a_point: bool = True) -> bool:
    """Whether some number is in both; where not `at_a_point`, more than one number, unless either is one
    ("95%以下" and "95%以上" share only 95%: as good as none)."""
    lows = [(low, closed) for low, closed in ((one[0], one[2]), (other[0], other[2])) if low is not None]
    highs = [(high, closed) for high, closed in ((one[1], one[3]), (other[1], other[3])) if high is not None]
    if not lows or not highs:
        return True
    # the higher low and the lower high; at a tie, an open end is the tighter
    low, low_closed = max(lows, key=lambda end: (end[0], not end[1]))
    high, high_closed = min(highs, key=lambda end: (end[0], end[1]))
    if low < high:
        return True
    single = any(interval[0] is not None and interval[0] == interval[1] for interval in (one, other))
    return low == high and low_closed and high_closed and (at_a_point or single)


def within(inner: Interval, outer: Interval) -> bool:
    """Whether every number of `inner` is in `outer`."""
    low_in = outer[0] is None or (
        inner[0] is not None and (inner[0] > outer[0] or (inner[0] == outer[0] and (outer[2] or not inner[2])))
    )
    high_in = outer[1] is None or (
        inner[1] is not None and (inner[1] < outer[1] or (inner[1] == outer[1] and (outer[3] or not inner[3])))
    )
    return low_in and high_in
