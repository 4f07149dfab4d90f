"""The bundled fact base: every figure tied to the article's words, and read right.

The one suite about the bundled facts.toml: its figures, its quotes against the
article, its tables and the README's reference made from it. Every other test
runs on a base it builds (tests/factbases.py), so a change to facts.toml turns
only this file red.
"""

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import help_reference
import pytest
from conftest import assert_golden, ok, run

from cqmin import cache, compare, contract, fact_file, facts, numerals, wording
from cqmin.domain import Measure

FACTS_TOML = Path(__file__).resolve().parent.parent / "facts.toml"
ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "source" / "chongqing-minsheng-2022-10-19.txt"


@pytest.fixture(scope="session")
def base():
    """The bundled base, as cqmin loads it."""
    return facts.load(str(FACTS_TOML))


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not at {ARTICLE} (CI has it beside the clone)")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def bundled(monkeypatch):
    """No fact base named: cqmin reads the bundled one (conftest names the sample for every other test)."""
    monkeypatch.delenv(facts.ENV_VAR, raising=False)


ALL_TOPICS = {"services", "jobs", "pension", "eldercare", "welfare", "housing", "transport", "health", "insurance"}


def test_the_bundled_base_has_no_problems(article):
    from cqmin import facts

    source = facts.Source(str(FACTS_TOML))
    _, problems, notes = fact_file.check(FACTS_TOML.read_bytes(), source, [str(ARTICLE)])
    assert problems == [] and notes == []


def test_about_120_distinct_figures(base):
    # 110 after counting each repeated figure once (see the header of facts.toml).
    assert 100 <= len(base.facts) <= 130
    assert len({fact.id for fact in base.facts}) == len(base.facts)


def test_nine_topics_each_with_facts(base):
    assert {topic.id for topic in base.topics} == ALL_TOPICS
    for topic in base.topics:
        assert base.facts_of(topic.id), topic.id


def test_six_speakers_each_with_facts(base):
    assert [speaker.name["zh"] for speaker in base.speakers] == [
        "朱江",
        "黎勇",
        "许建华",
        "郭唐勇",
        "王卫",
        "仲姝婕",
    ]
    spoken = {fact.speaker for fact in base.facts if fact.speaker}
    assert spoken == {speaker.id for speaker in base.speakers}


def test_one_event_which_every_speaker_and_fact_belongs_to(base):
    (event,) = base.events
    assert event.id == "livelihood-2022-10-19" and event.date == "2022-10-19"
    assert "学习二十大 书写新篇章" in event.title["zh"] and "第二场" in event.title["zh"]
    assert event.organizer["zh"] == "中共重庆市委宣传部"
    assert event.article["zh"] == "这些民生改善 我们可见可感可期"
    assert {speaker.event for speaker in base.speakers} == {fact.event for fact in base.facts} == {event.id}


def test_ids_are_lowercase_and_start_with_their_topic(base):
    for fact in base.facts:
        assert re.fullmatch(r"[a-z]+\.[a-z0-9-]+", fact.id), fact.id
        assert fact.id.startswith(fact.topic + ".")


def test_every_stated_figure_is_in_its_quote(base):
    for fact in base.facts:
        assert wording.squeeze(fact.stated) in wording.squeeze(fact.quote), fact.id


def test_every_quote_is_verbatim_in_the_article(base, article):
    source = wording.squeeze(article)
    missing = [fact.id for fact in base.facts if wording.squeeze(fact.quote) not in source]
    assert missing == []


def test_every_stated_figure_reads_as_its_value_and_qualifier(base):
    for fact in base.facts:
        reading = numerals.read_stated(fact.stated)
        assert reading.value == Decimal(repr(fact.value)), fact.id
        assert reading.qualifier == fact.qualifier.value, fact.id


def test_every_derived_baseline_recomputes(base):
    derived = [fact for fact in base.facts if fact.baseline and fact.baseline.derived]
    assert len(derived) >= 5
    for fact in derived:
        result = numerals.evaluate(fact.baseline.method).result
        assert round(result, 2) == round(Decimal(repr(fact.baseline.value)), 2), fact.id


def test_every_change_is_what_compare_computes(base):
    for fact in base.facts:
        relative = fact.unit.measure is Measure.COUNT
        assert fact.change == compare.change(fact.value, fact.as_of, fact.baseline, relative)


