"""Run the test suite on each CPython that cqmin supports: `nox`, or `nox -s tests-3.12 -- -m "not slow"`.

Each session makes a fresh venv in .nox/, installs cqmin with its test extras
and runs pytest with whatever follows `--` (the full suite by default). An
interpreter that this machine lacks is skipped, and nox says so; nothing is
downloaded.

nox looks for `python3.X` on PATH. A pyenv shim for a version that is not
pyenv's global one is on PATH but does not run, so the interpreters that pyenv
installed are put on PATH ahead of the shims.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]

nox.options.sessions = ["tests"]
nox.options.default_venv_backend = "uv" if shutil.which("uv") else "venv"
nox.options.error_on_missing_interpreters = False  # skip a missing Python, with a reason, even where CI is set
nox.options.download_python = "never"  # (nox 2025.10 and newer) never fetch a Python from the network


def _runs(program: str) -> bool:
    try:
        return subprocess.run([program, "--version"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _pyenv_python(version: str) -> Path | None:
    """The newest pyenv-installed CPython `version` (3.X.Y, no suffix such as t or -dev), if any."""
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    pattern = re.compile(re.escape(version) + r"\.(\d+)")
    found = []
    for folder in root.glob(f"versions/{version}.*"):
        match = pattern.fullmatch(folder.name)
        program = folder / "bin" / f"python{version}"
        if match and program.is_file():
            found.append((int(match[1]), program))
    return max(found)[1] if found else None


def _put_interpreters_on_path() -> None:
    folders = []
    for version in PYTHONS:
        name = f"python{version}"
        if (found := shutil.which(name)) and _runs(found):
            continue
        program = _pyenv_python(version)
        if program is not None and _runs(str(program)):
            folders.append(str(program.parent))
    if folders:
        os.environ["PATH"] = os.pathsep.join([*folders, os.environ.get("PATH", "")])


_put_interpreters_on_path()


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Install cqmin with its test extras, and run pytest (arguments after `--` go to pytest)."""
    if session.venv_backend == "uv":
        session.install("pip")  # uv makes venvs without pip; the packaging tests and benchmarks run `python -m pip`
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)
