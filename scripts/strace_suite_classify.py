#!/usr/bin/env python3
"""Classifies strace-suite failures by cause and compares them with the expectations file.

Called by scripts/strace-suite.sh after strace's harness ran the tests with estrace as $STRACE.
Input: results.tsv (test name, automake result: PASS, FAIL, SKIP, ERROR, XFAIL) and each test's
log (what the test script printed: estrace's own error, or the dumped trace and a diff).

A failure's cause is read from the log in this order:
  1. estrace refused an option ("estrace: option -a is not supported yet") -> the option;
  2. the harness's time limit -> hang;
  3. estrace failed to start (BPF load, other "estrace:" errors);
  4. else the first differing line of the diff (expected '-', estrace '+') is matched against
     CONTENT_PATTERNS, a small ordered table; no match -> "other output mismatch".
The groups are what issue 13's table measured; they guide the work, they are not exact.
"""
import argparse
import collections
import os
import re
import sys

# estrace's refusals, in its own wording (src/cli/parse.cpp, settings.cpp, buffer_size.cpp).
REFUSED = [
    (re.compile(r"estrace: option (-\w) is not supported yet"), lambda m: m.group(1)),
    (re.compile(r"estrace: -e (\w[\w-]*)=\S* is not supported yet"), lambda m: "-e " + m.group(1)),
    (re.compile(r"estrace: --(\w[\w-]*)=\S* is not supported yet"), lambda m: "--" + m.group(1)),
    (re.compile(r"estrace: (-o \|COMMAND|-b execve|--output-separately without -f)"),
     lambda m: m.group(1)),
    (re.compile(r"estrace: unrecognized option '(--[\w-]+)"), lambda m: m.group(1)),
    (re.compile(r"estrace: invalid option -- '(.)'"), lambda m: "-" + m.group(1)),
    (re.compile(r"estrace: option '(--[\w-]+)' doesn't allow an argument"), lambda m: m.group(1)),
    (re.compile(r"estrace: invalid (?:value|argument|-e) [^\n]*?'?(-?-?[\w-]+)"),
     lambda m: m.group(1)),
]
# Injection and fault share a group: they are one feature (issue 13, item 4).
OPTION_ALIASES = {"-e inject": "-e inject/fault", "-e fault": "-e inject/fault",
                  "--inject": "-e inject/fault", "--fault": "-e inject/fault"}

# The harness's time limit, and the detach tests' own wait for the tracer to end.
TIMEOUT = re.compile(r"time limit \(\d+\) exceeded|failed to terminate itself")
# estrace's one-line errors; its attach/detach notices are not errors.
ESTRACE_ERROR = re.compile(r"^estrace: (?!Process \d+ (?:attached|detached))(.*)$", re.M)

# (group, test on (expected line, estrace's line)); first match wins.
CONTENT_PATTERNS = [
    ("ioctl printed as _IOC", lambda e, a: "_IOC(" in a and "_IOC(" not in e),
    ("netlink not decoded", lambda e, a: "nlmsg_len=" in e and "nlmsg_len=" not in a),
    ("exit/signal/exec lines", lambda e, a: re.match(r"^(\d+ +)?(\+\+\+|---) ", e or a or "")),
    ("unfinished/resumed", lambda e, a: "unfinished ..." in e + a or "resumed>" in e + a),
    ("printed raw: pointer not followed",
     lambda e, a: re.search(r"[({\[]", _args(e)) and re.search(r"\b0x[0-9a-f]{6,}\b", _args(a))
     and not re.search(r"[{\[]", _args(a))),
    ("printed raw: constant as number",
     lambda e, a: _constants(e) - _constants(a) and _numbers(a) - _numbers(e)),
    ("argument count/width", lambda e, a: _argc(e) != _argc(a) and _name(e) == _name(a)),
    ("structs/strings decoded differently", lambda e, a: "{" in e or "\"" in e),
]


def _name(line):
    m = re.match(r"^(?:\d+ +)?(\w+)\(", line or "")
    return m.group(1) if m else None


def _args(line):
    """The text between the call's opening parenthesis and its " = " result."""
    line = line or ""
    start = line.find("(")
    end = max((m.start() for m in re.finditer(r"\) += ", line)), default=-1)
    return line[start + 1:end] if start >= 0 and end > start else line


def _constants(line):
    """Names of constants (O_RDONLY, P_PID...) among the arguments."""
    return set(re.findall(r"\b[A-Z][A-Z0-9_]{2,}\b", _args(line)))


def _numbers(line):
    return set(re.findall(r"\b(?:0x[0-9a-f]+|\d+)\b", _args(line)))


def _argc(line):
    depth, count, text = 0, 1, _args(line)
    if not text.strip():
        return 0
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        count += ch == "," and depth == 0
    return count