# The traps named in the issue, each checked by hand.
@pytest.mark.parametrize(
    ("fact_id", "value", "qualifier", "as_of"),
    [
        ("pension.pension-insured", 25_500_000, "exact", "2022-09"),
        ("pension.relief-for-firms", 100_000_000_000, "more_than", None),
        ("housing.old-compounds-area", 91_860_000, "exact", "2017/2022"),
        ("welfare.dibao-recipients", 775_700, "exact", None),
        ("insurance.insured", 32_000_000, "more_than", "2022-09-30"),
        ("insurance.ltc-beneficiaries", 16_000, "more_than", None),
        ("housing.care-facilities-added", 5_200, "more_than", "2022-10-19"),
        ("transport.mountain-walkways", 330, "approx", None),
        ("transport.station-access-compounds", 200, "approx", "2022-10-19"),
        ("jobs.unemployment-rate-target", 5.5, "at_most", "2023/2027"),
        ("pension.insured-rate-target", 95, "at_least", None),
        ("services.livelihood-spending-share", 80, "approx", None),
        ("health.health-literacy", 26.41, "exact", "2021"),
        ("housing.old-compounds-plan-area", 100_000_000, "approx", "2021/2025"),
    ],
)
def test_traps(base, fact_id, value, qualifier, as_of):
    fact = base.fact(fact_id)
    assert (fact.value, fact.qualifier.value, fact.as_of) == (value, qualifier, as_of)


def test_a_range_keeps_both_ends(base):
    fact = base.fact("health.chronic-disease-centres-plan")
    assert (fact.value, fact.high, fact.qualifier.value, fact.kind.value) == (3, 5, "range", "target")


def test_increase_by_times_is_not_times(base):
    # 增长1.2倍 is an increase BY 120%: 717 = before × 2.2, so before is 325.91, not 717 / 1.2.
    urban = base.fact("welfare.urban-dibao-standard")
    assert urban.baseline.value == 325.91
    assert urban.change.percent == 120.0
    rural = base.fact("welfare.rural-dibao-standard")
    assert rural.baseline.value == 187.42
    assert rural.change.percent == 210.0


def test_structure_ratio_is_a_share_with_a_stated_baseline_and_changes_in_points(base):
    fact = contract.fact_record(base.fact("pension.employee-share"), base)
    assert (fact["value"], fact["unit"]["en"], fact["stated"]) == (56, "%", "56:44")
    assert fact["baseline"] == {"value": 42, "as_of": "2017", "derived": False, "method": None}
    # A share's change is in percentage points; a percent of a percent, or a yearly rate of it, means nothing.
    assert fact["change"] == {"absolute": 14, "percent": None, "annual_percent": None}


def test_relative_change_without_a_level_is_its_own_fact(base):
    fact = base.fact("pension.retiree-pension-rise")
    assert (fact.value, fact.unit.name["en"], fact.baseline) == (23, "%", None)


def test_stated_baseline_of_the_response_time(base):
    fact = contract.fact_record(base.fact("health.emergency-response-time"), base)
    assert fact["baseline"] == {"value": 28, "as_of": None, "derived": False, "method": None}
    assert fact["change"] == {"absolute": -11, "percent": -39.29, "annual_percent": None}


def test_the_contract_example(base):
    fact = contract.fact_record(base.fact("pension.pension-insured"), base)
    assert fact["baseline"] == {"value": 20_820_000, "as_of": "2017-12", "derived": True, "method": "2550万 − 468万"}
    assert fact["change"] == {"absolute": 4_680_000, "percent": 22.48, "annual_percent": 4.36}
    assert fact["source"]["event"] == "livelihood-2022-10-19"
    assert fact["source"]["speaker"] == {
        "id": "li-yong",
        "name": {"zh": "黎勇", "en": "Li Yong"},
        "department": {"zh": "市人力社保局", "en": "Chongqing Municipal Human Resources and Social Security Bureau"},
    }


def test_plans_are_targets(base):
    for fact_id in (
        "jobs.new-urban-jobs-target",
        "health.digital-vaccination-clinics-plan",
        "services.key-projects-plan",
    ):
        assert base.fact(fact_id).kind.value == "target"


def test_achieved_facts_are_not_dated_after_the_conference(base):
    for fact in base.facts:
        if fact.kind.value == "achieved" and fact.as_of:
            assert fact.as_of.split("/")[0] <= "2022-10-19", fact.id


