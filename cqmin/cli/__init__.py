"""The command line through Typer: help, mistakes, files to write, and every line the fast paths leave to it
(a look-up from the cache is cqmin/quick.py's, a TAB cqmin/shells/fast.py's). Everything that knows about
Typer lives in this package:

app.py         the Typer app, its root options, and `main`, the console script's entry
group.py       how a command is found (cqmin's own, or a topic of the data)
commands.py    cqmin's own commands: each parses its options and calls lookups.py (or validate's, draft's)
topics.py      topic commands, one for each topic of the fact base
options.py     the options commands share, with choices from the registries
session.py     what a command works with: the run's environment, fact base, format, output
exporting.py   export's files; checking.py validate's checks
completion.py  a TAB answered through Typer; candidates.py what it offers; table.py the command table
framework.py   every reliance on Typer's and Click's internals, behind one door
"""
