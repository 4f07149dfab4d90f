"""Speed without timing: what a lookup imports, and a cache that is never stale and never in the way."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run

from cqmin import cache, cache_store, fact_file, facts, freshness, table_store
from cqmin.shells import ARGS_VAR, COMPLETE_VAR, CWORD_VAR, WORDS_VAR

INSURED = "pension.insured"  # a fact of the sample base
LABEL = "People insured for pensions"  # its English label, which the tests below change

PROBE = """
import sys
from cqmin.cli.app import main
sys.argv = ["cqmin", *{args!r}]
status = 0
try:
    main()
except SystemExit as exit:
    status = exit.code or 0
watched = {{"rich", "pydantic", "sqlite3", "csv", "tomli", "decimal"}}
heavy = sorted({{name.split(".")[0] for name in sys.modules}} & watched)
print("IMPORTED", heavy, file=sys.stderr)
print("STATUS", status, file=sys.stderr)
"""


def imported(*args: str, **env: str) -> list[str]:
    """The heavy modules a run of cqmin imported, in a fresh interpreter (after a run to warm the cache)."""
    environ = {**os.environ, **env}
    code = PROBE.format(args=list(args))
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ)
    lines = result.stderr.splitlines()
    assert "STATUS 0" in lines and result.stdout, result.stderr  # the run did its work: a lookup that found it
    line = next(line for line in lines if line.startswith("IMPORTED"))
    return eval(line.removeprefix("IMPORTED "))


def test_json_lookups_import_neither_rich_nor_the_toml_parser():
    assert imported("pension", "--json") == []
    assert imported("show", INSURED, "--json") == []
    assert imported("search", "养老", "--json") == []


def test_completion_imports_neither_rich_nor_the_toml_parser():
    env = {COMPLETE_VAR: "complete_zsh", ARGS_VAR: "cqmin show pension."}
    assert imported(**env) == []
    env = {COMPLETE_VAR: "complete_bash", WORDS_VAR: "cqmin show pension.", CWORD_VAR: "2"}
    assert imported(**env) == []


def test_tables_import_rich_but_not_the_toml_parser():
    heavy = imported("pension")
    assert "rich" in heavy and "tomli" not in heavy


def _cache_files() -> list[str]:
    try:
        return sorted(os.listdir(cache.folder()))
    except FileNotFoundError:
        return []


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "cqmin"


def test_the_cache_is_written_and_used(private_cache, monkeypatch, sample):
    facts.load()
    assert len(list(private_cache.iterdir())) == 1
    # A hit neither parses nor validates: make both impossible and load again.
    monkeypatch.setattr(fact_file, "check", lambda *args: pytest.fail("parsed despite a fresh cache"))
    assert [fact.id for fact in facts.load().facts] == sample.ids()


def test_the_cache_is_rebuilt_when_the_file_changes(tmp_path, private_cache, sample):
    assert sample.fact(INSURED)["label"]["en"] == LABEL
    path = sample.write(tmp_path)
    assert facts.load(path).fact(INSURED).label["en"] == LABEL
    sample.fact(INSURED)["label"]["en"] = LABEL + " (changed)"
    sample.write(tmp_path)
    assert facts.load(path).fact(INSURED).label["en"] == LABEL + " (changed)"


def test_a_change_that_keeps_size_and_time_is_still_seen(tmp_path, private_cache, sample):
    assert sample.fact(INSURED)["label"]["en"] == LABEL
    path = sample.write(tmp_path)
    facts.load(path)
    status = os.stat(path)
    swapped = LABEL[:-1] + "z"  # one letter for another: the same size
    sample.fact(INSURED)["label"]["en"] = swapped
    sample.write(tmp_path)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert os.stat(path).st_size == status.st_size
    assert facts.load(path).fact(INSURED).label["en"] == swapped


@pytest.fixture
def settled(monkeypatch):
    """Every file counts as settled (freshness.RACY_NS = 0), as a fact file is seconds after it was written."""
    monkeypatch.setattr(freshness, "RACY_NS", 0)


def _reads(monkeypatch) -> list[str]:
    """The paths of fact files read from here on."""
    paths, real = [], facts.read_user_file_status
    monkeypatch.setattr(facts, "read_user_file_status", lambda path, *rest: paths.append(path) or real(path, *rest))
    return paths


def test_a_settled_file_whose_status_is_its_entry_s_is_not_read(tmp_path, private_cache, sample, settled, monkeypatch):
    """A look-up in a large base would cost more in reading and hashing it than in answering."""
    path = sample.write(tmp_path)
    assert run("--facts", path, "pension", "--json").exit_code == 0  # the command table (and a fact cache)
    facts.load(path)  # the fact cache as this test loads it (with no names reserved for cqmin's commands)
    reads = _reads(monkeypatch)
    assert [fact.id for fact in facts.load(path).facts] == sample.ids() and table_store.read(path) is not None
    assert reads == []


def test_a_settled_file_changed_in_place_is_read_again(tmp_path, private_cache, sample, settled, monkeypatch):
    """Size and modification time kept: the change time, which the system sets at every write, tells."""
    path = sample.write(tmp_path)
    facts.load(path)
    status = os.stat(path)
    sample.fact(INSURED)["label"]["en"] = LABEL[:-1] + "z"  # one letter for another: the same size
    for _ in range(300):  # written again until the clock that stamps files has ticked (1 ms to 1 s a tick)
        sample.write(tmp_path)
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        if os.stat(path).st_ctime_ns != status.st_ctime_ns:
            break
        time.sleep(0.01)
    assert os.stat(path).st_size == status.st_size and os.stat(path).st_ctime_ns != status.st_ctime_ns
    assert facts.load(path).fact(INSURED).label["en"] == LABEL[:-1] + "z"


def test_a_racy_entry_is_checked_by_its_digest_until_the_file_settles(tmp_path, private_cache, sample, monkeypatch):
    """A file read within the clock's resolution of a change could change again unseen (git's "racy" files): its
    entry is checked by its digest, then, once the file has settled, known by the status it has then."""
    path = sample.write(tmp_path)
    monkeypatch.setattr(freshness, "RACY_NS", 10**18)  # every file changed just now
    facts.load(path)
    reads = _reads(monkeypatch)
    facts.load(path)
    assert reads == [path]  # racy: read, and hashed
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    base = facts.load(path)  # settled: read once more, and the entry keyed by the status the file has now
    monkeypatch.setattr(fact_file, "check", lambda *args, **kwargs: pytest.fail("rebuilt after re-keying"))
    assert [fact.id for fact in base.facts] == sample.ids()  # (its parts, read before the entry was replaced)
    facts.load(path)
    assert reads == [path, path]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_a_loaded_base_holds_no_file_open(tmp_path, private_cache, sample):
    path = sample.write(tmp_path)
    facts.load(path)
    before = len(os.listdir("/proc/self/fd"))
    bases = [facts.load(path) for _ in range(20)]
    assert [len(base.facts) for base in bases] == [len(sample.facts)] * 20
    assert len(os.listdir("/proc/self/fd")) == before


def test_parts_of_an_entry_replaced_since_its_header_was_read_are_not_served(tmp_path, private_cache, sample):
    """A run reads an entry's header, then its parts as it needs them: should another run replace the entry in
    between, the first reads no part of the new one under the old header."""
    path = sample.write(tmp_path)
    facts.load(path)
    key, parts = cache.read(facts.KIND, facts.Source(path).cache_name)
    entry = {name: cache.part(parts, name) for name in parts.names()}
    cache_store.write(facts.KIND, facts.Source(path).cache_name, key, entry)  # the same entry, in a new file
    assert all(parts.raw(name) is None for name in parts.names())


def test_a_new_version_does_not_read_an_old_cache(private_cache, monkeypatch):
    facts.load()
    monkeypatch.setattr(freshness, "__version__", "999")
    calls = []
    real_check = fact_file.check
    monkeypatch.setattr(fact_file, "check", lambda *args, **kwargs: calls.append(1) or real_check(*args, **kwargs))
    facts.load()
    assert calls == [1]


def test_changed_code_does_not_read_an_old_cache(private_cache, monkeypatch):
    """An entry names the code that built it (freshness.code): an edit of cqmin rebuilds it, version or not."""
    facts.load()
    monkeypatch.setattr(freshness, "_CODE", ["another build of cqmin"])
    calls = []
    real_check = fact_file.check
    monkeypatch.setattr(fact_file, "check", lambda *args, **kwargs: calls.append(1) or real_check(*args, **kwargs))
    facts.load()
    assert calls == [1]


def test_the_code_fingerprint_follows_every_module(tmp_path, monkeypatch):
    """freshness.code() changes when any module of cqmin changes size or modification time, and only then."""
    first = freshness.code()
    monkeypatch.setattr(freshness, "_CODE", [])
    assert freshness.code() == first
    module = next(Path(freshness.__file__).parent.joinpath("formats").glob("*.py"))
    status = module.stat()
    try:
        os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns + 1))
        monkeypatch.setattr(freshness, "_CODE", [])
        assert freshness.code() != first
    finally:
        os.utime(module, ns=(status.st_atime_ns, status.st_mtime_ns))


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"{not marshal", "truncate"])
def test_a_corrupt_cache_is_ignored(private_cache, base, damage):
    assert run("pension", "--json").exit_code == 0
    (entry,) = private_cache.glob("facts-*")
    data, sound = entry.read_bytes(), _entry(facts.Source(None))
    entry.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    result = run("pension", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(json.loads(result.stdout)) == len(base.facts_of("pension"))
    assert _entry(facts.Source(None)) == sound  # rebuilt (its key's "racy" may differ: a question of time)


def test_the_cache_checksum_sees_every_change_of_up_to_three_neighbouring_bytes():
    """What checksum.py promises in place of CRC-32: no flip of a bit, and no change of one to three bytes side
    by side, anywhere in a part, goes unseen."""
    import random

    from cqmin.checksum import checksum

    pick = random.Random(2022_10_19)
    data = bytes(pick.randrange(256) for _ in range(4096))
    sound = checksum(data)
    for at in range(len(data)):
        for bit in range(8):
            flipped = bytearray(data)
            flipped[at] ^= 1 << bit
            assert checksum(bytes(flipped)) != sound
    for _ in range(20_000):
        at, width = pick.randrange(len(data) - 3), pick.randrange(1, 4)
        changed = bytearray(data)
        changed[at : at + width] = bytes(pick.randrange(256) for _ in range(width))
        assert changed == data or checksum(bytes(changed)) != sound


def _entry(source) -> dict:
    """A cached base's parts, unpacked."""
    _, parts = cache.read(facts.KIND, source.cache_name)
    return {name: cache.part(parts, name) for name in parts.names()}


