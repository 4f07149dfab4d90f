"""Reading figures the way Chinese statistical writing states them.

`read_stated("超千亿元")` gives (10^11, None, Qualifier.MORE_THAN); `evaluate("717 ÷ (1 + 1.2)")`
does the arithmetic of a derived baseline. The validator uses both to check that
every fact's value, qualifier and baseline agree with the words of the article.
Decimal keeps 77.57万 exactly 775700, where floats would not.
"""

import re
from decimal import Decimal

from cqmin.domain import BOUNDS_AFTER, BOUNDS_BEFORE, BOUNDS_INSIDE
from cqmin.domain import Qualifier as Q
from cqmin.record import Record

MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
# Every character a number of the article may hold (wording.py: is a figure part of a longer number?).
NUMBER_CHARS = frozenset("0123456789.．" + "".join(_DIGITS) + "".join(_UNITS) + "".join(MULTIPLIERS))


# Bounded, and ASCII digits only: a fact base is untrusted, and no figure needs more.
_NUMBER = r"[0-9]{1,16}(?:\.[0-9]{1,10})?(?![0-9])|[零〇一二两三四五六七八九十百千]{1,12}"
_MULTIPLIER = r"[万亿]{0,2}"  # 万亿 (10^12) at most


# (The two long patterns are kept as text, compiled on first use and cached by re, 1.5 ms each: a table that
# shows a derived baseline needs only the arithmetic's.)
_STATED = (
    rf"(?P<prefix>{'|'.join(BOUNDS_BEFORE)})?(?P<ordinal>(?:全国)?第)?"
    rf"(?P<number>{_NUMBER})"
    rf"(?:(?P<low_multiplier>[万亿]{{1,2}})?[—–~～至-](?P<high>{_NUMBER})|:(?P<other>{_NUMBER}))?"
    rf"(?:(?P<infix_before>{'|'.join(BOUNDS_INSIDE)})(?=[万亿]))?"  # "2550余万": as "2550万余", a few more
    rf"(?P<multiplier>{_MULTIPLIER})(?P<infix>{'|'.join(BOUNDS_INSIDE)})?"
    rf"(?P<unit>[^0-9]*?)(?P<suffix>{'|'.join(BOUNDS_AFTER)})?"
)


class Reading(Record):
    value: Decimal
    high: Decimal | None
    qualifier: Q
    measure_word: str  # what follows the number: "人", "个事项", "%"; "" for a bare number
    ordinal: bool = False  # a place in a ranking: "全国第二", "第3位"


