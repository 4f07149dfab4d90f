"""TAB in a real bash, zsh and fish, on a pseudo-terminal: press TAB, read the screen.

The scripts are the ones `cqmin --show-completion SHELL` prints and
`--install-completion` installs. Whatever a fact base says in a label,
completion shows it and runs nothing.

A shell starts with a clean environment (see shell_driver): each is handed
CQMIN_FACTS, the tests' sample base that conftest has put in use, explicitly.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from shell_driver import ShellSession, available

from cqmin import facts

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
CQMIN = BIN / "cqmin"
SHELLS = ["bash", "zsh", "fish"]
TABS_TO_LIST = {"bash": 2, "zsh": 1, "fish": 1}


def line_is(expected: str):
    """The command line reads `expected` (the screen is read without trailing spaces)."""

    def holds(screen: str) -> bool:
        return any(line.rstrip() == expected for line in screen.splitlines())

    holds.__name__ = f"the line {expected!r}"
    return holds


def needs(shell: str):
    return pytest.mark.skipif(not available(shell), reason=f"{shell} or tmux is not installed")


def sourced(shell: str) -> str:
    """Start-up code that loads cqmin's completion the way its users are told to."""
    if shell == "fish":
        return "cqmin --show-completion fish | source"
    return f"source <(cqmin --show-completion {shell})"


def shell_env(path: str | None = None, **more: str) -> dict:
    """What a shell is given of the tests' environment: PATH (cqmin's folder first), the fact base in use, `more`."""
    path = path or f"{BIN}{os.pathsep}{os.environ['PATH']}"
    return {"PATH": path, facts.ENV_VAR: os.environ[facts.ENV_VAR], **more}


def session(shell: str, tmp_path: Path, width: int = 120) -> ShellSession:
    return ShellSession(shell, setup=sourced(shell), env=shell_env(CQMIN_LANG="en"), width=width)


@pytest.mark.parametrize("shell", [pytest.param(name, marks=needs(name)) for name in SHELLS])
def test_commands_ids_and_choices_complete(shell, tmp_path):
    with session(shell, tmp_path) as terminal:
        terminal.complete("cqmin pens", until=line_is("$ cqmin pension"))
        terminal.complete("cqmin show health.lit", until=line_is("$ cqmin show health.literacy"))
        terminal.complete("cqmin show HEALTH.LIT", until=line_is("$ cqmin show health.literacy"))  # any case
        terminal.complete("cqmin PENS", until=line_is("$ cqmin pension"))
        terminal.complete("cqmin pension --format ma", until=line_is("$ cqmin pension --format markdown"))
        listed = terminal.complete("cqmin compare h", tabs=TABS_TO_LIST[shell], until="housing")
        assert "health" in listed and "housing" in listed


@pytest.mark.parametrize("shell", [pytest.param(name, marks=needs(name)) for name in ("zsh", "fish")])
def test_descriptions_are_the_labels(shell, tmp_path, base):
    with session(shell, tmp_path) as terminal:
        screen = terminal.complete("cqmin show pension.", until=base.fact("pension.dibao").label["en"])
        assert "pension.dibao" in screen


HOSTILE = "People insured $(touch {pwned}) `touch {pwned}` \\$(touch {pwned}) %F{{red}}it's{{}} \\\\n for pensions"


@pytest.mark.parametrize("shell", [pytest.param(name, marks=needs(name)) for name in SHELLS])
def test_a_hostile_label_is_shown_and_never_run(shell, sample, tmp_path):
    pwned = tmp_path / "pwned"
    label = HOSTILE.format(pwned=pwned)
    sample.fact("pension.insured")["label"]["en"] = label
    sample.topic("pension")["title"]["en"] = label
    path = sample.write(tmp_path)
    with session(shell, tmp_path, width=400) as terminal:  # wide enough for the whole description
        if shell == "bash":  # bash shows no descriptions; the id completes
            terminal.complete(
                f"cqmin --facts {path} show pension.ins",
                until=line_is(f"$ cqmin --facts {path} show pension.insured"),
            )
        else:
            screen = terminal.complete(f"cqmin --facts {path} show pension.", until="for pensions")
            flowing = " ".join(screen.split())
            # every character of the description, apostrophe included, as written
            assert f"`touch {pwned}` \\$(touch {pwned}) %F{{red}}it's{{}} \\\\n for pensions" in flowing
        terminal.complete(f"cqmin --facts {path} pen", tabs=TABS_TO_LIST[shell], until="pension")
    assert not pwned.exists()


@needs("zsh")
def test_an_outdated_zsh_script_gets_a_message_and_runs_nothing(sample, tmp_path):
    """Typer's zsh script, which an older cqmin installed, evaluates the answer: it gets a message to evaluate."""
    from typer._completion_classes import ZshComplete  # the script an older cqmin installed: Typer's

    pwned = tmp_path / "pwned"
    sample.fact("pension.insured")["label"]["en"] = HOSTILE.format(pwned=pwned)
    path = sample.write(tmp_path)
    typer_script = tmp_path / "_cqmin"
    vars_ = {"complete_func": "_cqmin_completion", "autocomplete_var": "_CQMIN_COMPLETE", "prog_name": "cqmin"}
    typer_script.write_text(ZshComplete.source_template % vars_, encoding="utf-8")
    environ = shell_env(CQMIN_LANG="en")
    with ShellSession("zsh", setup=f"source {typer_script}", env=environ, width=200) as terminal:
        terminal.complete(f"cqmin --facts {path} show pension.", until="run: cqmin --install-completion zsh")
    assert not pwned.exists()


