"""Drive a real bash, zsh or fish in a tmux pseudo-terminal, so tests can press TAB and read the screen."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")

# Every shell gets the prompt "$ "; the screen is read with trailing spaces
# stripped, so an empty command line reads as this.
PROMPT = "$"

SESSION = "driver"
POLL = 0.05  # seconds between screen reads while waiting for something to appear

Expect = str | Callable[[str], bool]

# tmux's own settings. The status bar would take a row from the pane, and a
# pane that stays after its shell exits keeps the shell's last words readable
# in a failure message instead of "no server running".
TMUX_CONF = "set -g status off\nset -g remain-on-exit on\n"


def available(shell: str) -> bool:
    """True when both the shell and tmux are installed."""
    return shell in SHELLS and shutil.which(shell) is not None and shutil.which("tmux") is not None


def _tidy(text: str) -> str:
    """Screen text without trailing spaces on each line or blank lines at the bottom."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n")


def _last_line(screen: str) -> str:
    return screen.rsplit("\n", 1)[-1]


def _literal(text: str) -> str:
    """Protect a trailing ';', which tmux would take for a command separator and drop, as '\\;'."""
    return text[:-1] + "\\;" if text.endswith(";") else text


def _bash(config: Path, rc: str, compinit: bool) -> tuple[list[str], dict]:
    # --rcfile would still read /etc/bash.bashrc first (it sets its own PS1 and
    # may load bash-completion). So start with no start-up files at all and
    # source our rc from PROMPT_COMMAND, which bash runs in the shell itself
    # before the first prompt; the rc then removes that hook.
    path = config / "bashrc"
    path.write_text(f"unset PROMPT_COMMAND\nPS1='{PROMPT} '\n{rc}")
    # INPUTRC: without it readline falls back to /etc/inputrc.
    return ["bash", "--norc", "--noprofile"], {"PROMPT_COMMAND": f". {shlex.quote(str(path))}", "INPUTRC": "/dev/null"}


def _zsh(config: Path, rc: str, compinit: bool) -> tuple[list[str], dict]:
    # -d skips /etc/zsh/zshrc and the other global files (only /etc/zsh/zshenv,
    # which merely fills an empty PATH, cannot be skipped); ZDOTDIR makes zsh
    # read our .zshrc. bindkey -e: zsh would pick vi keys if $VISUAL said vi.
    lines = [f"PROMPT='{PROMPT} '", "RPROMPT=''", "bindkey -e"]
    if compinit:
        # -u: the temporary directories belong to us; do not ask whether to trust them.
        lines.append("autoload -U compinit && compinit -u")
    (config / ".zshrc").write_text("\n".join(lines) + "\n" + rc)
    return ["zsh", "-d"], {"ZDOTDIR": str(config)}


def _fish(config: Path, rc: str, compinit: bool) -> tuple[list[str], dict]:
    # Not --no-config: that also skips fish's own share/config.fish, and with
    # it the Ctrl-C and Ctrl-L bindings. The private XDG_CONFIG_HOME is enough
    # to keep the user's configuration out; /etc/fish is the system's.
    lines = [
        "set -g fish_greeting ''",
        # Grey autosuggestions are text on the screen: they would show a
        # completion before TAB was pressed.
        "set -g fish_autosuggestion_enabled 0",
        f"function fish_prompt; echo -n '{PROMPT} '; end",
    ]
    (config / "fish").mkdir()
    (config / "fish" / "config.fish").write_text("\n".join(lines) + "\n" + rc)
    return ["fish"], {}


# Each writes its start-up file around `rc` and returns the command and the
# environment that make the shell read it; only zsh has a use for `compinit`.
STARTERS = {"bash": _bash, "zsh": _zsh, "fish": _fish}


