"""The wheel carries facts.toml, and an installed cqmin finds it from any folder."""

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import FACTS_TOML, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("cqmin-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed as a user would: `pip install cqmin-….whl`."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    pip = subprocess.run(
        [str(home / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True
    )
    assert pip.returncode == 0, pip.stderr
    return home / "bin" / "cqmin"


def test_the_wheel_carries_the_fact_base_itself(wheel):
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("cqmin/facts.toml") == FACTS_TOML.read_bytes()
        names = archive.namelist()
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)


def test_installed_cqmin_runs_from_another_folder(installed, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    result = subprocess.run(
        [str(installed), "pension", "--json"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts[0]["id"] == "pension.pension-insured"
    result = subprocess.run([str(installed), "validate"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "110 facts" in result.stdout


def test_installed_package_reads_its_own_copy(installed, tmp_path):
    python = installed.parent / "python"
    code = (
        "import importlib.resources as r, cqmin; print(r.files('cqmin').joinpath('facts.toml')); print(cqmin.__file__)"
    )
    result = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    resource, module = result.stdout.splitlines()
    assert str(ROOT) not in resource and str(ROOT) not in module


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "cqmin", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("cqmin ")
