"""`cqmin draft`: an article read into a fact base a person reviews, that validate reads back by the same rules.

Its reading is tested on short reports of its own, written in the style of a
press release with the traps of one (years, quarters, durations, a congress,
a range in 万, plans after "下一步", an infographic dated by a line of its own);
test_factbase.py measures it on the bundled article.
"""

import os
import stat

import pytest
import tomli
from conftest import run

REPORT = """示例市就业新闻发布会

发布人

市人力社保局党组书记、局长 **张三**
市统计局副局长 **李四**

张三介绍，2023年全市城镇新增就业76万人，较2022年增加3万人。截至今年3月底，全市养老保险参保人数达到1200万人，较2017年末增加200万人。一季度，全市城镇调查失业率为5.1%。

李四说，全市常住人口约3200万人，近五年累计新增人口超百万人。下一步，将力争到2025年建成50个就业服务站，再建设3—5个创业园区。

党的二十大以来，全市新增各类人才60万至70万人，在“15+5”服务圈中设立1环5横服务点，形成5G网络。

图解

截至目前

建成零工市场120个
"""

EXPECTED = {  # stated: (value, high, qualifier, kind, as_of, speaker's name, baseline)
    "76万人": (760000, None, "exact", "achieved", "2023", "张三",
               {"value": 730000, "derived": True, "method": "76万 − 3万", "as_of": "2022"}),
    "1200万人": (12000000, None, "exact", "achieved", "2024-03-31", "张三",
                 {"value": 10000000, "derived": True, "method": "1200万 − 200万", "as_of": "2017-12"}),
    "5.1%": (5.1, None, "exact", "achieved", "2024-03-31", "张三", None),
    "约3200万人": (32000000, None, "approx", "achieved", "", "李四", None),
    "超百万人": (1000000, None, "more_than", "achieved", "2019/2024", "李四", None),
    "50个": (50, None, "exact", "target", "2025", "李四", None),
    "3—5个": (3, 5, "range", "target", "2025", "李四", None),  # 到2025年 dates both plans of the sentence
    "60万至70万人": (600000, 700000, "range", "achieved", "2022/2024", "李四", None),
    "120个": (120, None, "exact", "achieved", "2024-04-18", None, None),
}  # fmt: skip


@pytest.fixture
def report(tmp_path) -> str:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return str(path)


def drafted(report: str, tmp_path, *args: str) -> dict:
    output = tmp_path / "draft.toml"
    result = run("draft", report, "--date", "2024-04-18", "-o", str(output), *args)
    assert result.exit_code == 0, result.output
    return tomli.loads(output.read_text(encoding="utf-8"))


def test_every_figure_read_as_the_text_says_and_nothing_that_is_not_one(report, tmp_path):
    data = drafted(report, tmp_path)
    speakers = {speaker["id"]: speaker["name"]["zh"] for speaker in data["speakers"]}
    found = {}
    for fact in data["facts"]:
        assert fact["draft"] is True and fact["topic"] == "unsorted"
        assert fact["stated"] in fact["quote"] and fact["quote"].replace("\n", "") in REPORT.replace("\n", "")
        found[fact["stated"]] = (fact["value"], fact.get("high"), fact["qualifier"], fact["kind"], fact["as_of"],
                                 speakers.get(fact["speaker"]), fact.get("baseline"))  # fmt: skip
    assert found == EXPECTED  # not 2023年, 3月底, 一季度, 近五年, 二十大, 2025年, 15+5, 1环5横, 5G; no change a fact
    assert [(s["name"]["zh"], s["department"]["zh"], s["role"]["zh"]) for s in data["speakers"]] == [
        ("张三", "市人力社保局", "党组书记、局长"), ("李四", "市统计局", "副局长")
    ]  # fmt: skip
    (event,) = data["events"]
    assert (event["id"], event["date"], event["title"]["zh"]) == (
        "event-2024-04-18",
        "2024-04-18",
        "示例市就业新闻发布会",
    )
    units = data["units"]
    assert units["people"]["words"] == ["人", "名"] and units["percent"]["measure"] == "share"


def test_validate_reads_the_draft_back_and_lists_only_what_to_review(report, tmp_path):
    data = drafted(report, tmp_path)
    result = run("validate", str(tmp_path / "draft.toml"))
    assert result.exit_code == 1
    problems = result.stdout.splitlines()[:-1]
    drafts = [line for line in problems if ": draft: drafted, not yet reviewed" in line]
    assert len(drafts) == len(data["facts"])
    left = [line.split(": ", 2)[2] for line in problems if line not in drafts]  # and what draft could not know
    assert left == ["place.zh: '（待填）' is what cqmin draft left to fill in",
                    "place.en: '(to fill in)' is what cqmin draft left to fill in"]  # fmt: skip
    reviewed = (tmp_path / "draft.toml").read_text(encoding="utf-8").replace("draft = true\n", "")  # the quotes
    (tmp_path / "reviewed.toml").write_text(reviewed, encoding="utf-8")  # are the source's: nothing else
    result = run("validate", str(tmp_path / "reviewed.toml"))
    assert result.exit_code == 1 and len(result.stdout.splitlines()) == 3  # the place, until it is written
    filled = reviewed.replace('place = { zh = "（待填）", en = "(to fill in)" }', 'place = { zh = "示例市" }')
    (tmp_path / "reviewed.toml").write_text(filled, encoding="utf-8")
    assert run("validate", str(tmp_path / "reviewed.toml")).exit_code == 0


def test_a_draft_is_never_shown_as_checked_data(report, tmp_path):
    data = drafted(report, tmp_path)
    for args in (["unsorted"], ["search", "人"], ["show", data["facts"][0]["id"]], ["export"]):
        result = run("--facts", str(tmp_path / "draft.toml"), *args)
        assert result.exit_code == 1 and result.stdout == ""
        assert f"{len(data['facts'])} drafted facts are not yet reviewed" in result.stderr


