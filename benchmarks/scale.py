"""How cqmin's cost grows with the fact base: the bundled base against one 100 times larger.

    python benchmarks/scale.py              # 5 runs of each, median
    python benchmarks/scale.py --times 100 --runs 9

The large base repeats every [[facts]] table of facts.toml with a numbered id
(about 11,000 facts, 6 MB). Each command runs cold (CQMIN_NO_CACHE=1: read,
parse, validate, compile every time) and warm (from the cache, as every run
after the first). `validate` never uses the cache.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"


def scaled_base(times: int) -> Path:
    """facts.toml with every fact repeated `times` times under new ids, each copy a press conference of its own
    (a copy of the first; one figure entered twice at one press conference is a problem)."""
    text = (ROOT / "facts.toml").read_text(encoding="utf-8")
    head, *facts = re.split(r"(?m)^(?=\[\[facts\]\])", text)
    event = re.search(r"(?ms)^\[\[events\]\]\nid = \"([^\"]+)\"\n(.*?)\n\n", head)
    copies = [head]
    for number in range(times):
        suffix = "" if number == 0 else f"-{number}"
        named = rf'id = "\g<1>{suffix}"' + (f'\nevent = "{event[1]}{suffix}"' if number else "")
        copies += [re.sub(r'(?m)^id = "([^"]+)"', named, block, count=1) for block in facts]
    copies += [f'\n[[events]]\nid = "{event[1]}-{number}"\n{event[2]}\n' for number in range(1, times)]
    OUT.mkdir(exist_ok=True)
    path = OUT / f"facts-x{times}.toml"
    path.write_text("".join(copies), encoding="utf-8")
    return path


def _time(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.decode()[-500:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=100, help="how many copies of the bundled facts (default 100)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5)")
    args = parser.parse_args()
    script = Path(sys.executable).with_name("cqmin")
    cqmin = [str(script)] if script.exists() else [sys.executable, "-m", "cqmin"]
    big = scaled_base(args.times)
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cqmin-scale-cache-"), "LANG": "C.UTF-8"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    count = sum(1 for line in big.read_text(encoding="utf-8").splitlines() if line == "[[facts]]")
    print(f"bundled base: 110 facts, {(ROOT / 'facts.toml').stat().st_size / 1024:.0f} KB; "
          f"x{args.times}: {count} facts, {big.stat().st_size / 2**20:.1f} MB; median of {args.runs} runs")  # fmt: skip
    commands = {
        "validate": ["validate"],
        "search 养老保险": ["search", "养老保险", "--json"],
        "show ID --json": ["show", "pension.pension-insured", "--json"],
        "pension --json": ["pension", "--json"],
    }
    print(f"{'command':<20}{'1x cold':>10}{'1x warm':>10}{f'{args.times}x cold':>12}{f'{args.times}x warm':>12}")
    for name, command in commands.items():
        cells = []
        for facts in (None, big):
            base_args = ["--facts", str(facts)] if facts else []
            for cold in (True, False):
                if name == "validate" and not cold:
                    cells.append("—")
                    continue
                run_env = {**env, "CQMIN_NO_CACHE": "1"} if cold else env
                _time(cqmin + base_args + command, env)  # warm the cache (and the OS's file cache)
                samples = [_time(cqmin + base_args + command, run_env) for _ in range(args.runs)]
                cells.append(f"{statistics.median(samples) * 1000:.0f} ms")
        label = name + " " * (20 - sum(2 if unicodedata.east_asian_width(char) == "W" else 1 for char in name))
        print(f"{label}{cells[0]:>10}{cells[1]:>10}{cells[2]:>12}{cells[3]:>12}")


if __name__ == "__main__":
    main()