def test_a_cache_of_the_wrong_shape_is_ignored(private_cache, sample):
    import marshal

    facts.load()
    (entry,) = private_cache.iterdir()
    entry.write_bytes(marshal.dumps({"key": {}, "base": {"facts": "nope"}}))
    assert [fact.id for fact in facts.load().facts] == sample.ids()
    # A sound entry, of this version and key, whose core or facts are not a base's: rebuilt, not served.
    key, parts = cache.read(facts.KIND, facts.Source(None).cache_name)
    entry = {name: cache.part(parts, name) for name in parts.names()}
    units = [(unit[0], unit[1], "no measure") for unit in entry["core"]["units"]]  # (a unit is unpacked when used)
    for damaged in ({**entry, "core": {"facts": [("x",)]}}, {**entry, "facts:pension": {"pension.insured": (0, b"x")}},
                    {**entry, "facts:pension": [("x",)]},
                    {**entry, "core": {**entry["core"], "units": units}}):  # fmt: skip
        cache_store.write(facts.KIND, facts.Source(None).cache_name, key, damaged)
        assert [fact.id for fact in facts.load().facts] == sample.ids()
        assert facts.load().fact(INSURED).label["en"] == LABEL


def test_a_scan_keeps_what_it_is_asked_to_and_a_damaged_fact_rescans_the_rebuilt_base(tmp_path, private_cache, sample):
    """FactBase.scan (search) unpacks each fact as it is reached and keeps none it did not have: a search holds
    its hits, not the base (nor its packed parts). A fact found damaged on the way (its part sound, its record
    not) is not half-served: the rebuilt base is scanned whole, and what the scan made before the fault is
    dropped."""
    path = sample.write(tmp_path)
    facts.load(path)
    base = facts.load(path)
    assert base.scan(lambda fact: fact.id if fact.topic == "health" else None) == [
        fact["id"] for fact in sample.facts if fact["topic"] == "health"
    ]
    assert base._facts._unpacked == {} and base._facts._packed == {}  # (nothing read or unpacked was kept)
    key, parts = cache.read(facts.KIND, facts.Source(path).cache_name)
    entry = {name: cache.part(parts, name) for name in parts.names()}
    last = max(entry["facts:pension"].items(), key=lambda item: item[1][0])[0]  # the pension fact met last
    entry["facts:pension"][last] = (entry["facts:pension"][last][0], b"x")
    cache_store.write(facts.KIND, facts.Source(path).cache_name, key, entry)
    seen: list[str] = []
    base = facts.load(path)
    assert base.scan(lambda fact: seen.append(fact.id) or fact.id) == sample.ids()
    assert len(seen) > len(sample.ids())  # the cached facts before the fault, then the rebuilt base's, whole


