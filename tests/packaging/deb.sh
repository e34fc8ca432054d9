#!/usr/bin/env bash
# cpack builds a .deb whose dependencies are Debian's runtime packages, and which unpacks with
# dpkg -x to a binary that runs.
# Usage: deb.sh BUILD_DIR
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 ||
  fail "cpack: $(cat "$out/cpack.log")"
debs=("$out"/*.deb)
[[ -f ${debs[0]} ]] || fail "cpack made no .deb: $(cat "$out/cpack.log")"
deb=${debs[0]}

# dpkg-shlibdeps names what the binary links: libbpf1, spdlog by its shlibs name
# (libspdlog1.10-fmt9, which libspdlog1.10 provides), libfmt9, libc6...
depends=$(dpkg-deb -f "$deb" Depends)
for package in libbpf1 'libspdlog1\.10(-fmt9)?' libfmt9 libc6; do
  grep -qE "(^|, )$package( |,|$)" <<<"$depends" || fail "Depends lacks $package: $depends"
done
contents=$(dpkg-deb -c "$deb")
grep -qE '\./usr/share/bash-completion/completions/estrace$' <<<"$contents" ||
  fail "the .deb has no bash completion"

dpkg -x "$deb" "$out/root"
for file in usr/bin/estrace usr/share/man/man1/estrace.1 usr/share/zsh/vendor-completions/_estrace; do
  [[ -f $out/root/$file ]] || fail "the .deb has no /$file"
done
version=$("$out/root/usr/bin/estrace" -V)
grep -q '^estrace -- version ' <<<"$version" || fail "the unpacked estrace -V: $version"
echo "deb: $(basename "$deb"), Depends: $depends"
