"""`python -m cqmin` runs the same entry point as the `cqmin` command."""

from cqmin.cli import main

if __name__ == "__main__":
    main()
