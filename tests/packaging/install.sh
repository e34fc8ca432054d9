#!/usr/bin/env bash
# `cmake --install` into a temporary prefix puts each file where its reader looks, and the
# installed binary runs.
# Usage: install.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null
for file in bin/estrace share/man/man1/estrace.1 share/bash-completion/completions/estrace \
  share/zsh/vendor-completions/_estrace; do
  [[ -f $prefix/$file ]] || fail "cmake --install did not install $file"
done
[[ -x $prefix/bin/estrace ]] || fail "bin/estrace is not executable"
# Whole outputs, then grep: with pipefail, grep -q leaving early would fail the writer.
version=$("$prefix/bin/estrace" -V)
grep -q '^estrace -- version ' <<<"$version" || fail "the installed estrace -V: $version"
page=$(MANWIDTH=80 man -l "$prefix/share/man/man1/estrace.1" 2>&1)
grep -q 'ESTRACE(1)' <<<"$page" || fail "the installed man page does not render"
echo "install: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
