// cli: strace-compatible command line -> Options. Pure: no I/O beyond the returned text.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estrace/format/modes.h"
#include "estrace/summary/settings.h"

namespace estrace::cli {

using format::HexMode;
using format::TimeMode;
using format::XlatMode;

// strace's number sets (-e signal=, -e read=, -e write=): listed numbers, or all but them.
struct NumberSet {
  std::vector<int> items;  // sorted, unique
  bool invert = false;     // "!..." and "all"
  bool contains(int n) const;
  bool none() const { return !invert && items.empty(); }
};

// -e status= sets (strace's names), decided in the kernel where possible.
enum StatusBits : uint32_t {
  kStatusSuccessful = 1u << 0,
  kStatusFailed = 1u << 1,
  kStatusUnfinished = 1u << 2,  // never returned (exit_group, killed inside the call)
  kStatusUnavailable = 1u << 3,
  kStatusDetached = 1u << 4,  // in progress when estrace detached
  kStatusAll = 0xff,
};

struct Options {
  // What to trace.
  std::vector<std::string> command;  // argv after options (launch mode)
  std::vector<int> pids;             // -p, repeatable, comma lists
  int follow = 0;                    // -f: 1, -ff: 2
  // Production filters, decided in the kernel: a task is traced if chosen by pid above, or
  // if it matches every filter given here (--all alone matches every task but estrace).
  std::vector<std::string> cgroups;     // --cgroup PATH (cgroup v2 directories), repeatable
  std::vector<std::string> containers;  // --container ID (unique prefix or unit name)
  std::vector<std::string> comms;       // --comm NAME (exact or glob), repeatable
  std::optional<uint32_t> uid;          // --uid UID
  bool all = false;                     // --all (the two bools together: less padding)
  bool pidns = false;                   // --pidns: also each task's pid in its own namespace
  // True when tasks are chosen by identity rather than only by pid.
  bool by_identity() const {
    return all || !cgroups.empty() || !containers.empty() || !comms.empty() || uid.has_value();
  }

  // Which calls: -e trace=...; empty means all. Names resolved by the syscall catalogue.
  std::vector<uint32_t> trace_syscalls;  // x86_64 numbers
  bool trace_all = true;

  // Which outcomes: -e status=, -z (successful), -Z (failed). Bits of StatusBits.
  uint32_t status = 0xff;

  // How lines look.
  unsigned string_limit = 32;  // -s N
  TimeMode time = TimeMode::None;
  bool show_duration = false;  // -T
  bool quiet = false;          // -q: no attach/detach messages
  // "[ Process PID=N runs in 32 bit mode. ]" when a task's calls change personality. strace
  // leaves it out when it runs a command with -o (unless -e quiet=none), not with -p; -q or
  // -e quiet=personality silence it. Unset: that default (cli::parse sets it).
  std::optional<bool> personality_notices;
  HexMode hex = HexMode::None;
  bool verbose = false;                  // -v
  int decode_fds = 0;                    // -y: 1, -yy: 2
  bool syscall_numbers = false;          // -n: "[  1] " before each call
  bool decode_pids_comm = false;         // -Y: "1234<bash>"
  XlatMode xlat = XlatMode::Abbrev;      // -X
  NumberSet signals{{}, true};           // -e signal=: which "--- SIG... ---" lines show
  NumberSet read_fds;                    // -e read=: hex dumps of data read from these fds
  NumberSet write_fds;                   // -e write=: ... and written to these
  std::vector<std::string> trace_paths;  // -P: only calls that touch these paths

  // Where lines go.
  std::optional<std::string> output_file;  // -o FILE

  // Summaries: -c, -C, -w, -S, -U, --latency, --histogram, --errno-summary, --json, --interval.
  summary::Settings summary;

  // Capture machinery.
  uint64_t buffer_bytes_per_cpu = 8u << 20;  // -b/--buffer-size
  bool fail_on_loss = false;                 // --fail-on-loss: exit non-zero if events were lost

