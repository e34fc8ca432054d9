#!/usr/bin/env bash
# The man page renders with man -l and groff without a warning, is for the binary's version,
# and names every option -h lists.
# Usage: man_page.sh MAN_PAGE ESTRACE
set -euo pipefail
source "$(dirname "$0")/lib.sh"
page=$1 estrace=$2

warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
[[ -z $warnings ]] || fail "groff warns about $page: $warnings"
# One long line per paragraph, so no option is broken across lines.
text=$(MANWIDTH=1000 man -l "$page" 2>&1 | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g')
for section in NAME SYNOPSIS DESCRIPTION OPTIONS "DIFFERENCES FROM STRACE" "EXIT STATUS" \
  ENVIRONMENT EXAMPLES ESTRACE_LOG ESTRACE_FULL_BTF; do
  grep -qF -- "$section" <<<"$text" || fail "the rendered page has no $section"
done
# The page's footer names the version the binary reports (docs/estrace.1's .TH line).
version=$("$estrace" -V | sed -n '1s/^estrace -- version //p')
grep -q "^\.TH ESTRACE 1 .* \"estrace $version\"" "$page" || fail "$page's .TH is not for estrace $version"
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT
printf '%s\n' "$text" >"$rendered"
count=0
while read -r option; do
  names_option "$option" "$rendered" || fail "the man page does not mention $option"
  count=$((count + 1))
done < <(help_options "$estrace")
((count > 60)) || fail "only $count options found in $estrace -h"
echo "man page: renders, $count options"
