"""BibTeX: one @misc entry a figure, for LaTeX, Zotero and Pandoc (`cqmin cite ID -f bibtex`).

Every value is escaped for LaTeX, and braces are balanced whatever a fact base
says: a label cannot close its field or open a command. Keys are the fact ids
with a prefix ("cqmin:pension.pension-insured"), which BibTeX accepts as they are.
"""

from cqmin.results import Citations

NAME = "bibtex"
HELP = "BibTeX entries"
TRAITS = {"extensions": (".bib",)}

# What LaTeX would read as a command or a group; text is written as these instead. BibTeX counts
# every brace, escaped or not, so a brace of the text becomes a command with a balanced {}.
_LATEX = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "&": r"\&",
    "#": r"\#", "$": r"\$",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}  # fmt: skip
# A url field is verbatim (biblatex, hyperref's \url): nothing is escaped, so the characters that could close
# the field or start a command are percent-encoded instead, which a web address reads as the same.
_URL = str.maketrans({"{": "%7B", "}": "%7D", "\\": "%5C"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def escape(text: str) -> str:
    from cqmin.render.safe import clean

    return "".join(_LATEX.get(char, char) for char in clean(text))


def _entry(fact, base, language, accessed: str | None) -> str:
    from cqmin.render.safe import clean

    event = base.event(fact.event)
    speaker = base.speaker(fact.speaker)
    year, month, _ = event.date.split("-")
    report = language.report(event, accessed)  # the press conference itself is author, howpublished and date
    author = language.text(speaker.name) if speaker else (language.text(event.organizer) if event.organizer else "")
    fields = [
        ("author", f"{{{escape(author)}}}" if author else ""),  # one literal name: 黎勇 is not "First Last"
        ("title", escape(f"{language.text(fact.label)}{language.colon}{language.figure_as_stated(fact)}")),
        ("howpublished", escape(language.medium(event))),  # who and when are author and date: each said once
        ("year", year),
        ("month", _MONTHS[int(month) - 1]),
        ("date", event.date),
        ("organization", escape(language.text(event.organizer)) if event.organizer else ""),
        ("note", escape(" ".join(filter(None, [f"“{fact.quote}”", report, f"cqmin {fact.id}"])))),
        ("language", escape(language.name)),
        (
            "url",
            clean(event.url).translate(_URL) if event.url else "",
        ),  # biblatex's; BibTeX's own styles print it in note
        ("urldate", accessed if event.url and accessed else ""),
    ]
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields if value
    )
    return f"@misc{{cqmin:{fact.id},\n{body}\n}}\n"


def _citations(result: Citations, output) -> str:
    return "\n".join(_entry(fact, result.base, output.language, output.today) for fact in result.facts)


RENDERS = {Citations: _citations}
