# bash completion for estrace: options, -e qualifiers and their values (syscall names and
# %classes from the binary itself: `estrace --list-syscalls`), pids after -p, files after -o
# and -P, and the command after the options. Needs only bash; bash-completion loads it from
# share/bash-completion/completions/estrace.

# The syscall names and %classes the estrace being completed (the first word) takes.
_estrace_syscalls() {
  local bin=${COMP_WORDS[0]:-estrace}
  [[ $bin == */* ]] || bin=$(type -P "$bin") || return
  "$bin" --list-syscalls 2>/dev/null
}

# Candidates for the last item of a comma list `value` (after an optional '!'), each with
# the items before it, so that "open,clo" completes to "open,close".
_estrace_list() {
  local value=$1 words=$2
  local head=${value%"${value##*,}"}
  [[ -z $head && $value == '!'* ]] && head='!'
  local item=${value#"$head"}
  local w
  for w in $(compgen -W "$words" -- "$item"); do printf '%s\n' "$head$w"; done
}

# Candidates for the value of -e QUALIFIER=VALUE (`expr` is what follows -e).
_estrace_qualifier() {
  local expr=$1
  if [[ $expr != *=* ]]; then
    # A bare -e SET is a syscall set too.
    compgen -W "trace= status= signal= quiet= abbrev= verbose= raw= read= write= decode-fds=
                decode-pids=" -- "$expr"
    _estrace_list "$expr" "$(_estrace_syscalls)"
    return
  fi
  local name=${expr%%=*} value=${expr#*=} words=
  case $name in
    trace | t) words=$(_estrace_syscalls) ;;
    status) words="successful failed unfinished unavailable detached all none" ;;
    signal | signals | s) words="all none $(compgen -A signal)" ;;
    quiet | silent | silence | q) words="attach personality none all" ;;
    abbrev | a | verbose | v | raw | x) words="all none $(_estrace_syscalls)" ;;
    decode-fds | decode-fd) words="path all none" ;;
    decode-pids | decode-pid) words="comm none" ;;
    read | reads | r | write | writes | w) words="all none" ;;
  esac
  _estrace_list "$value" "$words" | sed "s/^/$name=/"
}

_estrace() {
  local line=${COMP_LINE:0:COMP_POINT}
  # The word being completed and the one before it, split at blanks only: bash's own words
  # are also split at '=' and ':'.
  local cur=${line##*[[:space:]]}
  local before=${line%"$cur"}
  before=${before%"${before##*[![:space:]]}"}
  local prev=${before##*[[:space:]]}
  local -a words
  read -ra words <<<"$before"

  # Past the options: the command, then its arguments.
  local i takes_value='' command_at=''
  for ((i = 1; i < ${#words[@]}; i++)); do
    local w=${words[i]}
    if [[ -n $takes_value ]]; then
      takes_value=
    elif [[ $w == -- ]]; then
      command_at=$((i + 1))
      break
    elif [[ $w == -[bepoPsSUX] || $w == --@(attach|buffer-size|output|string-limit|trace|summary-sort-by|summary-columns|interval|cgroup|container|comm|uid|decode-pids|const-print-style|trace-path|signal|read|write) ]]; then
      takes_value=1
    elif [[ $w != -* ]]; then
      command_at=$i
      break
    fi
  done

  local candidates=
  if [[ -n $command_at ]]; then
    if ((command_at < ${#words[@]})); then
      candidates=$(compgen -f -- "$cur")
    else
      candidates=$(compgen -c -- "$cur")
    fi
  else
    _estrace_option_value "$cur" "$prev"
  fi
  _estrace_reply "$cur" "$candidates"
}

# Sets `candidates` (the caller's) for the word `cur` after the word `prev`, among the options.
_estrace_option_value() {
  local cur=$1 prev=$2
  case $prev in
    -p | --attach)
      candidates=$(_estrace_list "$cur" "$(cd /proc && compgen -G '[0-9]*')")
      ;;
    -e) candidates=$(_estrace_qualifier "$cur") ;;
    --trace) candidates=$(_estrace_list "$cur" "$(_estrace_syscalls)") ;;
    --signal) candidates=$(_estrace_list "$cur" "all none $(compgen -A signal)") ;;
    -o | --output | -P | --trace-path) candidates=$(compgen -f -- "$cur") ;;
    --cgroup) candidates=$(compgen -d -- "$cur") ;;
    --comm) candidates=$(compgen -W "$(cat /proc/[0-9]*/comm 2>/dev/null)" -- "$cur") ;;
    -S | --summary-sort-by)
      candidates=$(compgen -W "time min-time max-time avg-time calls errors name nothing" -- "$cur")
      ;;
    -U | --summary-columns)
      candidates=$(_estrace_list "$cur" "time-percent total-time min-time max-time avg-time calls errors name")
      ;;
    -X | --const-print-style) candidates=$(compgen -W "raw abbrev verbose" -- "$cur") ;;
    -b | -s | --buffer-size | --string-limit | --interval | --container | --uid | --read | --write | --decode-pids)
      return
      ;;
    *)
      case $cur in
        --attach=*) candidates=$(_estrace_list "${cur#*=}" "$(cd /proc && compgen -G '[0-9]*')" | sed 's/^/--attach=/') ;;
        --trace=* | --histogram=*) candidates=$(_estrace_list "${cur#*=}" "$(_estrace_syscalls)" | sed "s/^/${cur%%=*}=/") ;;
        --*)
          candidates=$(compgen -W "--attach= --buffer-size= --follow-forks --output-separately
            --output= --string-limit= --trace= --absolute-timestamps --syscall-times --quiet
            --decode-fds --strings-in-hex --no-abbrev --summary-only --summary
            --summary-wall-clock --summary-sort-by= --summary-columns= --latency --histogram
            --errno-summary --interval= --json --cgroup= --container= --all --comm= --uid=
            --pidns --syscall-number --decode-pids= --const-print-style= --trace-path= --signal=
            --read= --write= --fail-on-loss --help --version --list-syscalls" -- "$cur")
          ;;
        -*) candidates=$(compgen -W "-b -c -C -e -f -ff -h -n -o -p -P -q -s -S -t -tt -ttt -T
                                    -U -v -V -w -x -xx -X -y -yy -Y -z -Z" -- "$cur") ;;
        *) candidates=$(compgen -c -- "$cur") ;;
      esac
      ;;
  esac
}

# COMPREPLY from `candidates`, whole words, for the word `cur`.
_estrace_reply() {
  local cur=$1 candidates=$2
  # bash replaces only what follows the last '=' or ':' of the word (COMP_WORDBREAKS).
  local keep=$cur
  [[ $COMP_WORDBREAKS == *=* ]] && keep=${keep##*=}
  [[ $COMP_WORDBREAKS == *:* ]] && keep=${keep##*:}
  local drop=$((${#cur} - ${#keep}))
  local IFS=$'\n'
  COMPREPLY=()
  local c
  for c in $candidates; do COMPREPLY+=("${c:drop}"); done
  # "--trace=" and "-e trace=" wait for their value.
  [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
  return 0
}
complete -F _estrace estrace