  // Actions that end parsing early.
  bool show_help = false;      // -h
  bool show_version = false;   // -V
  bool list_syscalls = false;  // --list-syscalls: the names -e trace= takes (for completion)
};

// The outcome of parsing: options, or one error line (without the "estrace: " prefix).
struct ParseResult {
  std::optional<Options> options;
  std::string error;
  std::vector<std::string> warnings;  // lines to print before running, same form as `error`
  // The error is about how the command line is put together (an unknown option, a bad option
  // value, options that do not go together), so it is followed by strace's pointer to -h. A
  // set naming no syscall, signal, fd or pid gets no pointer, as in strace.
  bool usage_error = false;
};

// argv as main() gets it. Uses glibc getopt_long's global state, so not thread-safe; resets that
// state itself, so it can be called any number of times.
ParseResult parse(int argc, char* const argv[]);
// The -h and -V texts, each ending in a newline: print them as they are, to stdout.
std::string usage();
std::string version();
// What main() prints to stderr for a failed parse: "estrace: ERROR\n", then, for a usage error,
// "Try 'estrace -h' for more information.\n" as strace does.
std::string error_text(const ParseResult& result);
// Every option spelling parse() accepts ("-f", "--follow-forks", ...), for -h's own tests.
std::vector<std::string> option_spellings();

// The pieces parse() is built from, exposed for unit tests. Each returns nullopt (or false) on
// bad input and sets `error` to the one-line message parse() would return.
namespace detail {

// -s N: 0..1073741823, the range strace 6.1 accepts.
std::optional<unsigned> parse_string_limit(std::string_view text, std::string& error);

// -p LIST: PIDs separated by commas or blanks, appended to `pids` without duplicates.
bool append_pids(std::string_view list, std::vector<int>& pids, std::string& error);
// --comm NAME: a process name (exact, or a glob with * and ?) of 1 to 15 bytes.
bool parse_comm(std::string_view name, std::vector<std::string>& comms, std::string& error);
// --uid UID: a numeric user id.
std::optional<uint32_t> parse_uid(std::string_view text, std::string& error);

// -b SIZE: bytes with an optional K/M/G suffix; a power of two from the page size to 1G.
std::optional<uint64_t> parse_buffer_size(std::string_view text, std::string& error);

// -e EXPR: QUALIFIER=VALUE, or a bare syscall set, which strace reads as trace=SET.
bool apply_expression(std::string_view expr, Options& options, std::string& error);

// One named setting: an -e qualifier (trace, quiet, decode-fds, ...) or a long option with a
// value (absolute-timestamps, syscall-times, strings-in-hex). `value` is empty when the long
// option came without one (`--decode-fds` alone).
bool apply_setting(std::string_view name, std::string_view value, Options& options,
                   std::string& error);

// -S SORTBY: strace's sort keys and their aliases (time, calls, name, nothing...).
std::optional<summary::SortKey> parse_sort_key(std::string_view text, std::string& error);

// -U COLUMNS: a comma list of strace's column names; each at most once; the name column is
// added last when missing.
std::optional<std::vector<summary::Column>> parse_summary_columns(std::string_view text,
                                                                  std::string& error);

// --interval=SECS: seconds, fractions allowed, from 0.01 up to a year.
std::optional<std::chrono::nanoseconds> parse_interval(std::string_view text, std::string& error);

// -e signal=SET: names (with or without SIG), numbers 0..255, all, none, a leading '!'.
std::optional<NumberSet> parse_signal_set(std::string_view text, std::string& error);
// -e read=SET / -e write=SET: descriptors 0..INT_MAX, all, none, a leading '!'.
std::optional<NumberSet> parse_fd_set(std::string_view text, std::string& error);
// -X raw|abbrev|verbose.
std::optional<XlatMode> parse_xlat_mode(std::string_view text, std::string& error);
// -P PATH: the path as given plus, when it differs, what it resolves to (strace's realpath);
// `notes` gets strace's "Requested path ... resolved into ..." line.
bool add_trace_path(std::string_view path, std::vector<std::string>& paths,
                    std::vector<std::string>& notes, std::string& error);

// --histogram=SYSCALL,...: syscall names, each resolved by the catalogue.
std::optional<std::vector<uint32_t>> parse_syscall_list(std::string_view text, std::string& error);

}  // namespace detail

}  // namespace estrace::cli
