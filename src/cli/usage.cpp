// -h and -V texts. Short on purpose: the options estrace has, and three real uses.
#include <string>

#include <fmt/format.h>

#include "estrace/cli/options.h"

#ifndef ESTRACE_VERSION
#define ESTRACE_VERSION "unknown"
#endif

namespace estrace::cli {

std::string usage() {
  // Defaults come from Options itself so the text cannot drift from the code.
  const Options defaults;
  return fmt::format(
      R"(Usage: estrace [-fhqtTvVxy] [-b SIZE] [-e EXPR]... [-o FILE] [-s STRSIZE]
               {{ -p PID | PROG [ARGS] }}

strace's workflow and output, captured with eBPF instead of ptrace.

Tracing:
  -p PID, --attach=PID   trace process PID; repeat it, or list PIDs: -p 1,2,3
  -f, --follow-forks     follow forks and threads
  -ff                    with -o FILE, one file per process: FILE.PID

Filtering:
  -e trace=SET, --trace=SET
                         trace only the syscalls in SET: names, classes (%file,
                         %net, %process...), !NAME to exclude, /REGEX; -e SET
                         alone means the same
  -e quiet=attach, -e decode-fds=path|all, -e abbrev=none
                         the same as -q, -y/-yy and -v

Output:
  -o FILE, --output=FILE write the trace to FILE instead of stderr
  -s N, --string-limit=N print at most N characters of a string (default {})
  -t, -tt, -ttt          prefix lines with the time of day, the same with
                         microseconds, or the epoch seconds with microseconds
  -T, --syscall-times    show the time spent in each call
  -q, --quiet            suppress attach and detach messages
  -v, --no-abbrev        print structures and arrays in full
  -x, -xx                print non-ASCII strings, or all strings, in hex
  -y, -yy, --decode-fds  print file descriptors' paths, or all their details

Capture:
  -b SIZE, --buffer-size=SIZE
                         ring buffer per CPU: a power of two, with a K, M or G
                         suffix (default {}M)

  -h, --help             print this help
  -V, --version          print the version

Examples:
  Which config file does myapp fail to find?
    estrace -e trace=openat -- myapp
  What does every process of a forking server do?
    estrace -f -o trace.txt -p 1234
  What is process 1234 stuck on?
    estrace -p 1234
)",
      defaults.string_limit, defaults.buffer_bytes_per_cpu >> 20);
}

std::string version() { return "estrace -- version " ESTRACE_VERSION "\n"; }

}  // namespace estrace::cli