def test_an_unusable_cache_folder_is_bypassed(tmp_path, monkeypatch, base):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = run("pension", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(json.loads(result.stdout)) == len(base.facts_of("pension"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_cache_folder_is_bypassed(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    assert run("pension", "--json").exit_code == 0


def test_no_cache_when_turned_off(private_cache, monkeypatch):
    monkeypatch.setenv("CQMIN_NO_CACHE", "1")
    assert run("pension", "--json").exit_code == 0
    assert not private_cache.exists()


def test_two_fact_bases_keep_their_own_caches(tmp_path, private_cache, sample):
    path = sample.write(tmp_path)  # the same facts at another path
    facts.load()
    facts.load(path)
    assert len(list(private_cache.iterdir())) == 2


def test_a_changed_file_is_read_once(tmp_path, private_cache, monkeypatch, sample):
    path = sample.write(tmp_path)
    facts.load(path)
    sample.fact(INSURED)["label"]["en"] = "Insured for pensions"
    sample.write(tmp_path)
    reads = []
    real_read = facts.Source.read
    monkeypatch.setattr(facts.Source, "read", lambda self: reads.append(1) or real_read(self))
    assert facts.load(path).fact(INSURED).label["en"] == "Insured for pensions"
    assert reads == [1]


def test_a_run_builds_only_the_command_it_runs(monkeypatch):
    from cqmin.cli import framework

    assert run("pension", "--json").exit_code == 0  # the cache, and its command table of every command, made
    built = []
    real = framework.get_command_from_info

    def counting(info, **kwargs):
        built.append(info.callback.__name__)
        return real(info, **kwargs)

    monkeypatch.setattr(framework, "get_command_from_info", counting)
    assert run("show", INSURED, "--json").exit_code == 0
    assert built == ["show"]
    built.clear()
    assert run("pension", "--json").exit_code == 0  # a topic: its own command, no command of cqmin's
    assert built == ["_topic"]
    assert "validate" in run("--help").stdout  # help lists them all


def test_checking_a_base_leaves_garbage_collection_on(sample_path):
    """fact_file.check parses without collecting cycles (a fifth of a large base's time), and turns it back on, also
    when the file is refused."""
    import gc

    source = facts.Source(sample_path)
    fact_file.check(source.read(), source)
    assert gc.isenabled()
    with pytest.raises(fact_file.InvalidFactBase):
        fact_file.check(b"[[facts]\n", source)
    assert gc.isenabled()


def test_a_table_is_keyed_as_its_base_was_read(tmp_path, private_cache, sample, monkeypatch):
    """A fact file changed between the base's load and the writing of its command table does not key the table
    built from the old base: the table is keyed as the base was read."""
    from cqmin.cli import table

    path = sample.write(tmp_path)
    real = table.build

    def build_then_change(root_ctx, base):
        built = real(root_ctx, base)
        sample.fact(INSURED)["label"]["en"] = LABEL + " (changed meanwhile)"
        sample.write(tmp_path)
        return built

    monkeypatch.setattr(table, "build", build_then_change)
    assert run("--facts", path, "pension", "--json").exit_code == 0
    assert table_store.read(path) is None  # the old table is not this file's
    monkeypatch.setattr(table, "build", real)
    assert run("--facts", path, "pension", "--json").exit_code == 0
    labels = dict(table_store.read(path).fact_ids(INSURED))
    assert labels[INSURED]["en"] == LABEL + " (changed meanwhile)"


def test_a_base_whose_cache_proves_damaged_becomes_the_rebuilt_base_whole(tmp_path, private_cache, sample):
    """Facts are read from the cache as a command asks for them; should a part be gone or damaged by then, the
    base is rebuilt from its file and adopted whole: no answer mixes the cached records with a changed file's."""
    path = sample.write(tmp_path)
    facts.load(path)
    base = facts.load(path)  # from the cache, its facts not read yet
    pension = [fact["id"] for fact in sample.facts if fact["topic"] == "pension"]
    sample.topic("pension")["title"]["en"] = "Renamed meanwhile"
    sample.write(tmp_path)
    cache_store.drop(facts.KIND, facts.Source(path).cache_name)
    assert [fact.id for fact in base.facts_of("pension")] == pension
    assert base.topic("pension").title["en"] == "Renamed meanwhile"
