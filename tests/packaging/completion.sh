#!/usr/bin/env bash
# The bash completion, loaded into bash, completes syscall names after -e trace=, options and
# pids; both completions name every option -h lists; zsh (when installed) completes with its own.
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
# The line zsh leaves after Tab at the end of $1 must be $2 (a space after it or not: a list
# item may still be followed by a comma).
zsh_completes() {
  local got
  got=$(timeout 30 zsh -f "$(dirname "$0")/zsh_complete.zsh" "$dir" "$(dirname "$estrace")" "$1")
  [[ ${got% } == "$2" ]] || fail "zsh completes '$1' to '$got', not '$2'"
}

if command -v zsh >/dev/null; then
  zsh -n "$dir/_estrace" || fail "zsh cannot parse _estrace"
  zsh_completes "estrace -e trace=opena" "estrace -e trace=openat"
  zsh_completes "estrace --trace=%fi" "estrace --trace=%file"
  zsh_completes "estrace --follow-f" "estrace --follow-forks"
else
  echo "zsh not installed: _estrace not tried"
fi
echo "completion: ok"
