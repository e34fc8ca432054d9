#!/usr/bin/env bash
# strace's own test suite as an external oracle for estrace (issue 13).
#
# strace 6.1's tests are ~1,250 small C programs, each doing one syscall's corners and printing
# the exact lines strace must print; the harness (tests/init.sh) runs "$STRACE" with the test's
# options and compares. This script runs that harness with estrace as $STRACE.
#
# Nothing of strace is committed: the Debian source package is fetched into a cache directory
# with a private apt state (its own sources list, lists and cache; the system's apt
# configuration is untouched), unpacked with dpkg-source, configured and its test programs
# built. Then:
#   1. calibration: the suite with the strace it built. Only tests that pass with strace itself
#      count (some need hardware, namespaces or kernel features this machine lacks);
#   2. the same tests with STRACE=<repo>/build/estrace, each run as `make check` runs it
#      (tests/run.sh with the Makefile's AM_TEST_LOG_FLAGS, under its TIMEOUT_DURATION);
#   3. each failing test's log is classified by cause (scripts/strace_suite_classify.py: the
#      refused option, or the first differing line) and the counts are printed per cause.
#
# Usage (as root: estrace loads BPF programs; build it first: cmake --build build --target estrace)
#   scripts/strace-suite.sh             fetch + build if needed, calibrate if needed, run all
#   scripts/strace-suite.sh --check     also compare with tests/strace-suite/expected-failures.txt:
#                                       exit 1 if a test not listed there fails (a regression),
#                                       list the listed tests that now pass (progress)
#   scripts/strace-suite.sh --subset    only the fixed list tests/strace-suite/subset.txt
#   scripts/strace-suite.sh --update-expected
#                                       rewrite expected-failures.txt's entries for the tests
#                                       this run selected (all, or with --subset the subset's)
#   scripts/strace-suite.sh --recalibrate   run the strace calibration again
#   scripts/strace-suite.sh --build-only    fetch and build strace and its tests, run nothing
#   scripts/strace-suite.sh NAME...     only these tests (e.g. openat.gen.test)
# Options: --timeout SECS (per test, default 60), --jobs N (default 2), --verbose (list each
#   failing test with its first differing line).
# Environment: ESTRACE_SUITE_CACHE (default /var/cache/estrace/strace-suite),
#   ESTRACE (default <repo>/build/estrace).
# Results: $ESTRACE_SUITE_CACHE/results/{strace,estrace}/ (each test's log, results.tsv).
#
# Times measured on this machine (2 vCPUs shared with other builds, load 10-15, 2026-12-06):
# fetch 37 s; configure 11 min; strace itself 18 min (make -j1); the subset's 87 programs
# 7 min (-j1); a --subset run (84 tests, calibration included) 3 min 49 s, of which estrace's
# part ~2 min. The whole suite (all 1,157 programs, 1,254 tests) was not measured here yet.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${ESTRACE_SUITE_CACHE:-/var/cache/estrace/strace-suite}
estrace=${ESTRACE:-$repo/build/estrace}
expected_file=$repo/tests/strace-suite/expected-failures.txt
subset_file=$repo/tests/strace-suite/subset.txt
classify=$repo/scripts/strace_suite_classify.py

# The oracle: strace 6.1 as Debian 12 (bookworm) ships it.
src_package=strace
src_version=6.1-0.1
src_dir=$cache/src/strace-6.1

timeout=60 jobs=2 mode=run subset=0 recalibrate=0 verbose=0
names=()
while (($#)); do
  case $1 in
    --check) mode=check ;;
    --update-expected) mode=update ;;
    --subset) subset=1 ;;
    --recalibrate) recalibrate=1 ;;
    --build-only) mode=build ;;
    --timeout) timeout=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --verbose) verbose=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "strace-suite: unknown option $1" >&2; exit 2 ;;
    *) names+=("$1") ;;
  esac
  shift
done
((jobs <= 2)) || { echo "strace-suite: at most 2 jobs on this shared machine" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "strace-suite: run as root (estrace loads BPF programs)" >&2; exit 2; }
log() { printf 'strace-suite: %s\n' "$*" >&2; }

# --- dependencies: Debian packages, installed only when missing --------------------------------
# gawk: several tests match their output with gawk scripts; dpkg-dev: dpkg-source; the rest to
# configure and compile strace and its tests (gcc-multilib because configure probes -m32).
install_deps() {
  local p missing=()
  for p in build-essential dpkg-dev xz-utils gawk gcc-multilib; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# --- fetch: a private apt state with one deb-src line ------------------------------------------
# The mirror is the one the system's own sources use (deb822 .sources or a one-line list).
debian_mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' |
    grep -v -- '-security' | head -n1 || true)
  [[ -n $uri ]] || uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
    sed -E 's/^deb (\[[^]]*\] )?//' | awk '{print $1}' | grep -v -- '-security' | head -n1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

