"""How a result is to be written: to which terminal, in which language, with which fields and ids."""

from cqmin.languages.base import Language
from cqmin.record import Record
from cqmin.terminal import Terminal


class Output(Record):
    terminal: Terminal
    language: Language
    fields: list[str] | None = None  # --fields: dot paths to keep, in order
    ids: bool = False  # --ids: fact ids in tables that do not show them unasked
    today: str | None = None  # the day of this run (YYYY-MM-DD): a citation of a web address says when it was read

    @property
    def ascii_only(self) -> bool:
        """Whether the output cannot hold Chinese (PYTHONIOENCODING=ascii): JSON then escapes it."""
        return not self.terminal.unicode
