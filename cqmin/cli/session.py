"""What one command works with: the fact base, the output format, the language, the terminal.

Options given before the command (`cqmin --lang en pension`) are kept in the
root context and serve as defaults for the command's own.
"""

import contextlib
import sys

import typer

from cqmin.cli.options import Format, Lang


def raise_unencodable(encoding: str, fmt: str) -> None:
    from cqmin.errors import CqminError

    raise CqminError(
        f"the output's encoding ({encoding}) cannot hold Chinese, and {fmt.upper()} has no way to escape it",
        hint="set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), use --format json, or export with -o FILE",
    )


class Defaults:
    """The options given before the command."""

    def __init__(self, facts: str | None, lang: Lang | None, format_: Format | None) -> None:
        self.facts = facts
        self.lang = lang
        self.format = format_


def defaults(ctx: typer.Context) -> Defaults:
    return ctx.find_root().obj or Defaults(None, None, None)


def _format(ctx: typer.Context, format_: Format | None, json_: bool) -> str:
    if json_ and format_ not in (None, Format.json):
        raise typer.BadParameter(f"--json means --format json, not {format_.value}", param_hint="'--json'")
    chosen = Format.json if json_ else format_ or defaults(ctx).format or Format.table
    return chosen.value


class Session:
    def __init__(self, ctx: typer.Context, format_: Format | None = None, json_: bool = False, lang=None) -> None:
        from cqmin import lang as languages
        from cqmin.terminal import Terminal

        self.format = _format(ctx, format_, json_)
        explicit = lang or defaults(ctx).lang
        self.term = Terminal()
        self.lang = languages.resolve(explicit.value if explicit else None)
        if not self.term.unicode:
            self._degrade()
            if self.lang == "zh" and explicit != Lang.zh:
                self.lang = "en"  # an output that cannot hold Chinese gets English rather than question marks
        self._facts_path = defaults(ctx).facts
        self._base = None

    @property
    def base(self):
        """The fact base, loaded on first use."""
        if self._base is None:
            from cqmin import facts

            self._base = facts.load(self._facts_path)
        return self._base

    def write(self, records: list, listing: str, draw: str, *args) -> None:
        """Write records ("facts", "topics" or "speakers") in the chosen format.

        `draw` names the table renderer ("topics.topic"), called with `args`, the
        language and the terminal; it is imported only when a table is drawn.
        """
        from cqmin.render import output

        output.write(self.term, self.format, records, listing, self.lang, draw, args)

    def _degrade(self) -> None:
        """An output that cannot hold Chinese (PYTHONIOENCODING=ascii): keep working, say what is lost.

        JSON and NDJSON fall back to \\u escapes and lose nothing; tables switch to
        English and ASCII drawing, and what is left is replaced by '?'. CSV and
        Markdown have no escapes, and data must not change silently: refused.
        """
        if self.format in ("json", "ndjson"):
            return
        if self.format in ("csv", "markdown"):
            raise_unencodable(self.term.encoding, self.format)
        with contextlib.suppress(AttributeError, ValueError):
            self.term.stream.reconfigure(errors="replace")
        sys.stderr.write(
            f"Note: the output's encoding ({self.term.encoding}) cannot show Chinese; "
            "set PYTHONIOENCODING=utf-8 or a UTF-8 locale for the full text.\n"
        )