class ShellSession:
    """An interactive shell in a detached tmux session on a private socket.

    `setup` is shell code run at start-up, after the driver's own settings (prompt,
    and compinit for zsh unless compinit=False) and before the first prompt; it must
    leave the prompt alone. `env` is added to a clean environment: HOME and the XDG
    directories in a temporary folder, TERM=screen, LANG=C.UTF-8 and the caller's
    PATH; nothing else of the caller's environment reaches the shell.

        with ShellSession("bash", setup='complete -W "alpha beta" foo') as shell:
            assert "$ foo alpha" in shell.complete("foo al")
    """

    def __init__(
        self,
        shell: str,
        *,
        setup: str = "",
        env: dict | None = None,
        width: int = 120,
        height: int = 40,
        compinit: bool = True,
    ):
        if shell not in SHELLS:
            raise ValueError(f"unsupported shell {shell!r}; choose from {SHELLS}")
        self.shell = shell
        self.setup = setup
        self.env = dict(env or {})
        self.width = width
        self.height = height
        self.compinit = compinit
        # Printed at the end of start-up: the shell is ready once this is on screen.
        self.marker = f"READY-{uuid.uuid4().hex}"
        self._root: Path | None = None

    # -- life cycle --------------------------------------------------------

    def __enter__(self) -> "ShellSession":
        self._root = Path(tempfile.mkdtemp(prefix="shell-driver-"))
        try:
            self._start()
            self.wait_until_ready()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Kill this session's tmux server (and so the shell) and remove its files."""
        if self._root is None:
            return
        # check=False: the server may already be gone, which is what we want.
        subprocess.run(self._tmux_argv("kill-server"), capture_output=True, env=self._client_env(), check=False)
        shutil.rmtree(self._root, ignore_errors=True)
        self._root = None

    def _start(self) -> None:
        root = self._root
        home, config, data, cache = (root / name for name in ("home", "config", "data", "cache"))
        for folder in (home, config, data, cache):
            folder.mkdir()
        # fish starts a background man-page scan when this folder is missing,
        # which would cost CPU and outlive the session.
        (data / "fish" / "generated_completions").mkdir(parents=True)
        (root / "tmux.conf").write_text(TMUX_CONF)

        rc = f"{self.setup}\necho {self.marker}\n"
        argv, shell_env = STARTERS[self.shell](config, rc, self.compinit)
        env = {
            "HOME": str(home),
            "PATH": os.environ.get("PATH", os.defpath),
            "TERM": "screen",  # what tmux emulates; its terminfo entry is everywhere
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(config),
            "XDG_DATA_HOME": str(data),
            "XDG_CACHE_HOME": str(cache),
            **shell_env,
            **self.env,
        }
        argv[0] = shutil.which(argv[0]) or argv[0]
        # env -i: the pane would otherwise inherit the tmux server's environment,
        # which is the caller's. tmux runs a multi-word command directly, without
        # a shell, so the words need no quoting.
        command = ["env", "-i", *(f"{name}={value}" for name, value in env.items()), *argv]
        size = ["-x", str(self.width), "-y", str(self.height)]
        self._tmux("new-session", "-d", "-s", SESSION, *size, "-c", str(home), "--", *command)

    # -- talking to tmux ---------------------------------------------------

    def _tmux_argv(self, *args: str) -> list[str]:
        # -S: a socket of our own, never the user's default server. -f: our
        # settings instead of ~/.tmux.conf; tmux reads it when the server starts.
        return ["tmux", "-S", str(self._root / "tmux.sock"), "-f", str(self._root / "tmux.conf"), *args]

    @staticmethod
    def _client_env() -> dict:
        # Inside someone's tmux, $TMUX would point the client at their server.
        return {name: value for name, value in os.environ.items() if name not in ("TMUX", "TMUX_PANE")}

    def _tmux(self, *args: str) -> str:
        if self._root is None:
            raise RuntimeError("the session is not running; use it as a context manager")
        result = subprocess.run(self._tmux_argv(*args), capture_output=True, text=True, env=self._client_env())
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    # -- keys ----------------------------------------------------------------

    def type(self, text: str) -> None:
        """Type text as is: no key names, nothing interpreted."""
        if text:
            self._tmux("send-keys", "-t", SESSION, "-l", "--", _literal(text))

    def press(self, *keys: str) -> None:
        """Press keys by tmux name: "Tab", "Enter", "C-c", "Up", "BSpace"..."""
        self._tmux("send-keys", "-t", SESSION, *keys)

    def tab(self, times: int = 1) -> None:
        self.press(*["Tab"] * times)

    def enter(self) -> None:
        self.press("Enter")

    def ctrl_c(self) -> None:
        self.press("C-c")

    def clear_line(self) -> None:
        """Ctrl-U: erase what was typed; a list or menu below the line may stay. See reset()."""
        self.press("C-u")

    # -- reading the screen --------------------------------------------------

    def screen(self) -> str:
        """The visible pane, wrapped lines joined (-J), trailing spaces and blank bottom lines removed."""
        return self._read()[0]

    def _read(self) -> tuple[str, bool]:
        """The screen, and whether the shell has exited; one tmux call, as this runs in every poll."""
        # The lone ";" separates two tmux commands; the second prints 1 for a dead pane.
        capture = ("capture-pane", "-p", "-J", "-t", SESSION)
        out = self._tmux(*capture, ";", "display-message", "-p", "-t", SESSION, "#{pane_dead}")
        screen, _, dead = out.rstrip("\n").rpartition("\n")
        return _tidy(screen), dead == "1"

    def _transcript(self) -> str:
        """Scrollback and screen: start-up errors may have scrolled out of sight."""
        text = _tidy(self._tmux("capture-pane", "-p", "-J", "-S", "-", "-t", SESSION))
        return re.sub(r"\n{3,}", "\n\n", text)  # an empty screen is 40 blank lines

    def wait_for(self, expect: Expect, timeout: float = 20, *, what: str | None = None) -> str:
        """Poll until `expect` (text on screen, or a predicate of the screen) holds; return the screen.

        The timeout is only a safety net for a broken shell: nothing here depends on
        how fast the machine is. On timeout, or as soon as the shell has exited, this
        raises AssertionError with the pane's text, scrollback included.
        """
        holds = expect if callable(expect) else (lambda screen: expect in screen)
        deadline = time.monotonic() + timeout
        while True:
            screen, dead = self._read()
            if holds(screen):
                return screen
            # A shell that has exited will show nothing new: fail now, not at the deadline.
            if dead or time.monotonic() > deadline:
                wanted = what or (repr(expect) if isinstance(expect, str) else getattr(expect, "__name__", "predicate"))
                why = "the shell exited" if dead else f"gave up after {timeout} s"
                raise AssertionError(
                    f"{self.shell}: {why} waiting for {wanted}; the pane, scrollback included:\n"
                    f"{self._transcript()}\n[end of pane]"
                )
            time.sleep(POLL)

    def settle(self, timeout: float = 20, *, polls: int = 3, interval: float = 0.1) -> str:
        """Wait until the screen stays the same for `polls` reads `interval` apart; return it.

        A shell draws a list and then its prompt again in separate writes; this waits
        for the last one. Prefer wait_for() with the expected text where there is one.
        """
        deadline = time.monotonic() + timeout
        last, same = self.screen(), 0
        while same < polls:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.shell}: the screen kept changing for {timeout} s; last:\n{last}")
            time.sleep(interval)
            screen = self.screen()
            same = same + 1 if screen == last else 0
            last = screen
        return last

    def wait_until_ready(self, timeout: float = 20) -> str:
        """Wait for the end-of-setup marker and the prompt after it."""
        return self.wait_for(
            lambda screen: self.marker in screen and _last_line(screen) == PROMPT,
            timeout,
            what=f"the start-up marker {self.marker} and a prompt",
        )

    # -- completion ----------------------------------------------------------

    def reset(self, timeout: float = 20) -> str:
        """Cancel the line, close any menu and clear the screen: only the prompt is left."""
        self.ctrl_c()
        # One key at a time, each waited for: fish 3.6 drops its Ctrl-C when
        # Ctrl-L arrives in the same read.
        self.wait_for(lambda screen: _last_line(screen) == PROMPT, timeout, what="a fresh prompt after Ctrl-C")
        # A shell busy redrawing (zsh after a completion list, on a loaded machine) can drop a Ctrl-L:
        # send it again until the screen clears, rather than wait on a key that was lost.
        deadline = time.monotonic() + timeout
        while True:
            self.press("C-l")
            try:
                return self.wait_for(lambda screen: screen == PROMPT, 3, what="a clear screen with only the prompt")
            except AssertionError:
                if time.monotonic() > deadline:
                    raise

    def complete(self, line: str, *, tabs: int = 1, until: Expect | None = None, timeout: float = 20) -> str:
        """Type `line` on a clear screen, press TAB `tabs` times, and return the screen once it has settled.

        bash needs tabs=2 to list several candidates; zsh and fish list them on the
        first TAB. Without `until`, the screen must change after TAB (or this fails
        after `timeout`) and then stay still for a moment (see settle()). With
        `until` (text or predicate), this returns as soon as it holds.
        """
        self.reset(timeout)
        self.type(line)
        typed = f"{PROMPT} {line}".rstrip()
        before = self.wait_for(lambda screen: screen == typed, timeout, what=f"the typed line {typed!r}")
        self.tab(tabs)
        if until is not None:
            return self.wait_for(until, timeout)
        self.wait_for(lambda screen: screen != before, timeout, what="any change after TAB")
        return self.settle(timeout)


# -- self-check: python tests/shell_driver.py [bash|zsh|fish ...] -------------

FOO_COMPLETION = {
    "bash": 'complete -W "alpha beta" foo',
    "zsh": "_foo() { compadd alpha beta; }\ncompdef _foo foo",
    "fish": 'complete -c foo -f -a "alpha beta"',
}
TABS_TO_LIST = {"bash": 2, "zsh": 1, "fish": 1}


def _self_check(shell: str) -> float:
    """One round: start, complete a unique word, list two words, stop. Returns its duration."""
    started = time.monotonic()
    with ShellSession(shell, setup=FOO_COMPLETION[shell]) as session:
        screen = session.complete("foo al")
        assert f"{PROMPT} foo alpha" in screen.splitlines(), screen
        screen = session.complete("foo ", tabs=TABS_TO_LIST[shell])
        assert "alpha" in screen and "beta" in screen, screen
    return time.monotonic() - started


if __name__ == "__main__":
    for name in sys.argv[1:] or SHELLS:
        if available(name):
            print(f"{name}: ok in {_self_check(name):.2f} s")
        else:
            print(f"{name}: skipped, {name} or tmux is not installed")
