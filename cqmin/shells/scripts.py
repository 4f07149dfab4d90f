"""The completion scripts cqmin prints for `--show-completion SHELL` and installs with `--install-completion`.

Each reads cqmin's answer into an array and hands the values to the shell's
own completion functions: nothing cqmin prints is ever evaluated, whatever a
fact base puts in a description.
"""

from cqmin import shells

# `%(prog)s` is the command's name, `%(var)s` the variable that asks it to complete; the others are the
# variables that carry the command line (cqmin.shells, where they are defined).

BASH = r"""
_%(func)s_completion() {
    local IFS=$'\n' line
    local -a lines
    mapfile -t lines < <(env %(words)s="${COMP_WORDS[*]}" %(cword)s="$COMP_CWORD" %(var)s=complete_bash "$1" 2>/dev/null)
    COMPREPLY=()
    for line in "${lines[@]}"; do
        [[ -n $line ]] && COMPREPLY+=("$line")
    done
    return 0
}

complete -o default -F _%(func)s_completion %(prog)s
"""

# Installed as the file _%(prog)s in $fpath, zsh autoloads this file as the function
# _%(prog)s: the first TAB runs the file, which defines the function and then calls
# it, so the first TAB completes too. Sourced instead, it registers itself.
ZSH = r"""
#compdef %(prog)s

_%(func)s() {
    local -a lines candidates
    local line value description
    lines=("${(@f)$(env %(args)s="${words[1,$CURRENT]}" %(var)s=complete_zsh "${words[1]}" 2>/dev/null)}")
    for line in "${lines[@]}"; do
        [[ -n $line ]] || continue
        value=${line%%%%$'\t'*}
        description=
        [[ $line == *$'\t'* ]] && description=${line#*$'\t'}
        # _describe reads "value:description" and takes a backslash as an escape in both
        value=${value//\\/\\\\}
        description=${description//\\/\\\\}
        candidates+=("${value//:/\\:}${description:+:$description}")
    done
    if (( ${#candidates} )); then
        # -U: cqmin has matched them (ids in any case: PENSION.D is pension.d…), so zsh takes them as they are
        _describe -t values %(prog)s candidates -U
    else
        _files
    fi
}

if [[ ${funcstack[1]} == _%(func)s ]]; then
    _%(func)s "$@"
else
    compdef _%(func)s %(prog)s
fi
"""

# One run of cqmin a TAB: the answer is the candidates, or nothing for file names.
FISH = r"""
function __%(func)s_complete
    set -l candidates (env %(var)s=complete_fish %(args)s=(commandline -cp | string collect) %(prog)s 2>/dev/null | string match --regex --invert '^$')
    if set -q candidates[1]
        printf '%%s\n' $candidates
    else
        __fish_complete_path (commandline -ct)
    end
end

complete --command %(prog)s --no-files --arguments '(__%(func)s_complete)'
"""

POWERSHELL = r"""
Import-Module PSReadLine
Set-PSReadLineKeyHandler -Chord Tab -Function MenuComplete
$scriptblock = {
    param($wordToComplete, $commandAst, $cursorPosition)
    $Env:%(var)s = "complete_powershell"
    $Env:%(args)s = $commandAst.ToString()
    $Env:%(word)s = $wordToComplete
    %(prog)s | ForEach-Object {
        $commandArray = $_ -Split ":::"
        $command = $commandArray[0]
        $helpString = $commandArray[1]
        [System.Management.Automation.CompletionResult]::new(
            $command, $command, 'ParameterValue', $helpString)
    }
    $Env:%(var)s = ""
    $Env:%(args)s = ""
    $Env:%(word)s = ""
}
Register-ArgumentCompleter -Native -CommandName %(prog)s -ScriptBlock $scriptblock
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH, "powershell": POWERSHELL, "pwsh": POWERSHELL}


def script(shell: str, prog: str = "cqmin") -> str:
    func = "".join(char for char in prog.replace("-", "_") if char.isascii() and (char.isalnum() or char == "_"))
    var = f"_{func.upper()}_COMPLETE"
    names = {"words": shells.WORDS_VAR, "cword": shells.CWORD_VAR, "args": shells.ARGS_VAR, "word": shells.WORD_VAR}
    return SCRIPTS[shell].strip("\n") % {"prog": prog, "func": func, "var": var, **names} + "\n"
