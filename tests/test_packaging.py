"""The wheel and the sdist carry facts.toml and LICENSE, and cqmin installed from a clone runs from any folder.

Built once for the module: the sdist and the wheel built from it (`python -m
build`), from the working tree and from a fresh `git clone` made with
core.symlinks=false, as on Windows, where a committed symbolic link would be a
small text file. One venv gets the clone's wheel, as a user would install it.
A clone holds only what is committed: the tests of the clone check HEAD.

Lookups use the tests' sample base; the bundled facts.toml is only checked to be
carried and found, as the very file it was built from, whatever it holds.
"""

import json
import stat
import subprocess
import sys
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from cqmin import facts

pytestmark = pytest.mark.slow


@dataclass
class Dist:
    source: Path  # the folder built from: the working tree or a clone
    sdist: Path
    wheel: Path


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def in_git_checkout() -> bool:
    """ROOT is the top of a git work tree (not, say, an unpacked sdist, which has no .git)."""
    try:
        top = git("rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        return False
    return Path(top).resolve() == ROOT


def build(source: Path, out: Path) -> Dist:
    """The sdist of `source`, and the wheel built from that sdist, as `python -m build` makes them."""
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (sdist,) = out.glob("cqmin-*.tar.gz")
    (wheel,) = out.glob("cqmin-*.whl")
    return Dist(source, sdist, wheel)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Dist:
    return build(ROOT, tmp_path_factory.mktemp("dist-tree"))


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Dist:
    if not in_git_checkout():
        pytest.skip(f"{ROOT} is not a git checkout")
    where = tmp_path_factory.mktemp("clone") / "cqmin"
    git("-c", "core.symlinks=false", "clone", "--quiet", str(ROOT), str(where))
    return build(where, tmp_path_factory.mktemp("dist-clone"))


@pytest.fixture(scope="module", params=["tree", "clone"])
def dist(request) -> Dist:
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def installed(clone, tmp_path_factory) -> Path:
    """A fresh venv with the clone's wheel installed as a user would: `pip install cqmin-….whl`."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    python = home / "bin" / "python"
    pip = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(clone.wheel)],
        capture_output=True,
        text=True,
    )
    assert pip.returncode == 0, pip.stderr
    return home / "bin" / "cqmin"


def zip_mode(info: zipfile.ZipInfo) -> int:
    return info.external_attr >> 16


def metadata(text: str) -> list[str]:
    """The header lines of a METADATA or PKG-INFO file (the description follows a blank line)."""
    return text.split("\n\n", 1)[0].splitlines()


def test_the_wheel_carries_the_fact_base_itself(dist):
    with zipfile.ZipFile(dist.wheel) as archive:
        names = archive.namelist()
        assert names.count("cqmin/facts.toml") == 1
        info = archive.getinfo("cqmin/facts.toml")
        assert archive.read(info) == (dist.source / "facts.toml").read_bytes()
    mode = zip_mode(info)
    assert not stat.S_ISLNK(mode)
    assert mode == 0 or stat.S_ISREG(mode), oct(mode)
    assert not any(name.startswith(("tests/", "benchmarks/")) or name == "facts.toml" for name in names)


def test_the_sdist_carries_the_fact_base_once_at_the_top(dist):
    with tarfile.open(dist.sdist) as archive:
        members = {member.name.split("/", 1)[1]: member for member in archive.getmembers() if "/" in member.name}
        assert members["facts.toml"].isfile()
        assert archive.extractfile(members["facts.toml"]).read() == (dist.source / "facts.toml").read_bytes()
    assert "cqmin/facts.toml" not in members
    assert not any(member.issym() or member.islnk() for member in members.values())


def test_the_wheel_and_the_sdist_carry_the_license(dist):
    licence = (dist.source / "LICENSE").read_bytes()
    assert b"MIT License" in licence
    with zipfile.ZipFile(dist.wheel) as archive:
        (info,) = (name for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        dist_info = info.rsplit("/", 1)[0]
        assert archive.read(f"{dist_info}/licenses/LICENSE") == licence
        wheel_metadata = metadata(archive.read(info).decode("utf-8"))
    assert "License-Expression: MIT" in wheel_metadata
    assert "License-File: LICENSE" in wheel_metadata
    assert not any(line.startswith("License:") for line in wheel_metadata)  # the expression replaces it
    with tarfile.open(dist.sdist) as archive:
        top = archive.getnames()[0].split("/", 1)[0]
        assert archive.extractfile(f"{top}/LICENSE").read() == licence
        assert "License-Expression: MIT" in metadata(archive.extractfile(f"{top}/PKG-INFO").read().decode("utf-8"))


def test_the_repository_has_no_symbolic_links():
    """A link is a small text file in a checkout without symlinks (Windows' default): nothing may rely on one."""
    if not in_git_checkout():
        pytest.skip(f"{ROOT} is not a git checkout")
    assert [line for line in git("ls-files", "-s").splitlines() if line.startswith("120000")] == []
    files = git("ls-files", "-co", "--exclude-standard", "-z").split("\0")
    assert [name for name in files if name and (ROOT / name).is_symlink()] == []


def test_a_checkout_reads_the_top_level_fact_base_in_place():
    """Run from the working tree (editable install, or none), cqmin has no facts.toml of its own and reads ROOT's."""
    import cqmin
    from cqmin import facts

    if Path(cqmin.__file__).resolve().parent != ROOT / "cqmin":
        pytest.skip(f"cqmin is imported from {cqmin.__file__}, not from this checkout")
    assert not (ROOT / "cqmin" / "facts.toml").exists()
    assert Path(facts._bundled_resource()) == ROOT / "facts.toml"


def test_cqmin_installed_from_a_clone_without_symlinks_runs_from_another_folder(
    installed, clone, base, sample_path, tmp_path
):
    cache = tmp_path / "cache"
    # The environment is only this: the tests' CQMIN_FACTS is not in it, so cqmin falls back to its bundled base.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(cache), "LANG": "C.UTF-8"}
    outputs = []
    for _ in range(2):  # the second run is served from the cache the first one wrote
        result = subprocess.run(
            [str(installed), "--facts", sample_path, "pension", "--json"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert [record["id"] for record in json.loads(outputs[0])] == [fact.id for fact in base.facts_of("pension")]
    assert list((cache / "cqmin").iterdir())
    # The bundled base is found, and is the clone's facts.toml: validate says of it what it says of that file.
    bundled = subprocess.run([str(installed), "validate"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bundled.stdout.startswith(f"{facts.BUNDLED_LABEL}: "), bundled.stdout + bundled.stderr
    built_from = str(clone.source / "facts.toml")
    named = subprocess.run(
        [str(installed), "validate", built_from], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert bundled.returncode == named.returncode
    assert bundled.stdout.replace(facts.BUNDLED_LABEL, built_from) == named.stdout


def test_installed_package_reads_its_own_copy(installed, clone, tmp_path):
    python = installed.parent / "python"
    code = (
        "import importlib.resources as r, cqmin; f = r.files('cqmin').joinpath('facts.toml');"
        " print(f); print(f.is_file()); print(cqmin.__file__)"
    )
    # -I: no PYTHONPATH, no user site-packages, no current folder; only the venv's own packages
    result = subprocess.run([str(python), "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    resource, is_file, module = result.stdout.splitlines()
    assert is_file == "True"
    assert Path(resource).read_bytes() == (clone.source / "facts.toml").read_bytes()
    for checkout in (ROOT, clone.source):
        assert str(checkout) not in resource and str(checkout) not in module


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "cqmin", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("cqmin ")
