"""How cqmin's costs grow with the fact base: 1, 10 and 100 times the bundled facts.

    python benchmarks/scale.py                 # 5 interleaved rounds, medians
    python benchmarks/scale.py --runs 9 --times 1 10 100 300

A base N times larger repeats every [[facts]] table of facts.toml under a
numbered id, each copy a press conference of its own (about 11,000 facts and
4.8 MB at 100x). Every base is given the same way (--facts, the bundled one as
a copy), and the programs run in turn, round after round, so that a noisy
machine slows them alike. The targets (issue "A lookup at jq's speed", item 4):

    warm `show ID --json` at 100x         <= 1.3 x the same at 1x (a look-up reads what it prints)
    `validate` at 100x                    <= 1.5 x tomllib parsing the same file, in a process of its own

Also shown, without a target: a TAB on fact ids under a prefix, and `pension
--json`, whose answer itself grows with the base (the topic holds N times the facts).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
FACT = "pension.pension-insured"  # a fact of the bundled base, whose copies are FACT-1, FACT-2, ...
TARGETS = {"show ID --json": 1.3, "validate": 1.5}  # at the largest base: against 1x, against tomllib


def scaled_base(times: int) -> Path:
    """facts.toml with every fact repeated `times` times under new ids, each copy a press conference of its own
    (a copy of the first; one figure entered twice at one press conference is a problem)."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"facts-x{times}.toml"
    if times == 1:
        shutil.copyfile(ROOT / "facts.toml", path)
        return path
    text = (ROOT / "facts.toml").read_text(encoding="utf-8")
    head, *facts = re.split(r"(?m)^(?=\[\[facts\]\])", text)
    event = re.search(r"(?ms)^\[\[events\]\]\nid = \"([^\"]+)\"\n(.*?)\n\n", head)
    copies = [head]
    for number in range(times):
        suffix = "" if number == 0 else f"-{number}"
        named = rf'id = "\g<1>{suffix}"' + (f'\nevent = "{event[1]}{suffix}"' if number else "")
        copies += [re.sub(r'(?m)^id = "([^"]+)"', named, block, count=1) for block in facts]
    copies += [f'\n[[events]]\nid = "{event[1]}-{number}"\n{event[2]}\n' for number in range(1, times)]
    path.write_text("".join(copies), encoding="utf-8")
    return path


def _time(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.decode()[-500:]}")
    return time.perf_counter() - start


def _cases(cqmin: list[str], base: Path, env: dict) -> dict[str, tuple[list[str], dict]]:
    facts = ["--facts", str(base)]
    tab = {
        **env, "_CQMIN_COMPLETE": "complete_bash", "_CQMIN_COMPLETE_WORDS": f"cqmin --facts {base} show {FACT}",
        "_CQMIN_COMPLETE_CWORD": "4",
    }  # fmt: skip
    parse = "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))"
    return {
        "show ID --json": ([*cqmin, *facts, "show", FACT, "--json"], env),
        "pension --json": ([*cqmin, *facts, "pension", "--json"], env),
        "TAB on ids": ([*cqmin], tab),
        "validate": ([*cqmin, "validate", str(base)], env),
        "tomllib parse": ([sys.executable, "-c", parse, str(base)], env),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10, 100], help="sizes (default 1 10 100)")
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    args = parser.parse_args()
    sizes = sorted(set(args.times) | {1})
    script = Path(sys.executable).with_name("cqmin")
    cqmin = [str(script)] if script.exists() else [sys.executable, "-m", "cqmin"]
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cqmin-scale-cache-"), "LANG": "C.UTF-8"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # (timing the interpreter's own bytecode cache too)
    for name in ("CQMIN_FACTS", "CQMIN_LANG", "CQMIN_NO_CACHE"):
        env.pop(name, None)
    bases = {times: scaled_base(times) for times in sizes}
    cases = {times: _cases(cqmin, base, env) for times, base in bases.items()}
    for times in sizes:  # warm each base's caches (and the OS's file cache) before timing
        for argv, case_env in cases[times].values():
            _time(argv, case_env)
    samples = {(times, name): [] for times in sizes for name in cases[times]}
    for _ in range(args.runs):
        for times in sizes:
            for name, (argv, case_env) in cases[times].items():
                samples[times, name].append(_time(argv, case_env))
    median = {key: statistics.median(values) * 1000 for key, values in samples.items()}
    print(f"CPython {sys.version.split()[0]}; median of {args.runs} interleaved rounds")
    for times, base in bases.items():
        count = sum(1 for line in base.read_text(encoding="utf-8").splitlines() if line == "[[facts]]")
        print(f"  {times}x: {count} facts, {base.stat().st_size / 2**20:.2f} MB")
    print(f"{'case':<16}" + "".join(f"{f'{times}x':>11}" for times in sizes))
    for name in cases[1]:
        print(f"{name:<16}" + "".join(f"{median[times, name]:>9.0f}ms" for times in sizes))
    largest = sizes[-1]
    for name, limit in TARGETS.items():
        versus = (1, name) if name != "validate" else (largest, "tomllib parse")
        ratio = median[largest, name] / median[versus]
        against = "1x" if name != "validate" else "tomllib"
        verdict = "ok" if ratio <= limit else "OVER"
        print(f"{name} at {largest}x against {against}: {ratio:.2f} (target <= {limit}) {verdict}")
    for name in ("TAB on ids", "pension --json"):
        print(f"{name} at {largest}x against 1x: {median[largest, name] / median[1, name]:.2f}")


if __name__ == "__main__":
    main()