def test_infographic_only_figures_have_no_speaker(base):
    for fact_id in ("pension.services-online", "eldercare.care-institutions", "transport.road-length"):
        assert base.fact(fact_id).speaker is None


def test_a_figure_repeated_in_the_infographic_is_one_fact(base):
    for stated in ("365万人", "2550万人", "99.7%", "84元", "9186万平方米"):
        assert sum(fact.stated == stated for fact in base.facts) == 1, stated


def test_the_article_is_not_copied_into_the_project():
    # Facts carry short quotes; the full text stays outside the project.
    if not ARTICLE.exists():
        pytest.skip("no article to compare with")
    article = wording.squeeze(ARTICLE.read_text(encoding="utf-8"))
    longest = max(len(wording.squeeze(line)) for line in FACTS_TOML.read_text(encoding="utf-8").splitlines())
    assert longest < len(article) / 20


# ---------------------------------------------------------------- the bundled base in use


def test_an_empty_fact_base_variable_means_unset():
    """CQMIN_FACTS="" is not an error, nor an empty path: the bundled base is used."""
    result = run("pension", "--json", env={facts.ENV_VAR: ""})
    assert result.exit_code == 0, result.output
    assert result.stdout == run("--facts", str(FACTS_TOML), "pension", "--json").stdout


def test_validate_names_the_bundled_base_in_its_summary(bundled, base):
    result = run("validate")
    assert result.exit_code == 0, result.output
    counts = f"{len(base.facts)} facts, {len(base.topics)} topics, {len(base.speakers)} speakers"
    assert result.stdout == f"facts.toml (bundled): {counts}, 1 event: no problems\n"


def test_the_bundled_base_is_cached_and_served_from_the_cache(bundled, tmp_path, monkeypatch):
    """The bundled base is cached under a name of its own ("bundled:…") and read through importlib.resources."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert facts.Source(None).bundled
    first = facts.load()
    assert len(list((tmp_path / "cache" / "cqmin").iterdir())) == 1
    assert facts.Source(None).cache_name.startswith("bundled:")
    assert cache.read(facts.KIND, facts.Source(None).cache_name) is not None  # the one entry is the bundled base's
    # A hit neither parses nor validates: make both impossible and load again.
    monkeypatch.setattr(fact_file, "check", lambda *args, **kwargs: pytest.fail("parsed despite a fresh cache"))
    assert [fact.id for fact in facts.load().facts] == [fact.id for fact in first.facts]


# The bundled base's tables; test_topics.py checks the same layouts on the sample base (golden/sample-*.txt).
GOLDEN_CASES = {
    "pension-zh-80.txt": ["pension", "--lang", "zh"],
    "pension-en-80.txt": ["pension", "--lang", "en"],
    "welfare-en-80.txt": ["welfare", "--lang", "en"],
    "overview-zh-80.txt": ["--lang", "zh"],
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_tables(bundled, name):
    """The bundled base's tables at 80 columns, compared with text files; CQMIN_UPDATE_GOLDEN=1 rewrites them."""
    assert_golden(name, ok(*GOLDEN_CASES[name]))


def test_readme_reference_is_generated_from_help():
    """The README's command reference is `cqmin --help` on the bundled base."""
    assert help_reference.current() == help_reference.reference(), "run: python tests/help_reference.py"


