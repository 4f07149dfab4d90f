"""The console script and `python -m cqmin`.

Importing the CLI (Typer, mostly) takes most of a run, so a Ctrl-C is likely
to land there: this wrapper makes that exit 130 without a traceback too.
"""

import sys


def main() -> None:
    try:
        from cqmin.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()
