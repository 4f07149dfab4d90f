"""What cqmin relies on in Typer and Click beyond their documented use: all of it in cqmin/cli/framework.py.

If a test here fails after a Typer or Click upgrade, the message names what
moved; adapt cqmin/cli/framework.py (and the pin in pyproject.toml), nothing else.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import typer

PACKAGE = Path(__file__).resolve().parent.parent / "cqmin"
FENCE = PACKAGE / "cli" / "framework.py"


def _imports(path: Path) -> list[str]:
    """Every module and attribute `path` imports from Typer or Click, and every `typer.x.y` it reaches."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] in ("typer", "click")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("typer", "click"):
            found += [f"{node.module}.{alias.name}" for alias in node.names]
        elif (
            isinstance(node, ast.Attribute)
            and ast.unparse(node).startswith("typer.")
            and ast.unparse(node).count(".") > 1
        ):
            found.append(ast.unparse(node))
    return found


def test_only_the_fence_reaches_past_typer_s_top_level():
    """Elsewhere cqmin uses `typer.X` (Typer's documented API) only: no typer.main, typer.core, typer._click."""
    beyond = {}
    for path in PACKAGE.rglob("*.py"):
        if path == FENCE:
            continue
        deep = [name for name in _imports(path) if name.count(".") > 1 or name.startswith(("typer._", "click"))]
        deep += [name for name in _imports(path) if name.split(".")[1:2] and name.split(".")[1] in _SUBMODULES]
        if deep:
            beyond[str(path.relative_to(PACKAGE))] = sorted(set(deep))
    assert beyond == {}


_SUBMODULES = {"main", "core", "models", "testing", "rich_utils", "completion", "params", "utils"}


def test_what_the_fence_imports_is_there():
    """If this fails, Typer moved something cqmin/cli/framework.py imports."""
    try:
        from cqmin.cli import framework
    except ImportError as error:
        pytest.fail(f"Typer {typer.__version__} no longer has {error.name!r}: adapt cqmin/cli/framework.py")
    for name in ("ClickException", "UsageError", "get_command_from_info", "get_command_name", "CommandInfo"):
        assert hasattr(framework, name), f"Typer {typer.__version__}: {name} is gone; see cqmin/cli/framework.py"


def test_typer_builds_one_command_from_its_registration():
    """framework.command_from and the lazy group: Typer's get_command_from_info, from a CommandInfo."""
    from cqmin.cli import framework

    def greet(name: str = "x") -> None:
        """Say hello."""

    built = framework.command_from(
        greet, name="hello", help="Help text.", short_help="[b]Short[/b]", described="Short", rich_help_panel="P"
    )
    assert (built.name, built.help, built.short_help, built.rich_help_panel) == (
        "hello",
        "Help text.",
        "[b]Short[/b]",
        "P",
    )
    assert built.get_short_help_str() == "Short", "Click no longer describes a command by get_short_help_str()"
    assert [param.name for param in built.params] == ["name"], f"Typer {typer.__version__} builds parameters otherwise"


def test_the_group_builds_a_command_only_when_it_is_looked_up(monkeypatch):
    from typer.main import get_command

    from cqmin.cli import framework
    from cqmin.cli.app import app

    built = []
    real = framework.get_command_from_info
    monkeypatch.setattr(framework, "get_command_from_info", lambda info, **kw: built.append(info) or real(info, **kw))
    group = get_command(app)
    context = group.make_context("cqmin", [], resilient_parsing=True)
    names = group.list_commands(context)
    assert built == [] and "show" in names, "Typer built cqmin's commands when the app was made"
    assert group.get_command(context, "show").name == "show"
    assert group.get_command(context, "show") is group.get_command(context, "show")
    assert [info.callback.__name__ for info in built] == ["show"]


def test_click_raises_instead_of_exiting_when_not_standalone():
    """framework.Group.main runs Click with standalone_mode=False and reports what it raises."""
    from typer.main import get_command

    from cqmin.cli import framework
    from cqmin.cli.app import app

    group = get_command(app)
    with pytest.raises(framework.UsageError) as raised:
        group.main(["--nosuch"], "cqmin", standalone_mode=False)
    assert raised.value.exit_code == 2, f"Click {typer.__version__}: a usage error no longer exits 2"
    assert group.main(["--version"], "cqmin", standalone_mode=False) == 0, "typer.Exit is not returned as a code"


def test_click_finds_what_a_tab_is_for(sample_path):
    from typer.main import get_command

    from cqmin.cli import framework
    from cqmin.cli.app import app

    group = get_command(app)
    ids, root = framework.completions(group, ["show"], "pension.d")
    assert [value for value, _ in ids] == ["pension.dibao"], "Click no longer calls an argument's completion"
    assert root.params.get("facts_path") == sample_path and root.command is group  # (CQMIN_FACTS names it)
    choices, _ = framework.completions(group, ["pension", "--format"], "c")
    assert choices == [("csv", None)], "Click no longer completes an option's choices"


def test_typer_says_whether_help_is_rich_markup():
    code = "from cqmin.cli import framework; print(framework.help_is_markup())"
    for setting, expected in (("1", "True"), ("0", "False")):
        env = {"TYPER_USE_RICH": setting, "PATH": ""}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        assert result.stdout.strip() == expected, f"typer.core.HAS_RICH no longer follows TYPER_USE_RICH={setting}"


def test_a_topic_s_options_read_from_its_annotations_are_those_typer_builds():
    """argv.lift reads a topic command's options without building it (framework.option_shapes)."""
    from cqmin import argv
    from cqmin.cli import framework, topics

    built = framework.command_from(topics._topic, name="topic", help="", short_help="", described="")
    context = built.make_context("topic", [], resilient_parsing=True)
    from_typer = sorted((sorted(shape["names"]), shape["flag"]) for shape in map(argv.shape, built.get_params(context)))
    read = sorted((sorted(shape["names"]), shape["flag"]) for shape in topics.option_shapes(("--help",)))
    assert read == from_typer, "Typer makes options of annotations differently now: see framework.option_shapes"