def test_the_readme_s_press_conference_example_is_what_validate_says(tmp_path):
    """README, "Adding a press conference": its commands, run, print what it shows (a copy of facts.toml)."""
    script, shown = _readme_blocks("## Adding a press conference", "### From an article to a fact base")[:2]
    (tmp_path / "facts.toml").write_bytes(FACTS_TOML.read_bytes())
    cqmin = Path(sys.executable).with_name("cqmin")
    result = _run_readme(script, tmp_path)
    assert result.stdout == shown, result.stderr
    fixed = (
        (tmp_path / "my-facts.toml")
        .read_text(encoding="utf-8")
        .replace(
            'as_of = "2023"\nspeaker = "li-yong"\nquote = "去年', 'as_of = "2022"\nspeaker = "li-yong"\nquote = "去年'
        )
    )
    (tmp_path / "my-facts.toml").write_text(fixed, encoding="utf-8")
    readme = (FACTS_TOML.parent / "README.md").read_text(encoding="utf-8")
    said = re.search(r"validate answers\n`(.*?)`", readme, re.DOTALL)[1].replace("\n", " ")
    checked = subprocess.run([str(cqmin), "validate", "my-facts.toml"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.stdout.strip() == said


def _readme_blocks(start: str, end: str) -> list[str]:
    readme = (FACTS_TOML.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(start) : readme.index(end)]
    return [body for _, body in re.findall(r"```(\w*)\n(.*?)```", section, re.DOTALL)]


def _run_readme(script: str, folder: Path) -> subprocess.CompletedProcess:
    cqmin = Path(sys.executable).with_name("cqmin")
    return subprocess.run(
        ["bash", "-c", script.replace("cqmin ", f"{cqmin} ")], cwd=folder, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(folder / "cache"), "HOME": str(folder)},
    )  # fmt: skip


def test_the_readme_s_draft_walk_through_is_what_cqmin_does(tmp_path):
    """README, "From an article to a fact base": the report, drafted and validated, gives what it shows."""
    report, script, shown, fact = _readme_blocks("### From an article to a fact base", "## Checking a claim")
    (tmp_path / "report.txt").write_text(report, encoding="utf-8")
    result = _run_readme(script, tmp_path)
    assert result.stdout == shown, result.stderr
    assert fact in (tmp_path / "draft.toml").read_text(encoding="utf-8")


def test_the_readme_s_claim_is_checked_as_it_shows(tmp_path):
    """README, "Checking a claim": the command prints what it shows (in English, 80 columns: piped)."""
    script, shown = _readme_blocks("## Checking a claim", "## The JSON contract")
    result = _run_readme(script, tmp_path)
    assert result.stdout == shown and result.returncode == 1, result.stderr


def test_a_draft_of_the_article_comes_close_to_facts_toml(article, tmp_path):
    """cqmin draft on the bundled article, against the careful reading facts.toml is (benchmarks/draft_quality.py)."""
    import sys

    import tomli

    from cqmin import drafting, toml_text

    sys.path.insert(0, str(FACTS_TOML.parent / "benchmarks"))
    import draft_quality

    drafted = drafting.draft(article, "2022-10-19", "livelihood-2022-10-19", str(ARTICLE))
    shares = draft_quality.measure(drafted, tomli.loads(FACTS_TOML.read_text(encoding="utf-8")))
    assert {name: share for name, share in shares.items() if share < draft_quality.TARGETS[name]} == {}, shares
    path = tmp_path / "draft.toml"
    path.write_text(toml_text.dumps(drafted), encoding="utf-8")
    result = run("validate", str(path))  # its quotes checked against the article too (the event's source)
    others = [line for line in result.stdout.splitlines()[:-1] if ": draft: drafted, not yet reviewed" not in line]
    assert result.stdout.count(": draft: drafted") == len(drafted["facts"])
    assert len(others) <= 0.05 * len(drafted["facts"]), others


def test_check_holds_the_article_s_sentences_and_catches_them_altered(base):
    """cqmin check on facts.toml's own quotes, as said and altered in number, bound, year or kind
    (benchmarks/check_quality.py): altered, at least 90% contradicted and none supported."""
    import sys

    import tomli

    sys.path.insert(0, str(FACTS_TOML.parent / "benchmarks"))
    import check_quality

    counts = check_quality.judge_all(base, tomli.loads(FACTS_TOML.read_text(encoding="utf-8")))
    for how, verdicts in counts.items():
        total = sum(verdicts.values())
        if how == "as said":
            assert verdicts.get("supported", 0) >= 0.85 * total and not verdicts.get("contradicted"), verdicts
        else:
            assert not verdicts.get("supported") and verdicts.get("contradicted", 0) >= 0.9 * total, (how, verdicts)


def test_english_search_by_words_on_the_bundled_base(bundled):
    """The newcomer's words: car is not care, cars is car, parking finds the car parks."""
    car = [fact["id"] for fact in json.loads(ok("search", "car", "--json"))]
    assert car == [fact["id"] for fact in json.loads(ok("search", "cars", "--json"))]
    assert "transport.small-car-parks" in car and not any("care" in ident for ident in car)
    assert "transport.small-car-parks" in ok("search", "parking", "--json")