def chinese_number(text: str) -> Decimal:
    """Arabic digits, or Chinese numerals below 万: "两百" is 200, "千" is 1000, "两千五" is 2500 (as said:
    a digit after a unit counts in the next unit down), "一千零五" is 1005; ValueError for "一二三"."""
    if "0" <= text[0] <= "9" or text[0] == "-":
        return Decimal(text)
    total, digit, last_unit, zero = 0, None, 10**4, False
    for char in text:
        if char in ("零", "〇"):
            zero = True  # a gap: the digit that follows counts as itself ("一千零五")
        elif char in _DIGITS:
            if digit is not None:
                raise ValueError(f"'{text}' is not a number: digits without 十, 百 or 千 between them")
            digit = _DIGITS[char]
        else:
            unit = _UNITS[char]
            if unit >= last_unit:
                raise ValueError(f"'{text}' is not a number: {char} after a larger or equal unit")
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero = None, unit, False
    if digit is not None:  # "两千五": 五 is 500, after 千 and with no 零 between
        total += digit * (last_unit // 10 if last_unit < 10**4 and not zero else 1)
    return Decimal(total)


def read_stated(text: str) -> Reading:
    """Read a figure as the article writes it; raise ValueError if it cannot be read."""
    match = re.fullmatch(_STATED, text.strip())
    if not match:
        raise ValueError(f"cannot read '{text}' as a figure")
    parts = match.groupdict()
    if parts["low_multiplier"] and parts["low_multiplier"] != parts["multiplier"]:
        raise ValueError(f"the range '{text}' has its ends in different units")  # "60万至70亿"
    scale = Decimal(1)
    for char in parts["multiplier"]:
        scale *= MULTIPLIERS[char]
    value = chinese_number(parts["number"]) * scale
    high = chinese_number(parts["high"]) * scale if parts["high"] else None
    if parts["other"] is not None and chinese_number(parts["number"]) + chinese_number(parts["other"]) != 100:
        raise ValueError(f"the ratio '{text}' does not add up to 100")
    markers = [
        qualifier
        for qualifier in (
            BOUNDS_BEFORE.get(parts["prefix"] or ""),
            BOUNDS_INSIDE.get(parts["infix_before"] or ""),
            BOUNDS_INSIDE.get(parts["infix"] or ""),
            BOUNDS_AFTER.get(parts["suffix"] or ""),
            Q.RANGE if high is not None else None,
        )
        if qualifier
    ]
    if len(markers) > 1:
        raise ValueError(f"'{text}' has more than one qualifier")
    return Reading(value, high, markers[0] if markers else Q.EXACT, parts["unit"], parts["ordinal"] is not None)


def plain_number(number: Decimal) -> int | float:
    """A Decimal as the int or float a fact base and its JSON hold: 700000, 5.5."""
    return int(number) if number == number.to_integral_value() else float(number)


def chinese_precision(text: str) -> Decimal:
    """The place of the last digit a Chinese numeral states, with its 万 and 亿: "两千六百万" is to 100万,
    "两千五" (as said: 两千五百) to 100, "近百万" to 100万, "三" to 1."""
    numeral = text.rstrip("".join(MULTIPLIERS))
    scale = Decimal(1)
    for char in text[len(numeral) :]:
        scale *= MULTIPLIERS[char]
    numeral = "".join(char for char in numeral if char in _DIGITS or char in _UNITS)
    if not numeral:
        return scale
    if numeral[-1] in _UNITS:
        return _UNITS[numeral[-1]] * scale
    units = [char for char in numeral if char in _UNITS]
    return (Decimal(_UNITS[units[-1]]) / 10 if units and numeral[-2] in _UNITS else Decimal(1)) * scale


# Any number in running text, with the 万 and 亿 after it: 1.16万亿, 28, 两千五. Chinese numerals only
# where a multiplier or a digit of their own makes them a number ("千亿", "三百"), not every 一 of a word.
_IN_TEXT = (
    rf"(?<![0-9.])(?P<arabic>(?<![0-9])[-−]?[0-9]{{1,16}}(?:\.[0-9]{{1,10}})?)(?![0-9])(?P<scale>{_MULTIPLIER})"
    rf"|(?P<chinese>[零〇一二两三四五六七八九十百千]{{1,12}})(?P<chinese_scale>[万亿]{{1,2}})"
    r"|(?P<counted>[零〇一二两三四五六七八九十百千]{0,6}[一二两三四五六七八九][十百千][零〇一二两三四五六七八九十百千]{0,6})"
)


def numbers(text: str) -> list[tuple[int, int, Decimal]]:
    """The numbers of a text, each (start, end, value with its 万 and 亿): what a quote may state."""
    found = []
    for match in re.finditer(_IN_TEXT, text):
        digits = (match["arabic"] or match["chinese"] or match["counted"]).replace("−", "-")
        scale = Decimal(1)
        for char in match["scale"] or match["chinese_scale"] or "":
            scale *= MULTIPLIERS[char]
        try:
            found.append((match.start(), match.end(), chinese_number(digits) * scale))
        except ValueError:  # "一二三": no number
            continue
    return found


# ---------------------------------------------------------------- arithmetic of derived baselines

# A number of a derivation may be a percentage as the quote writes it ("18.6万 ÷ (1 + 5.2%)": 5.2% is 0.052).
_TOKEN = re.compile(
    rf"\s*(?:(?P<number>[0-9]{{1,16}}(?:\.[0-9]{{1,10}})?(?![0-9.]){_MULTIPLIER}%?)|(?P<op>[-+−×*÷/()]))"
)
# A derivation is a line of arithmetic ("717 ÷ (1 + 1.2)"); anything longer or deeper is refused, not recursed into.
# Figures are exact in every consumer of the JSON (below 2^53, the largest integer
# a JavaScript number holds exactly): a value, or a derivation's result, stays below this.
LARGEST = 10**15
MAX_METHOD = 200
MAX_DEPTH = 8
_OPERATORS = {"−": "-", "×": "*", "÷": "/"}


class Arithmetic(Record):
    result: Decimal
    operands: list[str]  # the numbers as written, "468万" included


def _tokens(text: str) -> list[str]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            raise ValueError(f"cannot read '{text[position:].strip()[:10]}' in '{text[:60]}'")
        tokens.append(match.group("number") or _OPERATORS.get(match.group("op"), match.group("op")))
        position = match.end()
    return tokens


def _is_number(token: str) -> bool:
    return "0" <= token[0] <= "9"


def _number(token: str) -> Decimal:
    if token.endswith("%"):
        return Decimal(token[:-1]) / 100
    digits = token.rstrip("万亿")
    value = Decimal(digits)
    for char in token[len(digits) :]:
        value *= MULTIPLIERS[char]
    return value


def respell(text: str, spell) -> str:
    """A derivation with each of its numbers written by `spell` (a language's number()): "2550万 − 468万" is
    "25.5 million − 4.68 million" in English. Operators and brackets stay; what cannot be read stays as it is."""
    try:
        tokens = _tokens(text)
    except ValueError:
        return text
    return _TOKEN.sub(lambda match: match.group().replace(match["number"], spell(_number(match["number"])))
                      if match["number"] and not match["number"].endswith("%") else match.group(),
                      text.rstrip()) if tokens else text  # fmt: skip


def evaluate(text: str) -> Arithmetic:
    """Evaluate "2550万 − 468万" or "717 ÷ (1 + 1.2)"; raise ValueError if malformed."""
    if len(text) > MAX_METHOD:
        raise ValueError(f"a derivation of {len(text)} characters is too long (at most {MAX_METHOD})")
    tokens = _tokens(text)
    operands = [token for token in tokens if _is_number(token)]
    position = depth = 0

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> str:
        nonlocal position
        if position >= len(tokens):
            raise ValueError(f"'{text}' ends too early")
        position += 1
        return tokens[position - 1]

    def expression() -> Decimal:
        value = term()
        while peek() in ("+", "-"):
            value = value + term() if take() == "+" else value - term()
        return value

    def term() -> Decimal:
        value = factor()
        while peek() in ("*", "/"):
            if take() == "*":
                value *= factor()
            else:
                divisor = factor()
                if divisor == 0:
                    raise ValueError(f"'{text}' divides by zero")
                value /= divisor
        return value

    def factor() -> Decimal:
        token = take()
        if token == "(":
            nonlocal depth
            depth += 1
            if depth > MAX_DEPTH:
                raise ValueError(f"'{text[:40]}' nests parentheses deeper than {MAX_DEPTH}")
            value = expression()
            depth -= 1
            if take() != ")":
                raise ValueError(f"'{text}' has an unclosed '('")
            return value
        if token == "-":
            return -factor()
        if not _is_number(token):
            raise ValueError(f"'{text}' has '{token}' where a number should be")
        return _number(token)

    try:
        result = expression()
    except ArithmeticError:  # decimal's Overflow, InvalidOperation and the like
        raise ValueError(f"'{text}' is not arithmetic cqmin can do") from None
    if position != len(tokens):
        raise ValueError(f"'{text}' has '{tokens[position]}' left over")
    if abs(result) >= LARGEST:  # no figure of a city is this large; rounding it would overflow
        raise ValueError(f"'{text}' comes to 10^15 or more, larger than any figure cqmin holds")
    return Arithmetic(result, operands)
