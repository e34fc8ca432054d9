// parse(): strace's command line, read with glibc getopt_long so that bundles (-fttT), attached
// values (-s128, -ofile) and stopping at the command behave exactly as strace's do.
#include <getopt.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "estrace/cli/options.h"

namespace estrace::cli {
namespace {

// Long-only options get values outside the char range.
enum LongOnly : int {
  kOutputSeparately = 256,
  kTrace,
  kQuiet,
  kDecodeFds,
  kAbsoluteTimestamps,
  kSyscallTimes,
  kStringsInHex,
  kLatency,
  kHistogram,
  kErrnoSummary,
  kInterval,
  kJson,
  kCgroup,
  kContainer,
  kAll,
  kComm,
  kUid,
  kPidns,
  kDecodePids,
  kSignal,
  kRead,
  kWrite,
  kListSyscalls,
  kFailOnLoss,
};

// '+': stop at the first non-option, so the command's own options stay the command's.
// ':': report a missing value as ':' rather than '?', so the two get different messages.
constexpr const char* kShortOptions = "+:b:cCe:fhno:p:P:qs:S:tTU:vVwxX:yYzZ";

// strace's long spellings of the options estrace has.
constexpr std::array<option, 41> kLongOptions = {{
    {"attach", required_argument, nullptr, 'p'},
    {"buffer-size", required_argument, nullptr, 'b'},
    {"fail-on-loss", no_argument, nullptr, kFailOnLoss},
    {"follow-forks", no_argument, nullptr, 'f'},
    {"output-separately", no_argument, nullptr, kOutputSeparately},
    {"output", required_argument, nullptr, 'o'},
    {"string-limit", required_argument, nullptr, 's'},
    {"trace", required_argument, nullptr, kTrace},
    {"absolute-timestamps", optional_argument, nullptr, kAbsoluteTimestamps},
    {"syscall-times", optional_argument, nullptr, kSyscallTimes},
    {"quiet", optional_argument, nullptr, kQuiet},
    {"decode-fds", optional_argument, nullptr, kDecodeFds},
    {"strings-in-hex", optional_argument, nullptr, kStringsInHex},
    {"no-abbrev", no_argument, nullptr, 'v'},
    {"summary-only", no_argument, nullptr, 'c'},
    {"summary", no_argument, nullptr, 'C'},
    {"summary-wall-clock", no_argument, nullptr, 'w'},
    {"summary-sort-by", required_argument, nullptr, 'S'},
    {"summary-columns", required_argument, nullptr, 'U'},
    {"latency", no_argument, nullptr, kLatency},
    {"histogram", optional_argument, nullptr, kHistogram},
    {"errno-summary", no_argument, nullptr, kErrnoSummary},
    {"interval", required_argument, nullptr, kInterval},
    {"json", no_argument, nullptr, kJson},
    {"cgroup", required_argument, nullptr, kCgroup},
    {"container", required_argument, nullptr, kContainer},
    {"all", no_argument, nullptr, kAll},
    {"comm", required_argument, nullptr, kComm},
    {"uid", required_argument, nullptr, kUid},
    {"pidns", no_argument, nullptr, kPidns},
    {"syscall-number", no_argument, nullptr, 'n'},
    {"decode-pids", required_argument, nullptr, kDecodePids},
    {"const-print-style", required_argument, nullptr, 'X'},
    {"trace-path", required_argument, nullptr, 'P'},
    {"signal", required_argument, nullptr, kSignal},
    {"read", required_argument, nullptr, kRead},
    {"write", required_argument, nullptr, kWrite},
    {"help", no_argument, nullptr, 'h'},
    {"version", no_argument, nullptr, 'V'},
    {"list-syscalls", no_argument, nullptr, kListSyscalls},
    {nullptr, 0, nullptr, 0},
}};

// strace options estrace does not have (yet): worth a clearer word than "invalid option".
constexpr std::string_view kStraceOnly = "ADEIOadikr";

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// getopt_long's own messages are switched off (they go to stderr, and parse() does no I/O), so
// these rebuild them from the word being parsed, in glibc's wording, which strace shows too.
std::string long_option_error(std::string_view word, bool missing_value, int val) {
  if (missing_value) {
    auto match = std::find_if(kLongOptions.begin(), kLongOptions.end() - 1,
                              [&](const option& o) { return o.val == val; });
    std::string name(match->name != nullptr ? std::string_view(match->name) : word.substr(2));
    return "option '--" + name + "' requires an argument";
  }
  std::string_view name = word.substr(2, word.find('=') - 2);
  std::vector<const option*> matches;
  for (auto it = kLongOptions.begin(); it != kLongOptions.end() - 1; ++it) {
    std::string_view candidate = it->name;
    if (candidate == name) {
      matches = {&*it};
      break;
    }
    if (candidate.starts_with(name)) matches.push_back(&*it);
  }
  if (matches.empty()) return "unrecognized option " + quoted(word);
  if (matches.size() == 1) {
    return "option '--" + std::string(matches[0]->name) + "' doesn't allow an argument";
  }
  std::string error = "option " + quoted(word) + " is ambiguous; possibilities:";
  for (const option* o : matches) error += " '--" + std::string(o->name) + "'";
  return error;
}

std::string short_option_error(char letter, bool missing_value) {
  if (missing_value) return "option requires an argument -- " + quoted(std::string(1, letter));
  if (letter != '\0' && kStraceOnly.find(letter) != std::string_view::npos) {
    return "option -" + std::string(1, letter) + " is not supported yet";
  }
  return "invalid option -- " + quoted(std::string(1, letter));
}

TimeMode time_mode(int count) {
  switch (count) {
    case 0:
      return TimeMode::None;
    case 1:
      return TimeMode::Seconds;
    case 2:
      return TimeMode::Micros;
    default:
      return TimeMode::Epoch;
  }
}

// The summary options' combinations, checked once all are known, with strace's wording where
// strace has the same rule. Returns an error, or sets the mode and which sections to print.
std::optional<std::string> finish_summary(summary::Settings& s, bool only, bool with_trace,
                                          bool sort_given, bool columns_given,
                                          std::vector<std::string>& warnings) {
  if (only && with_trace) return "-c/--summary-only and -C/--summary are mutually exclusive";
  const bool table = only || with_trace;
  // --interval alone is a top for syscalls: the -c table every SECS.
  const bool sections = s.latency || s.histogram || s.errno_summary;
  s.table = table || (s.interval && !sections);
  const bool any = s.table || sections;
  if (s.wall_clock && !table) {
    return "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)";
  }
  if (columns_given && !table) {
    return "-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)";
  }
  if (s.json && !any) {
    return "--json must be given with a summary (-c, -C, --latency, --histogram, "
           "--errno-summary)";
  }
  if (sort_given && !any) {
    warnings.emplace_back(
        "-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
  }
  s.mode = with_trace ? summary::Mode::WithTrace : any ? summary::Mode::Only : summary::Mode::Off;
  return std::nullopt;
}

// Options whose value is a set of syscalls, signals, fds or pids (strace's -e qualifiers and -p):
// strace reports what such a set names wrongly without its pointer to -h.
bool names_a_set(int option) {
  constexpr std::array kSets{int('e'),         int('p'),       int(kTrace), int(kSignal),
                             int(kRead),       int(kWrite),    int(kQuiet), int(kDecodeFds),
                             int(kDecodePids), int(kHistogram)};
  return std::find(kSets.begin(), kSets.end(), option) != kSets.end();
}

ParseResult failure(std::string error, bool usage_error) {
  return ParseResult{std::nullopt, std::move(error), {}, usage_error};
}

}  // namespace

ParseResult parse(int argc, char* const argv[]) {
  Options options;
  ParseResult result;
  int f_count = 0;
  int t_count = 0;
  int x_count = 0;
  int y_count = 0;
  bool separately = false;
  bool summary_only = false;   // -c
  bool summary_trace = false;  // -C
  bool sort_given = false;
  bool columns_given = false;
  std::string error;

  // optind = 0 makes glibc re-initialise everything, including state left mid-bundle by an
  // earlier call that stopped on an error.
  optind = 0;
  opterr = 0;
  while (true) {
    // The word getopt is about to read: optind only moves past a word once it is used up.
    const int index = std::max(optind, 1);
    const std::string_view word = index < argc ? argv[index] : "";
    const int c = getopt_long(argc, argv, kShortOptions, kLongOptions.data(), nullptr);
    if (c == -1) break;
    const std::string_view value = optarg != nullptr ? optarg : "";
    const bool is_long = word.starts_with("--");
    bool ok = true;
    switch (c) {
      case 'f':
        ++f_count;
        break;
      case kOutputSeparately:
        separately = true;
        break;
      case 'p':
        ok = detail::append_pids(value, options.pids, error);
        break;
      case 'o':
        // strace pipes "-o |cmd" and "-o !cmd" into a command; writing a file named "|cmd"
        // instead would surprise.
        if (value.empty()) {
          error = "invalid -o argument: ''";
          ok = false;
        } else if (value.front() == '|' || value.front() == '!') {
          error = "-o |COMMAND (piping the trace into a command) is not supported yet";
          ok = false;
        } else {
          options.output_file = std::string(value);
        }
        break;
      case 's':
        if (auto limit = detail::parse_string_limit(value, error)) {
          options.string_limit = *limit;
        } else {
          ok = false;
        }
        break;
      case 'b':
        if (auto bytes = detail::parse_buffer_size(value, error)) {
          options.buffer_bytes_per_cpu = *bytes;
        } else {
          ok = false;
        }
        break;
      case 'e':
        ok = detail::apply_expression(value, options, error);
        break;
      case kTrace:
        ok = detail::apply_setting("trace", value, options, error);
        break;
      case 't':
        options.time = time_mode(++t_count);
        break;
      case kAbsoluteTimestamps:
        ok = detail::apply_setting("absolute-timestamps", value, options, error);
        break;
      case 'T':
        options.show_duration = true;
        break;
      case kSyscallTimes:
        ok = detail::apply_setting("syscall-times", value, options, error);
        break;
      case 'q':
        options.quiet = true;
        options.personality_notices = false;
        break;
      case kQuiet:
        ok = detail::apply_setting("quiet", value, options, error);
        break;
      case 'x':
        options.hex = ++x_count == 1 ? HexMode::NonAscii : HexMode::All;
        break;
      case kStringsInHex:
        ok = detail::apply_setting("strings-in-hex", value, options, error);
        break;
      case 'y':
        options.decode_fds = std::min(++y_count, 2);
        break;
      case kDecodeFds:
        ok = detail::apply_setting("decode-fds", value, options, error);
        break;
      case 'v':
        options.verbose = true;
        break;
      case 'n':
        options.syscall_numbers = true;
        break;
      case 'Y':
        options.decode_pids_comm = true;
        break;
      case kDecodePids:
        ok = detail::apply_setting("decode-pids", value, options, error);
        break;
      case kSignal:
        ok = detail::apply_setting("signal", value, options, error);
        break;
      case kRead:
        ok = detail::apply_setting("read", value, options, error);
        break;
      case kWrite:
        ok = detail::apply_setting("write", value, options, error);
        break;
      case 'X':
        if (auto mode = detail::parse_xlat_mode(value, error)) {
          options.xlat = *mode;
        } else {
          ok = false;
        }
        break;
      case 'P':
        ok = detail::add_trace_path(value, options.trace_paths, result.warnings, error);
        break;
      case 'c':
        summary_only = true;
        break;
      case 'C':
        summary_trace = true;
        break;
      case 'w':
        options.summary.wall_clock = true;
        break;
      case 'S':
        if (auto key = detail::parse_sort_key(value, error)) {
          options.summary.sort = *key;
          sort_given = true;
        } else {
          ok = false;
        }
        break;
      case 'U':
        if (auto columns = detail::parse_summary_columns(value, error)) {
          options.summary.columns = std::move(*columns);
          columns_given = true;
        } else {
          ok = false;
        }
        break;
      case kLatency:
        options.summary.latency = true;
        break;
      case kHistogram:
        options.summary.histogram = true;
        options.summary.histogram_syscalls.clear();
        if (optarg != nullptr) {
          if (auto list = detail::parse_syscall_list(value, error)) {
            options.summary.histogram_syscalls = std::move(*list);
          } else {
            ok = false;
          }
        }
        break;
      case kErrnoSummary:
        options.summary.errno_summary = true;
        break;
      case kInterval:
        if (auto interval = detail::parse_interval(value, error)) {
          options.summary.interval = *interval;
        } else {
          ok = false;
        }
        break;
      case kJson:
        options.summary.json = true;
        break;
      case kCgroup:
        if (value.empty()) {
          error = "--cgroup needs a cgroup v2 directory";
          ok = false;
        } else {
          options.cgroups.emplace_back(value);
        }
        break;
      case kContainer:
        if (value.empty()) {
          error = "--container needs a container id";
          ok = false;
        } else {
          options.containers.emplace_back(value);
        }
        break;
      case kAll:
        options.all = true;
        break;
      case kComm:
        ok = detail::parse_comm(value, options.comms, error);
        break;
      case kPidns:
        options.pidns = true;
        break;
      case kFailOnLoss:
        options.fail_on_loss = true;
        break;
      case kUid:
        if (auto uid = detail::parse_uid(value, error)) {
          options.uid = *uid;
        } else {
          ok = false;
        }
        break;

      case 'z':  // strace: -e status=successful
        options.status = kStatusSuccessful;
        break;
      case 'Z':  // strace: -e status=failed
        options.status = kStatusFailed;
        break;
      case 'h':
        // Like strace: help is printed as soon as it is seen, whatever follows.
        options.show_help = true;
        return ParseResult{std::move(options), {}, {}};
      case 'V':
        options.show_version = true;
        break;
      case kListSyscalls:
        options.list_syscalls = true;
        break;
      case ':':
      case '?':
        return failure(is_long ? long_option_error(word, c == ':', optopt)
                               : short_option_error(static_cast<char>(optopt), c == ':'),
                       true);
      default:
        return failure("internal error: unhandled option " + std::to_string(c), false);
    }
    if (!ok) return failure(std::move(error), !names_a_set(c));
  }

  for (int i = std::max(optind, 1); i < argc; ++i) options.command.emplace_back(argv[i]);

  if (separately && f_count == 0) {
    return failure("--output-separately without -f is not supported yet", true);
  }
  options.follow = std::min(separately ? 2 : f_count, 2);
  // strace runs a command with -o as if -q was given; attached to with -p, it does not.
  if (!options.personality_notices)
    options.personality_notices = !(options.output_file && !options.command.empty());
  // Per-process files are named FILE.PID, so -ff needs an -o FILE; without one strace quietly
  // follows into one output, and so does estrace, but it says so.
  if (options.follow == 2 && !options.output_file) {
    result.warnings.emplace_back("-ff has no effect without -o, following forks as -f does");
    options.follow = 1;
  }
  if (auto summary_error = finish_summary(options.summary, summary_only, summary_trace, sort_given,
                                          columns_given, result.warnings)) {
    return failure(std::move(*summary_error), true);
  }
  if (options.syscall_numbers && options.summary.mode == summary::Mode::Only)
    result.warnings.emplace_back("-n/--syscall-number has no effect with -c/--summary-only");
  if (!options.show_version && !options.list_syscalls && options.command.empty() &&
      options.pids.empty() && !options.by_identity()) {
    return failure("must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true);
  }
  if ((!options.comms.empty() || options.uid) && options.command.empty() && options.pids.empty() &&
      options.cgroups.empty() && options.containers.empty() && !options.all) {
    // Narrowing filters need something to narrow; strace-like safety: no silent --all.
    return failure("--comm and --uid narrow --all, --cgroup or --container: add one of them", true);
  }
  result.options = std::move(options);
  return result;
}

std::vector<std::string> option_spellings() {
  std::vector<std::string> spellings;
  for (const char* c = kShortOptions; *c != '\0'; ++c)
    if (*c != '+' && *c != ':') spellings.push_back(std::string("-") + *c);
  for (auto it = kLongOptions.begin(); it != kLongOptions.end() - 1; ++it)
    spellings.push_back(std::string("--") + it->name);
  return spellings;
}

}  // namespace estrace::cli
