#!/usr/bin/env bash
# Style and static checks: clang-format 14 over the C++ (src/, include/, tests/; .clang-format)
# and the BPF C (bpf/.clang-format, kernel style), the layer order (scripts/check_layers.py),
# then clang-tidy 14 over src/*/*.cpp with build/compile_commands.json (.clang-tidy).
#   scripts/lint.sh            check only; non-zero exit on any finding
#   scripts/lint.sh --fix      rewrite files in clang-format's style, then run the checks
#   scripts/lint.sh --no-tidy  formatting and layers only (no build/ needed)
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
tidy=1
for arg in "$@"; do
  case $arg in
    --fix) fix=1 ;;
    --no-tidy) tidy=0 ;;
    -h | --help)
      sed -n '2,8s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *)
      echo "lint: unknown argument '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done

# Two styles. The kernel's (bpf/.clang-format) for the plain C: BPF programs, the ABI headers
# both sides share (include/estrace/abi/), every *.c (test and benchmark programs, written in
# the style of strace's tests and libbpf-tools) and the C headers beside the benchmarks. The
# root .clang-format for the C++. vmlinux.h is generated, not ours.
kernel_style=(
  \( -path 'bpf/*' -o -path 'include/estrace/abi/*' -o -path 'tests/bench/*.h'
  -o -name '*.c' -o -name '*.bpf.h' \)
)
# The top-level folders that exist (find complains about missing ones).
dirs() { for d in "$@"; do if [[ -d $d ]]; then printf '%s\n' "$d"; fi; done; }
mapfile -t c_dirs < <(dirs bpf src include tests)
mapfile -t cxx_dirs < <(dirs src include tests)
sources=(\( -name '*.cpp' -o -name '*.h' -o -name '*.c' \) ! -name 'vmlinux.h')
mapfile -d '' bpf_files < <(find "${c_dirs[@]}" "${sources[@]}" "${kernel_style[@]}" -print0)
mapfile -d '' cxx_files < <(find "${cxx_dirs[@]}" "${sources[@]}" ! "${kernel_style[@]}" -print0)

status=0
format() { # STYLE FILE...
  local style=$1
  shift
  (($#)) || return 0
  if ((fix)); then clang-format-14 -i --style="$style" "$@"; fi
  clang-format-14 --dry-run --Werror --style="$style" "$@" || status=1
}
format file "${cxx_files[@]}"
format file:bpf/.clang-format "${bpf_files[@]}"
# Modules use only lower layers (docs/DESIGN.md, "Layers").
python3 scripts/check_layers.py || status=1

if ((tidy)); then
  if [[ ! -f build/compile_commands.json ]]; then
    echo "lint: build/compile_commands.json is missing: run ./scripts/setup.sh first" \
      "(it builds the generated headers tidy needs too), or pass --no-tidy" >&2
    exit 2
  fi
  mapfile -d '' tidy_files < <(find src -name '*.cpp' -print0)
  if ((${#tidy_files[@]})); then
    # One process per file, as many at once as there are cores; clang's "N warnings generated"
    # counts (mostly from system headers, filtered out anyway) are dropped.
    tidy_log=$(mktemp)
    trap 'rm -f "$tidy_log"' EXIT
    printf '%s\0' "${tidy_files[@]}" |
      xargs -0 -n 1 -P "$(nproc)" clang-tidy-14 -p build --quiet --warnings-as-errors='*' \
        >"$tidy_log" 2>&1 || status=1
    grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' "$tidy_log" || true
  fi
fi

if ((status)); then
  echo "lint: findings above" >&2
else
  echo "lint: clean"
fi
exit "$status"
