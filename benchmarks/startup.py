"""How much cqmin costs over the framework it stands on: medians, ratios, peak memory.

    python benchmarks/startup.py            # 30 interleaved rounds
    python benchmarks/startup.py --runs 60

It writes two "floor" programs next to itself (in benchmarks/out/): Typer apps
of cqmin's shape (the same commands and options, on the same Typer) whose
command prints ten records as JSON, or a ten-row Rich table. Then it runs
cqmin and the floors in turn, round after round, so that a noisy machine slows
them alike, and compares each cqmin command with its floor by the median of
its ratios round by round (and the same for CPU time, which other processes
disturb less):

    cqmin pension --json, show ID --json,
    show ID --fields value -f tsv          <= 3 x python -c pass (answered without Typer: cqmin.quick)
    cqmin search 养老 --json                <= 3.5 x python -c pass
    cqmin pension (a table)                <= 0.8 x the table floor (Rich, but not Typer)
    a TAB on fact ids in bash, zsh, fish   <= 2.5 x python -c pass (answered without Typer)
    peak memory of each                    <= its reference's + 2 MiB (by GNU time, where there is one;
                                           also shown: the program's own memory, to the page)

The fact cache is warmed first (as it is after the first run on a machine).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

FLOOR = '''
"""A Typer app of cqmin's shape that does nothing but print: the floor cqmin is measured against."""
import sys
from enum import Enum
from typing import Annotated

import typer

class Format(str, Enum):
    table = "table"; json = "json"; ndjson = "ndjson"; csv = "csv"; tsv = "tsv"; markdown = "markdown"

class Lang(str, Enum):
    auto = "auto"; zh = "zh"; en = "en"

class Kind(str, Enum):
    achieved = "achieved"; target = "target"; all = "all"