fetch_source() {
  [[ -d $src_dir ]] && return 0
  local apt_dir=$cache/apt
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$cache/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $(debian_mirror) bookworm main" \
    > "$apt_dir/sources.list"
  # Every path apt writes is redirected under $apt_dir; sourceparts=- drops the system's
  # sources.list.d. Sandbox::User=root: the download lands in a root-owned directory.
  local apt_opts=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
    -o APT::Sandbox::User=root)
  log "fetching the $src_package source index ($(debian_mirror) bookworm main)"
  apt-get "${apt_opts[@]}" update -qq
  local versions
  versions=$(apt-cache "${apt_opts[@]}" showsrc "$src_package" | sed -n 's/^Version: //p')
  grep -qx -- "$src_version" <<<"$versions" || {
    echo "strace-suite: $src_package $src_version not in the archive (it has: $versions)" >&2
    exit 1
  }
  (cd "$cache/src" && apt-get "${apt_opts[@]}" source --download-only -qq "$src_package=$src_version")
  # apt checked the files against the archive's signed Sources index; dpkg-source may warn that
  # it cannot check the uploader's own signature (no debian-keyring here): that is expected.
  (cd "$cache/src" && dpkg-source -x "${src_package}_${src_version}.dsc" "$src_dir" >/dev/null)
}

# --- build --------------------------------------------------------------------------------------
# Linux 6.5+ uapi headers renamed struct nexthop_grp's resvd1 to weight_high (libc headers on
# Debian 12 with a newer linux-libc-dev, and this machine's). strace 6.1 reads the field in one
# decoder and one test: map the field, keep strace's printed text ("resvd1=") as it was.
patch_nexthop() {
  grep -q 'weight_high' /usr/include/linux/nexthop.h 2>/dev/null || return 0
  sed -i -e 's/PRINT_FIELD_X(\*grp, resvd1);/tprints_field_name("resvd1"); PRINT_VAL_X(grp->weight_high);/' \
    -e 's/grp->resvd1/grp->weight_high/' "$src_dir/src/rtnl_nh.c"
  sed -i -e 's/\.resvd1 = /.weight_high = /' "$src_dir/tests/nlattr_nhmsg.c"
}

# make_print VAR: the value of a variable of strace's tests/Makefile (TESTS, check_PROGRAMS...).
make_print() {
  make -s -C "$src_dir/tests" -f Makefile -f - print-var <<<"print-var: ; @echo \$($1)"
}

# test_programs TEST: the program named after TEST and the helpers (../NAME) its script, or the
# scripts it sources, run; some are not programs (the caller keeps check_PROGRAMS only).
test_programs() {
  local t=$1 script sourced=()
  script=$src_dir/tests/$t
  mapfile -t sourced < <(grep -ohE '[A-Za-z0-9_-]+\.(test|sh)' "$script" | sed "s|^|$src_dir/tests/|")
  {
    t=${t%.test}; echo "${t%.gen}"
    grep -ohE '\.\./[A-Za-z0-9_+-]+' "$script" "${sourced[@]}" 2>/dev/null | sed 's|^\.\./||'
  } | sort -u || true
}

# build_suite [TEST...]: strace itself (for the calibration) and the test programs: all of
# them, or with TEST names only the programs those tests are named after (a CI subset need not
# compile 1,157 programs; a test that needs another helper then fails with strace too and drops
# out of the calibration, visibly).
build_suite() {
  cd "$src_dir"
  patch_nexthop
  if [[ ! -f config.status ]]; then
    log "configuring strace (log: $src_dir/config.log)"
    ./configure -q --enable-mpers=no --enable-stacktrace=no --without-libselinux >/dev/null
  fi
  if [[ ! -x src/strace ]]; then
    log "building strace (make -j$jobs)"
    make -s -j"$jobs" >/dev/null
  fi
  make -s -C tests am--depfiles
  if (($#)); then
    local programs t
    programs=$(make_print check_PROGRAMS | tr ' ' '\n')
    local wanted=()
    for t in "$@"; do
      for c in $(test_programs "$t"); do
        if grep -qx -- "$c" <<<"$programs"; then wanted+=("$c"); fi
      done
    done
    mapfile -t wanted < <(printf '%s\n' "${wanted[@]}" | sort -u)
    log "building ${#wanted[@]} test programs (make -j$jobs)"
    make -s -j"$jobs" -k -C tests libtests.a "${wanted[@]}" >/dev/null || true
  elif [[ ! -f tests/.estrace-built ]]; then
    # check with an empty TESTS builds check_PROGRAMS (all test binaries) and runs nothing.
    log "building all test programs (make -j$jobs)"
    make -s -j"$jobs" -C tests check TESTS= >/dev/null
    touch tests/.estrace-built
    # Tests calibrated before all programs existed may have failed for want of a helper.
    rm -f "$cache/results/strace-calibration.tsv"
  fi
  cd "$repo"
}

# --- run ----------------------------------------------------------------------------------------
# run_one TRACER OUT TEST: one test as automake's harness runs it (tests/run.sh with the
# Makefile's AM_TEST_LOG_FLAGS, from tests/), its output kept as OUT/NAME.log and its result as
# automake reads the exit status: 0 PASS, 77 SKIP, 99 ERROR, else FAIL.
run_one() {
  local tracer=$1 out=$2 t=$3 rc=0
  # shellcheck disable=SC2086  # log_flags is a list of VAR=VALUE words and the run.sh path
  (cd "$src_dir/tests" && STRACE=$tracer TIMEOUT_DURATION=$timeout \
    env $log_flags "./$t" >"$out/${t%.test}.log" 2>&1 </dev/null) || rc=$?
  case $rc in
    0) echo "$t	PASS" ;;
    77) echo "$t	SKIP" ;;
    99) echo "$t	ERROR" ;;
    *) echo "$t	FAIL" ;;
  esac
}

