#!/usr/bin/env bash
# Builds build/ (configuring it first when it has never been configured), runs every CTest test,
# then says how many of the BPF tests really ran. Those are labelled `bpf` and skip themselves
# without root or BPF support; a green summary must not hide that nothing was traced.
# Then boots Debian 12's stock kernels in qemu and runs the BPF tests there (kernel-matrix.sh);
# with ESTRACE_SANITIZE=1, the unit tests and 60 s of fuzzing under sanitizers (sanitize.sh).
# Exit status: non-zero when ctest or the matrix failed. Needs no terminal and no stdin (CI
# runs it with CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build build -j"$(nproc)"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# No tests at all means the build lost them, not that everything passed.
status=0
ctest --test-dir build --output-on-failure -j2 --timeout 300 --no-tests=error </dev/null 2>&1 |
  tee "$log" || status=$? # pipefail: tee succeeds, so this is ctest's status

# The BPF tests by name (`ctest -N` lists "Test #N: NAME"), then each one's result line from the
# run above: "1/9 Test #3: NAME ......***Skipped   0.01 sec" (or "***Not Run", "Passed", ...).
mapfile -t bpf_tests < <(ctest --test-dir build -N -L '^bpf$' </dev/null |
  sed -n 's/^ *Test *#[0-9]*: \(.*\)$/\1/p')
ran=0
skipped=0
for name in "${bpf_tests[@]}"; do
  line=$(grep -F -- " $name " "$log" | grep -E 'Test +#[0-9]+:' | tail -n 1 || true)
  if [[ -z $line || $line == *Skipped* || $line == *"Not Run"* || $line == *Disabled* ]]; then
    skipped=$((skipped + 1))
  else
    ran=$((ran + 1))
  fi
done
echo "BPF tests: $ran ran, $skipped skipped"

# The kernel matrix: the BPF tests again inside Debian 12's stock 6.1 and 6.12 kernels (qemu).
# --no-matrix skips the matrix for a quick local run; CI always runs it.
if [[ ${1:-} != --no-matrix ]]; then
  ./scripts/kernel-matrix.sh || status=1
fi
# The unit tests and the record decoder's fuzzer under ASan and UBSan (build-san/): on demand
# (ESTRACE_SANITIZE=1) until a whole run of them is clean on the merged tree.
if [[ ${ESTRACE_SANITIZE:-0} == 1 ]]; then
  ./scripts/sanitize.sh || status=1
fi
exit "$status"