def test_the_draft_names_its_article_from_where_it_is_written(report, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.txt").write_text(REPORT, encoding="utf-8")
    result = run("draft", str(tmp_path / "out" / "report.txt"), "--date", "2024-04-18", "-o", str(tmp_path / "d.toml"))
    assert result.exit_code == 0
    data = tomli.loads((tmp_path / "d.toml").read_text(encoding="utf-8"))
    assert data["events"][0]["source"] == os.path.join("out", "report.txt")
    assert run("validate", str(tmp_path / "d.toml")).stdout.count("not yet reviewed") == len(data["facts"])
    # an article outside the base's folder, which validate would not read: named in the header instead
    result = run("draft", report, "--date", "2024-04-18", "-o", str(tmp_path / "out" / "d.toml"))
    assert result.exit_code == 0
    text = (tmp_path / "out" / "d.toml").read_text(encoding="utf-8")
    assert "source" not in tomli.loads(text)["events"][0] and f"--source {report}`" in text
    stdout = run("draft", report, "--date", "2024-04-18", "--event", "jobs-2024")
    assert stdout.exit_code == 0 and tomli.loads(stdout.stdout)["events"][0]["id"] == "jobs-2024"


def test_a_file_is_not_replaced_without_force(report, tmp_path):
    target = tmp_path / "draft.toml"
    target.write_text("mine", encoding="utf-8")
    result = run("draft", report, "--date", "2024-04-18", "-o", str(target))
    assert result.exit_code == 1 and "already exists" in result.stderr and target.read_text(encoding="utf-8") == "mine"
    assert run("draft", report, "--date", "2024-04-18", "-o", str(target), "--force").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2024-13-01"], "'2024-13-01' has no month 13"),  # as validate says it of a date
        (["--date", "18 April 2024"], "is not an ISO 8601 date"),
        (["--date", "2024-04"], "'2024-04' is not a day (YYYY-MM-DD)"),
        (["--date", "2024-04-18", "--event", "Jobs 2024"], "is not a lowercase id"),
    ],
)
def test_mistakes_on_the_command_line(report, args, message):
    result = run("draft", report, *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_what_is_no_article(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, message in ((binary, "not UTF-8"), (fifo, "not a regular file"), (tmp_path, "is a folder"),
                          (tmp_path / "none.txt", "no such file")):  # fmt: skip
        result = run("draft", str(path), "--date", "2024-04-18")
        assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    (tmp_path / "words.txt").write_text("发布会上没有一个数字。", encoding="utf-8")
    result = run("draft", str(tmp_path / "words.txt"), "--date", "2024-04-18", "-o", str(tmp_path / "d.toml"))
    assert result.exit_code == 1 and "no figure found, so nothing to draft" in result.stderr
    assert not (tmp_path / "d.toml").exists()


def test_hostile_text_gets_a_bounded_clean_answer(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("\u202e\x1b[31m" * 1000 + "一" * 500000 + "增加5人" * 10 + "。", encoding="utf-8")
    result = run("draft", str(path), "--date", "2024-04-18")
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "\u202e" not in result.stdout
    data = tomli.loads(result.stdout)
    assert all(len(fact["quote"]) <= 1000 for fact in data["facts"])
    many = tmp_path / "many.txt"
    many.write_text("5人，" * 3000, encoding="utf-8")
    result = run("draft", str(many), "--date", "2024-04-18")
    assert result.exit_code == 1 and "more than 2,000 figures" in result.stderr


SECOND = """某市养老服务发布会

市民政局副局长王某介绍，全市养老机构从2017年的180家增加到今年上半年的260家。今年上半年，全市城镇新增就业18.6万人，同比增长5.2%。城镇调查失业率为5.3%，较去年同期下降0.4个百分点。去年全市孕产妇死亡率降至9.5/10万。
"""


def test_a_second_report_s_speaker_levels_and_changes_in_percent(tmp_path):
    """A report in another hand: an office before the speaker's name, dates on both levels of a 从…到, a level
    grown by a share of itself, a share moved by points, and a rate per 100,000 (no figure of 10万)."""
    path = tmp_path / "second.txt"
    path.write_text(SECOND, encoding="utf-8")
    output = tmp_path / "second.toml"
    assert run("draft", str(path), "--date", "2023-07-20", "-o", str(output)).exit_code == 0
    data = tomli.loads(output.read_text(encoding="utf-8"))
    (speaker,) = data["speakers"]
    assert (speaker["name"]["zh"], speaker["role"]["zh"], speaker["department"]["zh"]) == ("王某", "副局长", "市民政局")
    by_stated = {fact["stated"]: fact for fact in data["facts"]}
    assert sorted(by_stated) == ["18.6万人", "260家", "5.3%"]  # (180家 is 260家's baseline; 10万 is no figure)
    assert by_stated["260家"]["baseline"] == {"value": 180, "as_of": "2017", "derived": False}
    assert by_stated["18.6万人"]["baseline"]["method"] == "18.6万 ÷ (1 + 5.2%)"
    assert by_stated["5.3%"]["baseline"]["method"] == "5.3 + 0.4"
    assert "同比增长5.2%" in by_stated["18.6万人"]["quote"]  # what the baseline is read from, quoted
    reviewed = output.read_text(encoding="utf-8").replace("draft = true\n", "")
    reviewed = reviewed.replace('place = { zh = "（待填）", en = "(to fill in)" }', 'place = { zh = "某市" }')
    output.write_text(reviewed, encoding="utf-8")
    result = run("validate", str(output))  # the percentages in the arithmetic are the quote's own
    assert result.exit_code == 0, result.stdout