def first_difference(log):
    """The first '-' (expected) and '+' (estrace) lines of the log's unified diff, if any."""
    lines = log.splitlines()
    expected = actual = None
    in_diff = False
    for line in lines:
        if line.startswith("@@ "):
            in_diff = True
            continue
        if not in_diff:
            continue
        if line.startswith("-") and not line.startswith("---") and expected is None:
            expected = line[1:]
        elif line.startswith("+") and not line.startswith("+++") and actual is None:
            actual = line[1:]
        if expected is not None and actual is not None:
            break
    return expected, actual


def classify(log):
    """(group, detail) for one failing test's log."""
    for pattern, name in REFUSED:
        m = pattern.search(log)
        if m:
            option = name(m)
            return "option refused: " + OPTION_ALIASES.get(option, option), m.group(0)
    m = TIMEOUT.search(log)
    if m:
        return "hang/timeout", m.group(0)
    m = ESTRACE_ERROR.search(log)
    if m and ("BPF" in m.group(1) or "load" in m.group(1) or "Permission denied" in m.group(1)):
        return "BPF load failure", m.group(0)
    expected, actual = first_difference(log)
    if expected is None and actual is None:
        if m:
            return "estrace error", m.group(0)
        tail = [l for l in log.splitlines() if "failed test" in l]
        return "other (no diff)", (tail[-1] if tail else "")
    for group, test in CONTENT_PATTERNS:
        if test(expected or "", actual or ""):
            return group, f"expected: {expected} | estrace: {actual}"
    return "other output mismatch", f"expected: {expected} | estrace: {actual}"


def read_expected(path):
    expected = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    name, _, group = line.partition(" ")
                    expected[name] = group.strip()
    return expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--logs", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--mode", choices=["run", "check", "update"], default="run")
    ap.add_argument("--verbose", type=int, default=0)
    ap.add_argument("--baseline-count", type=int, required=True)
    ap.add_argument("--selected-count", type=int, required=True)
    ap.add_argument("--selected", required=True, help="file: the tests this run selected")
    opts = ap.parse_args()

    results = {}
    with open(opts.results) as f:
        for line in f:
            name, _, result = line.rstrip("\n").partition("\t")
            results[name] = result
    failed = {}
    for name, result in sorted(results.items()):
        if result in ("PASS", "SKIP"):
            continue
        path = os.path.join(opts.logs, name[: -len(".test")] + ".log")
        try:
            with open(path, errors="replace") as f:
                log = f.read()
        except OSError:
            log = ""
        failed[name] = classify(log) if result != "ERROR" else ("harness error", result)

    passed = sum(r == "PASS" for r in results.values())
    skipped = sum(r == "SKIP" for r in results.values())
    print(f"strace 6.1 suite: {opts.baseline_count} of {opts.selected_count} tests pass with "
          f"strace itself; with estrace: {passed} pass, {len(failed)} fail"
          + (f", {skipped} skipped" if skipped else ""))
    groups = collections.Counter(group for group, _ in failed.values())
    for group, count in sorted(groups.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:5d}  {group}")
        if opts.verbose:
            for name, (g, detail) in sorted(failed.items()):
                if g == group:
                    print(f"           {name}: {detail[:200]}")

    if opts.mode == "update":
        # The tests this run selected get their entries from it; other entries are kept, so a
        # --subset run updates only its own tests.
        with open(opts.selected) as f:
            selected = {line.strip() for line in f if line.strip()}
        entries = {n: g for n, g in read_expected(opts.expected).items() if n not in selected}
        entries.update((name, group) for name, (group, _) in failed.items())
        with open(opts.expected, "w") as f:
            f.write("# Tests of strace 6.1's suite that pass with strace itself but fail with\n"
                    "# estrace, with their cause group (scripts/strace_suite_classify.py).\n"
                    "# Written by `scripts/strace-suite.sh --update-expected` from a run on\n"
                    "# this machine; `--check` fails when a test fails that is not listed here.\n")
            for name, group in sorted(entries.items()):
                f.write(f"{name} {group}\n")
        print(f"wrote {len(entries)} expected failures to {opts.expected}")
    elif opts.mode == "check":
        expected = read_expected(opts.expected)
        regressions = sorted(n for n in failed if n not in expected)
        progress = sorted(n for n in results if n in expected and results[n] == "PASS")
        for name in progress:
            print(f"progress: {name} passes now (listed as: {expected[name]})")
        for name in regressions:
            print(f"REGRESSION: {name} fails ({failed[name][0]}: {failed[name][1][:200]})")
        if progress:
            print(f"{len(progress)} listed tests pass now: remove them from {opts.expected}")
        if regressions:
            sys.exit(f"strace-suite: {len(regressions)} tests fail that are not expected to")
        print("strace-suite: no regressions")


if __name__ == "__main__":
    main()
