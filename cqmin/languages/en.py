"""English: millions and billions, "more than" in words, "Sep 2022"."""

from cqmin.domain import Measure, Qualifier
from cqmin.languages.base import Language, in_units, plain
from cqmin.model import Event, Fact, Speaker, Unit

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_QUALIFIER_PREFIX = {
    Qualifier.APPROX: "about ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.AT_MOST: "≤ ",
    Qualifier.LESS_THAN: "less than ",
}


class English(Language):
    code = "en"
    name = "English"
    locales = ("en", "c", "posix")
    names = ("english", "eng", "英文", "英语")
    # Class variables, as base.Language declares them (annotated there: the annotation would need typing).
    words = {  # noqa: RUF012
        "achieved": "Achieved",
        "targets": "Targets ahead",
        "comparison": "Before and now",
        "label": "Figure",
        "figure": "Value",
        "stated": "As stated",
        "as_of": "As of",
        "period": "Period",
        "change": "Change",
        "per_year": "a year",
        "derived": "derived baseline",
        "derived_note": "the article gives the change, not the earlier level",
        "undated": "no date given",
        "conference": "press conference",
        "conferences": "{n} press conferences",
        "figures_as_of": "figures as of",
        "speakers": "Speakers",
        "infographic": "infographic (no speaker named)",
        "topic": "Topic",
        "command": "Command",
        "facts": "Facts",
        "n_facts": "{n} facts",
        "n_compared": "{n} compared",
        "headline": "Headline figure",
        "none": "(none)",
        "kind": "Kind",
        "kind_achieved": "achieved",
        "kind_target": "target",
        "qualifier": "Qualifier",
        "baseline": "Baseline",
        "method": "Derivation",
        "quote": "Quote",
        "speaker": "Speaker",
        "role": "Role",
        "department": "Department",
        "id": "ID",
        "event": "Event",
        "date": "Date",
        "place": "Place",
        "organizer": "Organizer",
        "article": "Article",
        "topics": "Topics",
        "name": "Name",
        "sort_note": "largest change first, up or down",
        "before": "before",
        "now": "now",
        "compared": "Compared",
        "comparisons": "Comparisons",
        "matched": "matched",
        "claimed": "Claimed",
        "verdict": "Verdict",
        "supported": "supported",
        "contradicted": "contradicted",
        "not_found": "not found",
        "reason": "Why",
        "why_another_number": "another number",
        "why_is_range": "the fact is a range",
        "why_bounded": "the fact's figure is bounded",
        "why_not_above": "the fact's figure is not above the claim's",
        "why_not_below": "the fact's figure is not below the claim's",
        "why_another_range": "another range",
        "why_outside_range": "outside the range",
        "why_gives_change": "the fact gives this change",
        "why_change_differs": "{why}: the change the fact gives",
        "why_plan_unsaid": "the fact is a plan, which the claim does not say",
        "why_target_as_done": "a target claimed as done",
        "why_result_as_plan": "a result claimed as a plan",
        "why_since_when": "the fact covers {as_of}, and the claim does not say from when",
        "why_no_date": "the fact gives no date to hold '{claimed}' to",
        "why_level_not_change": "the fact gives a level, not a change",
        "why_other_way": "the fact says it went the other way",
        "why_another_name": "its words name another quantity ('{claimed}')",
        "why_another_place": "its words name another place ('{claimed}') than the fact's",
        "why_yearly_average": "the claim's figure is a yearly one ('{claimed}'), the fact's is not",
        "why_yearly_unsaid": "the fact is a yearly average, which the claim does not say",
        "why_another_date": "another date: the claim says '{claimed}', the fact {as_of}",
        "why_gives_figure": "the fact gives this figure",
        "why_facts_differ": "the facts its words are about differ on it",
        "why_denied": "the claim denies it, and check weighs no denial",
        "why_earlier_level": "the claim gives it as the level a change starts from, which check does not weigh",
        "why_list_order": "the claim lists these figures in another order than the fact's sentence",
        "why_nothing_about": "no fact is about what the claim's words are about",
    }
    qualifiers = {  # noqa: RUF012
        Qualifier.EXACT: "as stated, no qualifier",
        Qualifier.APPROX: "approximate (约, 左右, 近)",
        Qualifier.MORE_THAN: "more than (余, 多, 超, 突破)",
        Qualifier.AT_LEAST: "at least (以上)",
        Qualifier.AT_MOST: "at most (以内, 以下)",
        Qualifier.LESS_THAN: "less than (不到, 不足)",
        Qualifier.RANGE: "a range",
    }

    def number(self, value: float) -> str:
        """25.5 million, 100 billion, 2.79 trillion, 775,700, 137.3."""
        in_words = in_units(value, ((12, " trillion"), (9, " billion"), (6, " million")), 3)
        if in_words:
            return in_words
        whole, _, fraction = plain(value).partition(".")
        sign = "-" if whole.startswith("-") else ""
        return sign + f"{int(whole.lstrip('-')):,}" + ("." + fraction if fraction else "")

    def quantity(self, value: float, unit: Unit) -> str:
        name = self.text(unit.name)
        return self.number(value) + (name if unit.measure is Measure.SHARE else f" {name}")

    def figure(self, fact: Fact) -> str:
        if fact.unit.measure is Measure.RANK:  # 全国第二, 第3—5位, 约第3位
            if fact.qualifier is Qualifier.RANGE and fact.high is not None:
                return f"No. {self.number(fact.value)}–{self.number(fact.high)}"
            return _QUALIFIER_PREFIX.get(fact.qualifier, "") + f"No. {self.number(fact.value)}"
        if fact.qualifier is Qualifier.RANGE and fact.high is not None:
            span = f"{self.number(fact.value)}–{self.number(fact.high)}"
            return span + ("" if fact.unit.measure is Measure.SHARE else " ") + self.text(fact.unit.name)
        if fact.qualifier is Qualifier.APPROX and fact.stated.startswith("近"):  # 近: just under, not either side
            return "nearly " + self.quantity(fact.value, fact.unit)
        return _QUALIFIER_PREFIX.get(fact.qualifier, "") + self.quantity(fact.value, fact.unit)

    def points(self, value: float) -> str:
        return self.number(value) + " pp"

    def per_year(self, rate: str) -> str:
        return f"{rate} {self.words['per_year']}"

    def date(self, year: int, month: int | None, day: int | None) -> str:
        if month is None:
            return str(year)
        return (f"{day} " if day else "") + f"{_MONTHS[month - 1]} {year}"

    def speaker(self, speaker: Speaker) -> str:
        return f"{self.text(speaker.name)} ({self.text(speaker.department)}, {self.text(speaker.role)})"

    def reference(self, event: Event, accessed: str | None = None) -> str:
        """In the manner of a Chicago note: organiser, "title", place, date; then the article (`report`)."""
        parts = [self.text(event.organizer)] if event.organizer else []
        parts += [self.text(event.title), self.text(event.place), _long_date(event.date)]
        report = self.report(event, accessed)
        return ", ".join(parts) + "." + (f" {report}" if report else "")

    def report(self, event: Event, accessed: str | None = None) -> str:
        """The article of a press conference, as much as the base gives of it (a url alone is still where to
        read it): its title, its publisher and date, its address and when it was read; "" for none."""
        report = []
        if event.article:
            original = event.article.get("zh")  # the report's own title, in the language it was written in
            shown = self.text(event.article)
            report = [f"Reported in “{shown}”" + (f" ({original})" if original and original != shown else "")]
        if event.publisher:
            report.append(("" if report else "Reported by ") + self.text(event.publisher))
        if event.published:
            report.append(_long_date(event.published))
        if event.url:
            report.append(event.url + (f" (accessed {_long_date(accessed)})" if accessed else ""))
        if not report:
            return ""
        return ("" if event.article or event.publisher else "Reported: ") + ", ".join(report) + "."

    def medium(self, event: Event) -> str:
        return f"{self.text(event.title)}, {self.text(event.place)}"

    def attribution(self, fact: Fact, speaker: Speaker | None, event: Event) -> str:
        who = self.speaker(speaker) if speaker else (self.text(event.organizer) if event.organizer else "")
        where = f"{self.text(event.title)}, {self.text(event.place)}, {_long_date(event.date)}"
        return f"{who}, at {where}" if who else where


def _long_date(day: str) -> str:
    """2022-10-19 as "19 October 2022"."""
    year, month, date = (int(part) for part in day.split("-"))
    return f"{date} {_MONTH_NAMES[month - 1]} {year}"


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # fmt: skip

LANGUAGE = English()