FormatOption = Annotated[Format | None, typer.Option("--format", "-f", help="Output format.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
LangOption = Annotated[Lang | None, typer.Option("--lang", help="Language.")]

app = typer.Typer(
    name="floor", context_settings={"help_option_names": ["--help", "-h"]}, pretty_exceptions_enable=False
)

RECORDS = [
    {"id": f"pension.fact-{i}", "topic": "pension", "label": {"zh": "养老保险参保人数", "en": "People insured"},
     "value": 25500000 + i, "high": None, "unit": {"zh": "人", "en": "people"}, "stated": "2550万人",
     "qualifier": "exact", "kind": "achieved", "as_of": "2022-09", "baseline": None, "change": None,
     "source": {"speaker": None, "quote": "截至今年9月，全市养老、失业和工伤保险参保人数分别达到2550万人"}}
    for i in range(10)
]

def _print(format_):
    if format_ == Format.table:
        from rich.console import Console
        from rich.table import Table
        table = Table("Figure", "Value", "As of")
        for record in RECORDS:
            table.add_row(record["label"]["zh"], record["stated"], record["as_of"])
        Console().print(table)
    else:
        import json
        sys.stdout.write(json.dumps(RECORDS, ensure_ascii=False, indent=2) + "\\n")

@app.callback(invoke_without_command=True)
def root(ctx: typer.Context,
         facts: Annotated[str | None, typer.Option("--facts", envvar="CQMIN_FACTS")] = None,
         lang: LangOption = None, format_: FormatOption = None, json_: JsonOption = False,
         version: Annotated[bool, typer.Option("--version", "-V", is_eager=True)] = False) -> None:
    pass

IdsOption = Annotated[bool, typer.Option("--ids")]
FieldsOption = Annotated[str | None, typer.Option("--fields")]


def _topic(name):
    def command(format_: FormatOption = None, json_: JsonOption = False, lang: LangOption = None,
                kind: Annotated[Kind, typer.Option("--kind")] = Kind.all, ids: IdsOption = False,
                fields: FieldsOption = None) -> None:
        _print(Format.json if json_ else format_ or Format.table)
    command.__doc__ = f"{name} figures."
    return command

for name in ("topics", "services", "jobs", "pension", "eldercare", "welfare", "housing", "transport", "health",
             "insurance", "sources"):
    app.command(name=name)(_topic(name))

def _ids(ctx, incomplete):
    return [(record["id"], record["label"]["en"]) for record in RECORDS if record["id"].startswith(incomplete)]

@app.command()
def compare(topic: Annotated[list[str] | None, typer.Argument()] = None, format_: FormatOption = None,
            json_: JsonOption = False, lang: LangOption = None) -> None:
    _print(format_)

@app.command()
def show(ids: Annotated[list[str], typer.Argument(autocompletion=_ids)], format_: FormatOption = None,
         json_: JsonOption = False, lang: LangOption = None) -> None:
    _print(Format.json if json_ else format_ or Format.table)

@app.command()
def search(query: Annotated[list[str], typer.Argument()], topic: Annotated[str | None, typer.Option("--topic")] = None,
           format_: FormatOption = None, json_: JsonOption = False, lang: LangOption = None) -> None:
    _print(format_)

@app.command()
def export(format_: FormatOption = None, output: Annotated[str | None, typer.Option("--output", "-o")] = None,
           force: Annotated[bool, typer.Option("--force")] = False) -> None:
    _print(Format.json)

@app.command()
def validate(path: Annotated[str | None, typer.Argument()] = None,
             source: Annotated[str | None, typer.Option("--source")] = None, format_: FormatOption = None) -> None:
    _print(Format.json)

def main() -> None:
    app(prog_name="floor")
'''

# Like cqmin's console script: a tiny launcher that imports compiled code.
LAUNCHER = "from floor_app import main\nmain()\n"


def _measure(argv: list[str], env: dict) -> tuple[float, float]:
    """Wall time and CPU time in seconds of one run (its memory: _peak)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def _wrapper(python: str) -> str:
    """What runs cqmin: pip before 25 wrote a console script that imports re (1 MiB, about 5 ms), since 25 one that
    does not (pypa/pip#13166); uv's and pipx's (with a current pip) do not."""
    script = Path(python).with_name("cqmin")
    if not script.exists():
        return "none (python -m cqmin)"
    imports_re = any(line.strip() == "import re" for line in script.read_text(encoding="utf-8").splitlines())
    return f"{script} ({'imports re, as pip before 25 writes it' if imports_re else 'no re'})"


def _cqmin(python: str) -> list[str]:
    """The console script, as users run it (python -m would add runpy's cost)."""
    script = Path(python).with_name("cqmin")
    return [str(script)] if script.exists() else [python, "-m", "cqmin"]


def _cases(python: str, floor: str) -> dict[str, tuple[list[str], dict]]:
    cqmin = _cqmin(python)
    floor_cmd = [python, floor]
    from cqmin.shells import ARGS_VAR, COMPLETE_VAR, CWORD_VAR, WORDS_VAR  # cqmin's own protocol

    tab_bash = {COMPLETE_VAR: "complete_bash", WORDS_VAR: "cqmin show pension.", CWORD_VAR: "2"}
    tab_zsh = {COMPLETE_VAR: "complete_zsh", ARGS_VAR: "cqmin show pension."}
    tab_fish = {COMPLETE_VAR: "complete_fish", ARGS_VAR: "cqmin show pension."}
    return {
        "python -c pass": ([python, "-c", "pass"], {}),
        "floor: JSON": ([*floor_cmd, "pension", "--json"], {}),
        "floor: table": ([*floor_cmd, "pension"], {}),
        "cqmin pension --json": ([*cqmin, "pension", "--json"], {}),
        "cqmin show ID --json": ([*cqmin, "show", "pension.pension-insured", "--json"], {}),
        "cqmin show ID value tsv": ([*cqmin, "show", "pension.pension-insured", "--fields", "value", "-f", "tsv"], {}),
        "cqmin search 养老 --json": ([*cqmin, "search", "养老", "--json"], {}),
        "cqmin pension (table)": ([*cqmin, "pension"], {}),
        "TAB on ids, bash": (cqmin, tab_bash),
        "TAB on ids, zsh": (cqmin, tab_zsh),
        "TAB on ids, fish": (cqmin, tab_fish),
    }


# Which floor each cqmin case is held to, and the target ratio.
TARGETS = {
    # A look-up is answered without Typer (cqmin.quick): held to Python's own start-up, as jq would be.
    "cqmin pension --json": ("python -c pass", 3.0),
    "cqmin show ID --json": ("python -c pass", 3.0),
    "cqmin show ID value tsv": ("python -c pass", 3.0),
    "cqmin search 养老 --json": ("python -c pass", 3.5),
    "cqmin pension (table)": ("floor: table", 0.8),  # Rich, but not Typer
    # A TAB is answered from the cache before Typer is imported: held to Python's own start-up.
    "TAB on ids, bash": ("python -c pass", 2.5),
    "TAB on ids, zsh": ("python -c pass", 2.5),
    "TAB on ids, fish": ("python -c pass", 2.5),
}
MEMORY_SLACK_KIB = 2 * 1024  # peak memory over the reference's
GNU_TIME = "/usr/bin/time"

# Memory the program itself holds at exit: its anonymous pages (the heap and Python's arenas), read from
# /proc/self/smaps_rollup, which counts them to the page. GNU time's peak (the kernel's ru_maxrss) moves in
# steps of 128 KiB on recent Linux, which counts a process's pages per CPU in batches of 32, and it counts
# the pages of libpython and libc the run touched too, which vary with the page cache: small changes do not
# show in it. A look-up's peak is at its end (its answer written), so this is its peak too. The probe is a
# sitecustomize module, which site imports at start-up, so that the console script runs as installed (pip
# before 25 wrote one that imports re, 1 MiB: see the README): running its text from another script would
# add that script's compiling to what is measured. python -c pass is measured as an empty script.
RESIDENT_PROBE = """
import atexit, sys
def resident():
    with open("/proc/self/smaps_rollup") as rollup:
        kib = next(int(line.split()[1]) for line in rollup if line.startswith("Anonymous:"))
    sys.stderr.write(f"RESIDENT {kib}\\n")
atexit.register(resident)
"""


def _resident(python: str, args: list[str] | None, env: dict) -> int | None:
    """Anonymous KiB at exit of python -c pass (args None) or of cqmin ARGS, by RESIDENT_PROBE; None off Linux."""
    if not os.path.exists("/proc/self/smaps_rollup"):
        return None
    folder = OUT / "probe"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(RESIDENT_PROBE, encoding="utf-8")
    (folder / "empty.py").write_text("", encoding="utf-8")
    argv = [python, str(folder / "empty.py")] if args is None else [*_cqmin(python), *args]
    path = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    done = subprocess.run(argv, capture_output=True, text=True, env={**env, "PYTHONPATH": path})
    found = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("RESIDENT ")]
    return int(found[-1]) if found else None


def _peak(argv: list[str], env: dict) -> int | None:
    """Peak memory (max RSS) in KiB of one run, measured by GNU time: a process forked from this benchmark would
    count this benchmark's own memory, which it holds until its exec. None without GNU time."""
    if not os.path.exists(GNU_TIME):
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        command = [GNU_TIME, "-o", report.name, "-f", "%M", *argv]
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        words = report.read().split()
    # (BSD's time, as macOS has, takes neither -o nor -f: no figure, rather than a wrong one)
    return int(words[-1]) if done.returncode == 0 and words and words[-1].isdigit() else None


def run(runs: int, python: str) -> dict:
    OUT.mkdir(exist_ok=True)
    (OUT / "floor_app.py").write_text(FLOOR, encoding="utf-8")
    floor = OUT / "floor.py"
    floor.write_text(LAUNCHER, encoding="utf-8")
    cache = tempfile.mkdtemp(prefix="cqmin-bench-cache-")
    env = {**os.environ, "XDG_CACHE_HOME": cache, "LANG": "C.UTF-8", "COLUMNS": "80"}
    # Bytecode as an installed package has it (pip compiles at install): the warm-up run writes it.
    for name in ("CQMIN_NO_CACHE", "CQMIN_FACTS", "NO_COLOR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    cases = _cases(python, str(floor))
    for argv, extra in cases.values():  # warm the cache and the OS's file cache
        _measure(argv, {**env, **extra})
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    order = list(cases)
    shuffle = random.Random(2022_10_19).shuffle
    for _ in range(runs):
        shuffle(order)  # every round runs each case once, in a new order, so no case always follows another
        for name in order:
            argv, extra = cases[name]
            samples[name].append(_measure(argv, {**env, **extra}))
    # Memory apart from time (GNU time's own fork would weigh on every case's time): the most of three runs.
    peaks = {
        name: max(_peak(argv, {**env, **extra}) or 0 for _ in range(3)) or None for name, (argv, extra) in cases.items()
    }
    # And the anonymous memory at exit, to the page, where the reference is python -c pass: the median of three.
    resident = {}
    for name, (argv, extra) in cases.items():
        if name == "python -c pass" or TARGETS.get(name, ("",))[0] == "python -c pass":
            args = None if name == "python -c pass" else argv[len(_cqmin(python)) :]
            found = [_resident(python, args, {**env, **extra}) for _ in range(3)]
            resident[name] = statistics.median(found) if None not in found else None
    return samples, peaks, resident


def _pairwise(case: list, floor: list, index: int) -> float:
    """The median over rounds of case/floor, each pair taken in the same round: load that
    comes and goes slows both sides of a pair alike, and cancels out of its ratio."""
    return statistics.median(mine[index] / theirs[index] for mine, theirs in zip(case, floor, strict=True))


def report(samples: dict, peaks: dict, resident: dict) -> bool:
    ok = True
    print(
        f"{'case':<24}{'median':>10}{'ratio':>8}{'cpu ratio':>11}{'target':>8}{'peak RSS':>11}{'+floor':>10}"
        f"{'anon':>10}  verdict"
    )
    for name, runs in samples.items():
        median = statistics.median(wall for wall, _ in runs) * 1000
        peak = peaks[name]
        shown = f"{peak / 1024:>9.1f}MiB" if peak else f"{'n/a':>12}"
        line = f"{name:<24}{median:>8.1f}ms"
        if name in TARGETS:
            floor_name, target = TARGETS[name]
            ratio = _pairwise(runs, samples[floor_name], 0)
            cpu = _pairwise(runs, samples[floor_name], 1)
            extra = peak - peaks[floor_name] if peak and peaks[floor_name] else None
            passed = ratio <= target and (extra is None or extra <= MEMORY_SLACK_KIB)
            ok &= passed
            more = f"{extra / 1024:>+8.1f}MiB" if extra is not None else f"{'':>11}"
            held = resident.get(name)
            exact = held - resident["python -c pass"] if held and resident.get("python -c pass") else None
            at_exit = f"{exact / 1024:>+8.2f}MiB" if exact is not None else f"{'':>11}"
            line += f"{ratio:>8.3f}{cpu:>11.3f}{target:>8.2f}{shown}{more}{at_exit}  " + ("ok" if passed else "OVER")
        else:
            line += f"{'':>27}{shown}"
        print(line)
    print(
        "(peak RSS: GNU time, the most of three runs, in the kernel's steps of 128 KiB, libraries' pages counted;\n"
        " anon: the program's own memory at exit (heap and arenas), to the page, over python -c pass's)"
    )
    return ok


def instructions(python: str) -> None:
    """Each case once under valgrind's callgrind: instruction counts do not depend on the machine's load."""
    import re

    floor = OUT / "floor.py"
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cqmin-bench-cache-"), "LANG": "C.UTF-8"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    counts = {}
    for name, (argv, extra) in _cases(python, str(floor)).items():
        _measure(argv, {**env, **extra})  # bytecode and the fact cache, as after a first run
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
            capture_output=True, text=True, env={**env, **extra},
        )  # fmt: skip
        counts[name] = int(re.search(r"Collected : (\d+)", result.stderr).group(1))
    for name, count in counts.items():
        line = f"{name:<24}{count / 1e6:>10.1f}M instructions"
        if name in TARGETS:
            floor_name, target = TARGETS[name]
            line += f"{count / counts[floor_name]:>8.3f} x {floor_name} (target {target})"
        print(line)


def compare_typer(versions: list[str], runs: int) -> None:
    """The JSON floor, cqmin pension --json and a TAB, on several Typer releases, each in its own venv
    under benchmarks/out/ (cqmin installed there from this checkout, without its dependencies)."""
    pythons = {}
    for version in versions:
        home = OUT / f"typer-{version}"
        python = home / "bin" / "python"
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(home)], check=True)
            install = [str(python), "-m", "pip", "install", "-q", f"typer=={version}", "rich", "tomli"]
            subprocess.run(install, check=True)
            cqmin = [str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(HERE.parent)]
            subprocess.run(cqmin, check=True)
        pythons[version] = str(python)
    OUT.mkdir(exist_ok=True)
    (OUT / "floor_app.py").write_text(FLOOR, encoding="utf-8")
    (OUT / "floor.py").write_text(LAUNCHER, encoding="utf-8")
    env = {**os.environ, "LANG": "C.UTF-8", "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cqmin-bench-cache-")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    from cqmin.shells import COMPLETE_VAR, CWORD_VAR, WORDS_VAR

    tab = {COMPLETE_VAR: "complete_bash", WORDS_VAR: "cqmin show pension.", CWORD_VAR: "2"}
    cases = {}
    for version, python in pythons.items():
        script = str(Path(python).with_name("cqmin"))
        cases[f"floor, typer {version}"] = ([python, str(OUT / "floor.py"), "pension", "--json"], {})
        cases[f"cqmin --json, typer {version}"] = ([script, "pension", "--json"], {})
        cases[f"TAB, typer {version}"] = ([script], tab)
        cases[f"TAB, no cache, typer {version}"] = ([script], {**tab, "CQMIN_NO_CACHE": "1"})
    for argv, extra in cases.values():
        _measure(argv, {**env, **extra})
    times: dict[str, list[float]] = {name: [] for name in cases}
    order = list(cases)
    shuffle = random.Random(2022_10_19).shuffle
    for _ in range(runs):
        shuffle(order)
        for name in order:
            argv, extra = cases[name]
            times[name].append(_measure(argv, {**env, **extra})[0])  # wall time
    for name, samples in times.items():
        print(f"{name:<34}{statistics.median(samples) * 1000:>8.1f}ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="interleaved rounds (default 30)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter that has cqmin installed")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    parser.add_argument(
        "--typer-versions", metavar="V,V", help="instead: time cqmin and the floor on these Typer releases (needs PyPI)"
    )
    parser.add_argument("--callgrind", action="store_true", help="instead: count instructions with valgrind")
    args = parser.parse_args()
    if args.callgrind:
        run(0, args.python)  # writes the floor programs
        instructions(args.python)
        return
    if args.typer_versions:
        compare_typer(args.typer_versions.split(","), args.runs)
        return
    import platform

    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} CPUs; {args.runs} interleaved rounds")  # fmt: skip
    wrapper = _wrapper(args.python)
    print(f"console script: {wrapper}")
    samples, peaks, resident = run(args.runs, args.python)
    ok = report(samples, peaks, resident)
    if "imports re" in wrapper:
        print("(this console script imports re before cqmin starts: 1 MiB and about 5 ms that cqmin does not;"
              " python -m pip install -U pip, then install cqmin again, to measure cqmin alone)")  # fmt: skip
    if args.json:
        print(json.dumps({"samples": samples, "peak_kib": peaks}, indent=2))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
