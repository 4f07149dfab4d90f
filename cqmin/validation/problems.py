"""A problem of a fact base: where it is (file, line, column, entry, field) and what is wrong."""

from cqmin.record import Record

# The one problem of a fact `cqmin draft` wrote: what is left to do (README, "From an article to a fact base").
DRAFTED = "drafted, not yet reviewed: check it against the article, give it a label and a topic, delete draft = true"


class Problem(Record):
    file: str
    line: int | None
    column: int | None
    id: str  # the entry: a fact id, a place such as "speakers[2]" or "file"; "" for the file as text
    field: str | None  # a key, or a dotted path such as "baseline.value"
    message: str

    def format(self) -> str:
        """One line, compiler style: "facts.toml:436: pension.pension-insured: value: …"."""
        place = self.file
        if self.line:
            place += f":{self.line}"
            if self.column and not self.id:  # a fault in the text itself (TOML syntax): its column too
                place += f":{self.column}"
        entry = f" {self.id}:" if self.id else ""
        field = f" {self.field}:" if self.field else ""
        return f"{place}:{entry}{field} {self.message}"

    def as_record(self) -> dict:
        """The problem as `validate -f json` prints it: its fields, in order."""
        return dict(zip(self._fields, self, strict=True))
