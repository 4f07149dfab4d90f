"""Shell completion: the variables by which cqmin's scripts ask cqmin for candidates.

The protocol is cqmin's own (protocol.py reads a request and writes an answer).
A script asks by running cqmin with `_CQMIN_COMPLETE=complete_SHELL` and the
command line in the variables below. Every run looks at the first, to know
whether it is a TAB; this package holds no more, so that a look-up that is not
one imports nothing else for it.
"""

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

COMPLETE_VAR = "_CQMIN_COMPLETE"  # complete_SHELL: answer a TAB; source_SHELL: print the script
WORDS_VAR = "_CQMIN_COMPLETE_WORDS"  # bash: the words of the command line (COMP_WORDS), joined by spaces
CWORD_VAR = "_CQMIN_COMPLETE_CWORD"  # bash: the index of the word being completed (COMP_CWORD)
ARGS_VAR = "_CQMIN_COMPLETE_ARGS"  # zsh, fish, PowerShell: the command line up to the cursor
WORD_VAR = "_CQMIN_COMPLETE_WORD"  # PowerShell: the word being completed
