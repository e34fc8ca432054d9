# Completes a command line in an interactive zsh (in a pseudo-terminal, as a user's Tab would)
# and prints the line as completion left it.
# Usage: zsh -f zsh_complete.zsh COMPLETIONS_DIR ESTRACE_DIR LINE
zmodload zsh/zpty
zpty shell zsh -f -i
# Ctrl-X shows the edited line between markers, so the output says when completion is done.
zpty -w shell "fpath=($1 \$fpath); path=($2 \$path); autoload -Uz compinit; compinit -u -D
show-buffer() { zle -M \"BUFFER=[\$BUFFER]\" }; zle -N show-buffer; bindkey '^X' show-buffer
PS1='READY> '"
zpty -r -m shell out '*READY> *'
zpty -w -n shell "$3"$'\t\C-x'
zpty -r -m shell out '*BUFFER=\[*\]*'
print -r -- "${${out##*BUFFER=\[}%%\]*}"
zpty -d shell