# run_harness LABEL TRACER TEST...: every TEST with $STRACE=TRACER, $jobs at a time; results in
# $cache/results/LABEL/ (results.tsv: name, result; one log per test).
run_harness() {
  local label=$1 tracer=$2; shift 2
  local out=$cache/results/$label
  rm -rf "$out"; mkdir -p "$out"
  log "running $# tests with $label ($tracer), $jobs at a time, ${timeout}s each at most"
  # tests/run.sh runs each test under `timeout -s XCPU $TIMEOUT_DURATION`; init.sh takes the
  # tracer from $STRACE (an absolute path: each test runs in its own NAME.dir).
  log_flags=$(make_print AM_TEST_LOG_FLAGS)
  export -f run_one
  export src_dir timeout log_flags
  # shellcheck disable=SC2016  # $1..$3 are the inner bash's arguments
  printf '%s\n' "$@" | xargs -P "$jobs" -I{} bash -c 'run_one "$1" "$2" "$3"' _ "$tracer" "$out" {} \
    >"$out/results.tsv"
}

# All tests the harness knows (TESTS in tests/Makefile: generated, decoder and misc tests).
all_tests() { make_print TESTS | tr ' ' '\n' | grep -v '^$'; }

passed() { awk -F'\t' '$2 == "PASS" {print $1}' "$1"; }

main() {
  install_deps
  fetch_source

  local selected
  if ((${#names[@]})); then
    selected=$(printf '%s\n' "${names[@]}")
  elif ((subset)); then
    selected=$(grep -v -e '^#' -e '^$' "$subset_file" | awk '{print $1}')
  fi
  # shellcheck disable=SC2086  # one word per test name
  build_suite $selected
  [[ -n $selected ]] || selected=$(all_tests)
  [[ $mode != build ]] || return 0

  # Calibration, kept between runs: which tests pass with strace itself on this machine.
  local calib=$cache/results/strace-calibration.tsv todo
  mkdir -p "$cache/results"; touch "$calib"
  ((recalibrate)) && : >"$calib"
  todo=$(comm -23 <(sort <<<"$selected") <(cut -f1 "$calib" | sort))
  if [[ -n $todo ]]; then
    mapfile -t todo < <(echo "$todo")
    run_harness strace "$src_dir/src/strace" "${todo[@]}"
    cat "$cache/results/strace/results.tsv" >>"$calib"
  fi
  local baseline
  baseline=$(awk -F'\t' 'NR==FNR {want[$1]; next} ($1 in want) && $2 == "PASS" {print $1}' \
    <(echo "$selected") "$calib" | sort -u)
  local n_selected n_baseline
  n_selected=$(grep -c . <<<"$selected")
  n_baseline=$(grep -c . <<<"$baseline" || true)
  log "$n_baseline of $n_selected tests pass with strace 6.1 itself"

  [[ -x $estrace ]] || {
    echo "strace-suite: $estrace missing; build it: cmake -S . -B build && cmake --build build -j2 --target estrace" >&2
    exit 2
  }
  local baseline_list=()
  [[ -z $baseline ]] || mapfile -t baseline_list < <(echo "$baseline")
  run_harness estrace "$estrace" "${baseline_list[@]}"
  echo "$selected" >"$cache/results/selected.txt"
  python3 "$classify" --results "$cache/results/estrace/results.tsv" \
    --logs "$cache/results/estrace" --selected "$cache/results/selected.txt" \
    --expected "$expected_file" --mode "$mode" --verbose "$verbose" \
    --baseline-count "$n_baseline" --selected-count "$n_selected"
}

main