@needs("zsh")
def test_an_earlier_cqmin_zsh_script_completes_file_names_not_a_message(tmp_path):
    """cqmin's own scripts before its own protocol read answers as candidates: they must not get the message as one."""
    from cqmin.shells import ARGS_VAR
    from cqmin.shells.scripts import script

    (tmp_path / "pensions.txt").write_text("", encoding="utf-8")
    for marker in ("", "_CQMIN_COMPLETE_FORMAT=lines "):  # the one before the marker, and the one with it
        earlier = script("zsh").replace(f"{ARGS_VAR}=", f"{marker}_TYPER_COMPLETE_ARGS=")
        assert earlier != script("zsh")
        (tmp_path / "_cqmin").write_text(earlier, encoding="utf-8")
        environ = shell_env(CQMIN_LANG="en")
        setup = f"cd {tmp_path}; source {tmp_path / '_cqmin'}"
        with ShellSession("zsh", setup=setup, env=environ, width=200) as terminal:
            screen = terminal.complete("cqmin pens", until=line_is("$ cqmin pensions.txt"))
        assert "_message" not in screen and "out of date" not in screen


@needs("zsh")
def test_zsh_completes_on_the_first_tab_after_install(tmp_path):
    """--install-completion puts _cqmin in ~/.zfunc; the very first TAB of a new shell completes."""
    home = tmp_path / "home"
    home.mkdir()
    subprocess.run(
        [str(CQMIN), "--install-completion", "zsh"],
        check=True,
        capture_output=True,
        env={**os.environ, "HOME": str(home)},
    )
    installed = (home / ".zfunc" / "_cqmin").read_text(encoding="utf-8")
    assert installed == subprocess.run([str(CQMIN), "--show-completion", "zsh"], capture_output=True, text=True).stdout
    setup = f"fpath+=({home / '.zfunc'}); autoload -Uz compinit; compinit -u"
    with ShellSession("zsh", setup=setup, compinit=False, env=shell_env()) as terminal:
        terminal.complete("cqmin pens", until=line_is("$ cqmin pension"))


@pytest.mark.parametrize("shell", SHELLS)
def test_show_completion_honours_the_shell_named(shell):
    environ = {**os.environ, "SHELL": "/bin/bash"}
    out = subprocess.run([str(CQMIN), "--show-completion", shell], capture_output=True, text=True, env=environ).stdout
    marker = {
        "bash": "complete -o default -F _cqmin_completion cqmin",
        "zsh": "#compdef cqmin",
        "fish": "complete --command cqmin",
    }
    assert marker[shell] in out
    assert all(marker[other] not in out for other in SHELLS if other != shell)


@pytest.mark.parametrize("shell", [pytest.param(name, marks=needs(name)) for name in SHELLS])
def test_one_run_of_cqmin_a_tab(shell, tmp_path):
    """A TAB starts cqmin once (fish used to ask twice), and is answered from the cache, without Typer."""
    calls = tmp_path / "calls"
    wrapper = tmp_path / "bin" / "cqmin"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$_CQMIN_COMPLETE" >> {calls}\nexec {CQMIN} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    environ = shell_env(f"{wrapper.parent}{os.pathsep}{BIN}{os.pathsep}{os.environ['PATH']}", CQMIN_LANG="en")
    with ShellSession(shell, setup=sourced(shell), env=environ) as terminal:
        calls.write_text("", encoding="utf-8")  # forget the run that printed the script
        terminal.complete("cqmin show health.lit", until=line_is("$ cqmin show health.literacy"))
    assert calls.read_text(encoding="utf-8").split() == [f"complete_{shell}"]


@pytest.mark.parametrize("shell", [pytest.param(name, marks=needs(name)) for name in ("bash", "fish")])
def test_the_installed_script_completes_in_a_new_shell(shell, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    environ = {**os.environ, "HOME": str(home)}
    environ.pop("XDG_CONFIG_HOME", None)
    result = subprocess.run([str(CQMIN), "--install-completion", shell], capture_output=True, text=True, env=environ)
    assert result.returncode == 0 and result.stdout == "" and "completion installed in" in result.stderr
    if shell == "bash":
        assert f"source '{home / '.bash_completions' / 'cqmin.sh'}'" in (home / ".bashrc").read_text(encoding="utf-8")
        setup = f"source {home / '.bashrc'}"
    else:
        installed = home / ".config" / "fish" / "completions"
        assert (installed / "cqmin.fish").is_file()
        setup = f"set -p fish_complete_path {installed}"  # where fish looks, with the driver's own config home
    again = subprocess.run([str(CQMIN), "--install-completion", shell], capture_output=True, text=True, env=environ)
    assert again.returncode == 0
    if shell == "bash":  # installing twice adds the line once
        assert (home / ".bashrc").read_text(encoding="utf-8").count("cqmin.sh") == 1
    with ShellSession(shell, setup=setup, env=shell_env()) as terminal:
        terminal.complete("cqmin pens", until=line_is("$ cqmin pension"))
