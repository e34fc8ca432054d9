# shellcheck shell=bash
# Shared by the packaging tests (sourced): how they fail, and the options -h lists.

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Every single-letter and long option `$1 -h` lists ("-f", "--follow-forks", ...), one a line.
help_options() {
  "$1" -h | grep -oE '(^|[][ ,{(])--?[A-Za-z][A-Za-z-]*' | sed 's/^[][ ,{(]//' |
    grep -E '^(-[A-Za-z]|--[a-z-]+)$' | sort -u
}

# True when file $2 names option $1 as a whole word (so "--trace" is not found in "--trace-path").
names_option() {
  grep -qE -- "(^|[\"' {(,*])$1([\"' +,=[}]|$)" "$2"
}
