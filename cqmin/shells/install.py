"""`cqmin --install-completion [SHELL]`: put the script where the shell finds it, and tell the shell once."""

import os
from pathlib import Path

from cqmin.errors import CqminError
from cqmin.shells import scripts


def detect() -> str:
    """The shell cqmin was started from (its parent process), else $SHELL's name."""
    try:
        import shellingham  # Typer's own dependency

        name = shellingham.detect_shell()[0]
    except Exception:  # shellingham.ShellDetectionFailure, or not installed
        name = os.path.basename(os.environ.get("SHELL", ""))
    return name.lower()


def chosen(shell: str | None) -> str:
    """The shell asked for, else the detected one; ValueError, saying which there are, if cqmin has no script for it."""
    name = (shell or detect()).lower()
    if name not in scripts.SCRIPTS:
        known = ", ".join(scripts.SCRIPTS)
        raise ValueError(f"no completion script for the shell '{name or 'unknown'}' (one of {known})")
    return name


def _add_line(rc: Path, line: str) -> None:
    """Append `line` to a start-up file unless it is already there."""
    content = rc.read_text(encoding="utf-8") if rc.is_file() else ""
    if line not in content.splitlines():
        rc.parent.mkdir(parents=True, exist_ok=True)
        with open(rc, "a", encoding="utf-8") as handle:
            handle.write(("" if not content or content.endswith("\n") else "\n") + line + "\n")


def _powershell_profile(shell: str) -> Path:
    """The user's PowerShell profile, as PowerShell itself reports it."""
    import subprocess

    program = "pwsh" if shell == "pwsh" else "powershell"
    try:
        found = subprocess.run(
            [program, "-NoProfile", "-Command", "$PROFILE"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise CqminError(f"cannot ask {program} where its profile is: {error}") from None
    if not found:
        raise CqminError(f"{program} reports no profile")
    return Path(found)


def install(shell: str, prog: str = "cqmin") -> Path:
    """Install the completion script of `shell`; return where it went."""
    home = Path.home()
    if shell == "bash":
        target = home / ".bash_completions" / f"{prog}.sh"
        rc, line = home / ".bashrc", f"source '{target}'"
    elif shell == "zsh":
        # fpath before compinit: compinit autoloads _cqmin from there on the first TAB.
        target = home / ".zfunc" / f"_{prog}"
        rc, line = home / ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    elif shell == "fish":
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        target, rc = config / "fish" / "completions" / f"{prog}.fish", None  # fish autoloads this folder
    else:  # PowerShell: a script beside the profile, which dot-sources it
        profile = _powershell_profile(shell)
        target = profile.parent / f"{prog}-completion.ps1"
        rc, line = profile, f". '{target}'"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(scripts.script(shell, prog), encoding="utf-8")
        if rc is not None:
            _add_line(rc, line)
    except OSError as error:
        raise CqminError(f"cannot install the {shell} completion: {error.strerror or error}") from None
    return target
