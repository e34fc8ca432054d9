#!/usr/bin/env bash
# The decoder under AddressSanitizer and UndefinedBehaviorSanitizer: the root-free unit tests
# and the fuzzing corpus test built with both, then libFuzzer on the record decoder
# (decode -> format -> output, tests/fuzz) for FUZZ_SECONDS (default 60; longer on demand:
# FUZZ_SECONDS=3600 scripts/sanitize.sh). Builds in build-san/ with clang. Any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
dir=${SAN_BUILD_DIR:-build-san}
# -O1 without debug info: compiles in about half the time of the main build's flags, and
# still finds what the sanitizers find (line numbers come from the symbols).
flags="-O1 -g0 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"

if [[ ! -f $dir/CMakeCache.txt ]]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=None \
    -DESTRACE_FUZZ=ON -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$dir" -j"$(nproc)" --target unit_tests fuzz_corpus_test decode_fuzz

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
echo "sanitize: unit tests"
"$dir/tests/unit_tests" --gtest_brief=1
echo "sanitize: fuzzing corpus test"
"$dir/tests/fuzz/fuzz_corpus_test"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir "$corpus/seeds"
"$dir/tests/fuzz/fuzz_corpus_test" --write-seeds "$corpus/seeds" >/dev/null
echo "sanitize: libFuzzer on the decoder for ${seconds} s"
status=0
"$dir/tests/fuzz/decode_fuzz" "$corpus/seeds" -max_total_time="$seconds" -max_len=4096 \
  -print_final_stats=1 >"$corpus/fuzz.log" 2>&1 || status=$?
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "$corpus/fuzz.log" || true
if ((status)); then
  tail -n 80 "$corpus/fuzz.log"
  echo "sanitize: libFuzzer found a crash (exit $status)"
  exit 1
fi
echo "sanitize: 0 findings"
