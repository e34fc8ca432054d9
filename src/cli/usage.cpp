// -h's text, and the usage error's. Short on purpose: the options estrace has, and four
// real uses.
#include <string>

#include <fmt/format.h>

#include "estrace/cli/options.h"

namespace estrace::cli {

std::string usage() {
  // Defaults come from Options itself so the text cannot drift from the code.
  const Options defaults;
  return fmt::format(
      R"(Usage: estrace [-cCfhnqtTvVwxyYzZ] [-b SIZE] [-e EXPR]... [-o FILE] [-s STRSIZE]
               [-X FORMAT] [-P PATH]... [-S SORTBY] [-U COLUMNS]
               {{ -p PID | PROG [ARGS] }}

strace's workflow and output, captured with eBPF instead of ptrace.

Tracing:
  -p PID, --attach=PID   trace process PID; repeat it, or list PIDs: -p 1,2,3
  -f, --follow-forks     follow forks and threads
  -ff, --output-separately
                         with -o FILE, one file per process: FILE.PID
  --cgroup=PATH          trace every process in a cgroup v2 directory and below,
                         including those that enter it later; repeatable
  --container=ID         the same for a container's cgroup (docker, containerd,
                         cri-o, podman, systemd scopes); an id prefix will do
  --all                  trace every process on the host but estrace itself
  --comm=NAME            only processes named NAME (exact, or a glob: 'nginx*')
  --uid=UID              only processes running as user UID
  --pidns                also show each task's pid inside its own pid namespace

Filtering:
  -e trace=SET, --trace=SET
                         trace only the syscalls in SET: names, classes (%file,
                         %net, %process...), !NAME to exclude, /REGEX; -e SET
                         alone means the same
  -e status=SET          only calls that ended so: successful, failed,
                         unfinished, unavailable, detached, all, none, !SET
  -z                     only calls that succeeded: -e status=successful
  -Z                     only calls that failed: -e status=failed
  -e signal=SET, --signal=SET
                         print only the signals in SET: names (SIGUSR1, USR1),
                         numbers, all, none, !SET to exclude
  -P PATH, --trace-path=PATH
                         only calls that touch PATH (by name, or by a
                         descriptor open on it); repeatable
  -e quiet=SET, -e decode-fds=path|all, -e abbrev=none
                         the same as -q, -y/-yy and -v

Output:
  -o FILE, --output=FILE write the trace to FILE instead of stderr
  -s N, --string-limit=N print at most N characters of a string (default {})
  -t, -tt, -ttt          prefix lines with the time of day, the same with
                         microseconds, or the epoch seconds with microseconds
  --absolute-timestamps[=[format:]time|unix,[precision:]s|ms|us|ns]
                         the same, spelled out; none for no timestamps
  -T, --syscall-times    show the time spent in each call
  -q, --quiet[=attach,personality|none]
                         suppress attach and detach messages, and the notices
                         of a process changing to or from 32-bit mode
  -v, --no-abbrev        print structures and arrays in full
  -x, -xx                print non-ASCII strings, or all strings, in hex
  --strings-in-hex[=non-ascii|all]
                         the same as -x or -xx
  -y, -yy, --decode-fds[=path|all|none]
                         print file descriptors' paths, or all their details
  -Y, --decode-pids=comm print process names after pids: 1234<bash>
  -n, --syscall-number   print the syscall number before each call: [  0]
  -X FORMAT, --const-print-style=FORMAT
                         named constants as raw numbers, abbrev (default) or
                         verbose: 0x80000 /* O_CLOEXEC */
  -e read=SET, --read=SET
                         hex and ASCII dump of all the data read from the
                         descriptors in SET (numbers, all, none, !SET)
  -e write=SET, --write=SET
                         the same for the data written to them

Summaries (counted in the kernel; times are wall-clock time in the call):
  -c, --summary-only     count calls, errors and time per syscall; print
                         strace's table at the end instead of the trace
  -C, --summary          the trace, and the table at the end
  -w, --summary-wall-clock
                         accepted for strace's sake: times are always wall-clock
  -S SORTBY, --summary-sort-by=SORTBY
                         sort by time (default), min-time, max-time, avg-time,
                         calls, errors, name or nothing
  -U COLUMNS, --summary-columns=COLUMNS
                         the table's columns: time-percent, total-time,
                         min-time, max-time, avg-time, calls, errors, name
  --latency              a table of p50, p90, p99, p99.9 and max latency
  --histogram[=SYSCALL,...]
                         latency histograms of every syscall, or of those
  --errno-summary        failures per syscall by errno: openat: ENOENT 812
  --interval=SECS        print the summaries every SECS seconds (fractions
                         allowed), each for its interval, then the total
  --json                 print the summaries as JSON, one object each

Capture:
  -b SIZE, --buffer-size=SIZE
                         ring buffer per CPU: a power of two, with a K, M or G
                         suffix (default {}M)
  --fail-on-loss         exit non-zero if any event was lost (the ring was full)

Miscellaneous:
  -h, --help             print this help
  -V, --version          print the version, build and features
  --list-syscalls        print the syscall names and %classes -e trace= takes,
                         one a line (shell completion uses it)

Examples:
  Which config file does myapp fail to find?
    estrace -e trace=openat -- myapp
  What does every process of a forking server do?
    estrace -f -o trace.txt -p 1234
  What is process 1234 stuck on?
    estrace -p 1234
  Which calls of process 1234 are slow, and how slow, every 5 seconds?
    estrace --latency --interval=5 -p 1234
)",
      defaults.string_limit, defaults.buffer_bytes_per_cpu >> 20);
}

std::string error_text(const ParseResult& result) {
  std::string text = "estrace: " + result.error + "\n";
  if (result.usage_error) text += "Try 'estrace -h' for more information.\n";
  return text;
}

}  // namespace estrace::cli
