#!/usr/bin/env bash
# The bash completion, loaded into bash, completes syscall names after -e trace=, options and
# pids; both completions name every option -h lists; zsh (when installed) parses its own.
# Usage: completion.sh COMPLETIONS_DIR ESTRACE
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir=$1 estrace=$2

# Offers for the command line $1, as bash computes them, one a line.
complete_line() {
  bash -c '
    source "$1/estrace.bash"
    COMP_LINE=$3 COMP_POINT=${#3} COMP_WORDS=("$2") COMP_CWORD=1
    _estrace
    printf "%s\n" "${COMPREPLY[@]}"' bash "$dir" "$estrace" "$1"
}

offers() {
  local offered
  offered=$(complete_line "$1")
  grep -qxF -- "$2" <<<"$offered" || fail "'$1' does not offer '$2': $(head -5 <<<"$offered")"
}

offers "estrace -e trace=ope" openat
offers "estrace -e trace=read,ope" read,openat
offers "estrace --trace=%fi" %file
offers "estrace -e tra" trace=
offers "estrace --follow-f" --follow-forks
offers "estrace -Z -p $$" $$
offers "estrace -e status=fa" failed

for option in $(help_options "$estrace"); do
  names_option "$option" "$dir/estrace.bash" || fail "estrace.bash does not complete $option"
  names_option "$option" "$dir/_estrace" || fail "_estrace does not complete $option"
done
if command -v zsh >/dev/null; then
  zsh -n "$dir/_estrace" || fail "zsh cannot parse _estrace"
else
  echo "zsh not installed: _estrace not parsed"
fi
echo "completion: ok"
