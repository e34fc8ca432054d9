// parse(): strace's command line, read with glibc getopt_long so that bundles (-fttT), attached
// values (-s128, -ofile) and stopping at the command behave exactly as strace's do. What each
// option does is in option_table.cpp, one row each.
#include <getopt.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "estrace/cli/options.h"
#include "option_table.h"

namespace estrace::cli {
namespace {

// The rows as getopt_long takes them: the short options' string and the long options' array.
// Long-only options get values outside the char range: 256 + their row's index.
struct GetoptTables {
  std::string short_options;
  std::vector<option> long_options;  // ends with getopt's all-zero entry
  std::vector<const detail::OptionRow*> rows_by_value;
};

GetoptTables make_tables() {
  GetoptTables t;
  // '+': stop at the first non-option, so the command's own options stay the command's.
  // ':': report a missing value as ':' rather than '?', so the two get different messages.
  t.short_options = "+:";
  const auto rows = detail::option_rows();
  t.rows_by_value.resize(256 + rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const detail::OptionRow& row = rows[i];
    const int value = row.letter != 0 ? static_cast<unsigned char>(row.letter) : int(256 + i);
    t.rows_by_value[value] = &row;
    if (row.letter != 0) {
      t.short_options += row.letter;
      if (row.has_arg == required_argument) t.short_options += ':';
    }
    if (row.name != nullptr) t.long_options.push_back({row.name, row.has_arg, nullptr, value});
  }
  t.long_options.push_back({nullptr, 0, nullptr, 0});
  return t;
}

const GetoptTables& tables() {
  static const GetoptTables kTables = make_tables();
  return kTables;
}

// strace options estrace does not have (yet): worth a clearer word than "invalid option".
constexpr std::string_view kStraceOnly = "ADEIOadikr";

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// getopt_long's own messages are switched off (they go to stderr, and parse() does no I/O), so
// these rebuild them from the word being parsed, in glibc's wording, which strace shows too.
std::string long_option_error(std::string_view word, bool missing_value, int val) {
  const std::vector<option>& long_options = tables().long_options;
  if (missing_value) {
    auto match = std::find_if(long_options.begin(), long_options.end() - 1,
                              [&](const option& o) { return o.val == val; });
    std::string name(match->name != nullptr ? std::string_view(match->name) : word.substr(2));
    return "option '--" + name + "' requires an argument";
  }
  std::string_view name = word.substr(2, word.find('=') - 2);
  std::vector<const option*> matches;
  for (auto it = long_options.begin(); it != long_options.end() - 1; ++it) {
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

ParseResult failure(std::string error, bool usage_error) {
  return ParseResult{std::nullopt, std::move(error), {}, usage_error};
}

// The checks only the whole command line can make, once every option is read.
ParseResult finish(detail::Parsing& p) {
  Options& options = p.options;
  if (p.separately && p.f_count == 0) {
    return failure("--output-separately without -f is not supported yet", true);
  }
  options.follow = std::min(p.separately ? 2 : p.f_count, 2);
  // strace runs a command with -o as if -q was given; attached to with -p, it does not.
  if (!options.personality_notices)
    options.personality_notices = !(options.output_file && !options.command.empty());
  // Per-process files are named FILE.PID, so -ff needs an -o FILE; without one strace quietly
  // follows into one output, and so does estrace, but it says so.
  if (options.follow == 2 && !options.output_file) {
    p.warnings.emplace_back("-ff has no effect without -o, following forks as -f does");
    options.follow = 1;
  }
  if (auto summary_error = finish_summary(options.summary, p.summary_only, p.summary_trace,
                                          p.sort_given, p.columns_given, p.warnings)) {
    return failure(std::move(*summary_error), true);
  }
  if (options.syscall_numbers && options.summary.mode == summary::Mode::Only)
    p.warnings.emplace_back("-n/--syscall-number has no effect with -c/--summary-only");
  if (!options.show_version && !options.list_syscalls && options.command.empty() &&
      options.pids.empty() && !options.by_identity()) {
    return failure("must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true);
  }
  if ((!options.comms.empty() || options.uid) && options.command.empty() && options.pids.empty() &&
      options.cgroups.empty() && options.containers.empty() && !options.all) {
    // Narrowing filters need something to narrow; strace-like safety: no silent --all.
    return failure("--comm and --uid narrow --all, --cgroup or --container: add one of them", true);
  }
  return ParseResult{std::move(options), {}, std::move(p.warnings)};
}

}  // namespace

ParseResult parse(int argc, char* const argv[]) {
  const GetoptTables& t = tables();
  detail::Parsing p;
  // optind = 0 makes glibc re-initialise everything, including state left mid-bundle by an
  // earlier call that stopped on an error.
  optind = 0;
  opterr = 0;
  while (true) {
    // The word getopt is about to read: optind only moves past a word once it is used up.
    const int index = std::max(optind, 1);
    const std::string_view word = index < argc ? argv[index] : "";
    const int c = getopt_long(argc, argv, t.short_options.c_str(), t.long_options.data(), nullptr);
    if (c == -1) break;
    if (c == ':' || c == '?') {
      return failure(word.starts_with("--")
                         ? long_option_error(word, c == ':', optopt)
                         : short_option_error(static_cast<char>(optopt), c == ':'),
                     true);
    }
    const detail::OptionRow* row =
        c >= 0 && static_cast<size_t>(c) < t.rows_by_value.size() ? t.rows_by_value[c] : nullptr;
    if (row == nullptr)
      return failure("internal error: unhandled option " + std::to_string(c), false);
    const detail::Given given{row->name != nullptr ? row->name : "",
                              optarg != nullptr ? optarg : "", optarg != nullptr};
    if (!row->handle(p, given)) return failure(std::move(p.error), !row->names_a_set);
    // Like strace: help is printed as soon as it is seen, whatever follows.
    if (p.options.show_help) return ParseResult{std::move(p.options), {}, {}};
  }
  for (int i = std::max(optind, 1); i < argc; ++i) p.options.command.emplace_back(argv[i]);
  return finish(p);
}

std::vector<std::string> option_spellings() {
  std::vector<std::string> spellings;
  for (const detail::OptionRow& row : detail::option_rows())
    if (row.letter != 0) spellings.push_back(std::string("-") + row.letter);
  for (const detail::OptionRow& row : detail::option_rows())
    if (row.name != nullptr) spellings.push_back(std::string("--") + row.name);
  return spellings;
}

}  // namespace estrace::cli
