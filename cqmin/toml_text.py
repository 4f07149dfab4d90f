"""TOML text of a fact base, as people write one: a key a line, texts as inline tables, records as [[arrays]].

For what cqmin writes as TOML (`cqmin draft`) and for the fact bases tests build.
Only the shapes a fact base has are written: text, numbers, true/false, lists,
tables of those, and at the top level tables of tables ([units]) and lists of
tables ([[facts]]). Text is written in basic strings with every control, bidi
or invisible character escaped (\\u202e), so whatever a value holds, the file
parses back to it, and nothing in it acts on the terminal it is printed to.
"""

import math
import re

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else string(name)


def string(text: str) -> str:
    """A basic string; what would act on a terminal or hide (render.safe) as an escape, parsed back the same."""
    from cqmin.render.safe import unsafe

    return '"' + "".join(_ESCAPES.get(char) or (_escaped(char) if unsafe(char) else char) for char in text) + '"'


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def value(item) -> str:
    """One value, inline."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        if math.isinf(item):
            return "inf" if item > 0 else "-inf"
        return repr(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, dict):
        inner = ", ".join(f"{key(name)} = {value(entry)}" for name, entry in item.items())
        return f"{{ {inner} }}" if item else "{}"
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(value(inner) for inner in item) + "]"
    raise TypeError(f"TOML has no form for {type(item).__name__}")


def _is_table_list(item) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(inner, dict) for inner in item)


def dumps(data: dict, header: str = "") -> str:
    """The file: `header` as comment lines, top-level keys, then each table and list of tables in order."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    if lines:
        lines.append("")
    plain = [name for name, item in data.items() if not (isinstance(item, dict) or _is_table_list(item))]
    lines += [f"{key(name)} = {value(data[name])}" for name in plain]
    for name, item in data.items():
        if name in plain:
            continue
        if isinstance(item, dict):
            lines += ["", f"[{key(name)}]"] + [f"{key(inner)} = {value(entry)}" for inner, entry in item.items()]
            continue
        for entry in item:
            lines += ["", f"[[{key(name)}]]"] + [f"{key(inner)} = {value(field)}" for inner, field in entry.items()]
    return "\n".join(lines) + "\n"
