// cli: one row per option and what each does. See src/cli/option_table.h.
#include "option_table.h"

#include <getopt.h>

#include <algorithm>
#include <array>
#include <utility>

namespace estrace::cli::detail {
namespace {

// A flag of the options, or of the summary's settings, set by the option.
template <bool Options::*Flag>
bool flag(Parsing& p, const Given& /*given*/) {
  p.options.*Flag = true;
  return true;
}
template <bool summary::Settings::*Flag>
bool summary_flag(Parsing& p, const Given& /*given*/) {
  p.options.summary.*Flag = true;
  return true;
}

// A value read by `Read` (which sets the error when it refuses it) into a member of the
// options.
template <auto Member, auto Read>
bool read_into(Parsing& p, const Given& given) {
  auto value = Read(given.value, p.error);
  if (!value) return false;
  p.options.*Member = std::move(*value);
  return true;
}

// A long option whose value is a setting of the same name (settings.cpp).
bool setting(Parsing& p, const Given& given) {
  return apply_setting(given.name, given.value, p.options, p.error);
}

bool expression(Parsing& p, const Given& given) {
  return apply_expression(given.value, p.options, p.error);
}

bool follow(Parsing& p, const Given& /*given*/) {
  ++p.f_count;
  return true;
}

bool separately(Parsing& p, const Given& /*given*/) {
  p.separately = true;
  return true;
}

bool attach(Parsing& p, const Given& given) {
  return append_pids(given.value, p.options.pids, p.error);
}

bool output(Parsing& p, const Given& given) {
  // strace pipes "-o |cmd" and "-o !cmd" into a command; writing a file named "|cmd"
  // instead would surprise.
  if (given.value.empty()) {
    p.error = "invalid -o argument: ''";
    return false;
  }
  if (given.value.front() == '|' || given.value.front() == '!') {
    p.error = "-o |COMMAND (piping the trace into a command) is not supported yet";
    return false;
  }
  p.options.output_file = std::string(given.value);
  return true;
}

// -t, -tt, -ttt: each one more raises the mode.
bool timestamps(Parsing& p, const Given& /*given*/) {
  constexpr std::array kModes{TimeMode::Seconds, TimeMode::Micros, TimeMode::Epoch};
  p.options.time = kModes[std::min(p.t_count++, 2)];
  return true;
}

bool quiet(Parsing& p, const Given& /*given*/) {
  p.options.quiet = true;
  p.options.personality_notices = false;
  return true;
}

bool hex(Parsing& p, const Given& /*given*/) {
  p.options.hex = ++p.x_count == 1 ? HexMode::NonAscii : HexMode::All;
  return true;
}

bool decode_fds(Parsing& p, const Given& /*given*/) {
  p.options.decode_fds = std::min(++p.y_count, 2);
  return true;
}

bool trace_path(Parsing& p, const Given& given) {
  return add_trace_path(given.value, p.options.trace_paths, p.warnings, p.error);
}

bool summary_only(Parsing& p, const Given& /*given*/) {
  p.summary_only = true;
  return true;
}

bool summary_with_trace(Parsing& p, const Given& /*given*/) {
  p.summary_trace = true;
  return true;
}

bool sort_by(Parsing& p, const Given& given) {
  auto key = parse_sort_key(given.value, p.error);
  if (!key) return false;
  p.options.summary.sort = *key;
  p.sort_given = true;
  return true;
}

bool columns(Parsing& p, const Given& given) {
  auto columns = parse_summary_columns(given.value, p.error);
  if (!columns) return false;
  p.options.summary.columns = std::move(*columns);
  p.columns_given = true;
  return true;
}

// --histogram alone: every syscall called; --histogram=LIST: those.
bool histogram(Parsing& p, const Given& given) {
  p.options.summary.histogram = true;
  p.options.summary.histogram_syscalls.clear();
  if (!given.has_value) return true;
  auto list = parse_syscall_list(given.value, p.error);
  if (!list) return false;
  p.options.summary.histogram_syscalls = std::move(*list);
  return true;
}

bool interval(Parsing& p, const Given& given) {
  auto interval = parse_interval(given.value, p.error);
  if (!interval) return false;
  p.options.summary.interval = *interval;
  return true;
}

bool cgroup(Parsing& p, const Given& given) {
  if (given.value.empty()) {
    p.error = "--cgroup needs a cgroup v2 directory";
    return false;
  }
  p.options.cgroups.emplace_back(given.value);
  return true;
}

bool container(Parsing& p, const Given& given) {
  if (given.value.empty()) {
    p.error = "--container needs a container id";
    return false;
  }
  p.options.containers.emplace_back(given.value);
  return true;
}

bool comm(Parsing& p, const Given& given) {
  return parse_comm(given.value, p.options.comms, p.error);
}

// strace's -z and -Z: -e status=successful, -e status=failed.
bool successful(Parsing& p, const Given& /*given*/) {
  p.options.status = kStatusSuccessful;
  return true;
}
bool failed(Parsing& p, const Given& /*given*/) {
  p.options.status = kStatusFailed;
  return true;
}

constexpr int kNone = no_argument;
constexpr int kValue = required_argument;
constexpr int kMaybe = optional_argument;
constexpr bool kSet = true;

// strace's spellings of the options estrace has. The long ones keep this order: getopt_long
// and the messages for a mistyped one list them so.
constexpr std::array kRows{
    OptionRow{'p', "attach", kValue, attach, kSet},
    OptionRow{'b', "buffer-size", kValue,
              read_into<&Options::buffer_bytes_per_cpu, parse_buffer_size>},
    OptionRow{0, "fail-on-loss", kNone, flag<&Options::fail_on_loss>},
    OptionRow{'f', "follow-forks", kNone, follow},
    OptionRow{0, "output-separately", kNone, separately},
    OptionRow{'o', "output", kValue, output},
    OptionRow{'s', "string-limit", kValue, read_into<&Options::string_limit, parse_string_limit>},
    OptionRow{'e', nullptr, kValue, expression, kSet},
    OptionRow{0, "trace", kValue, setting, kSet},
    OptionRow{'t', nullptr, kNone, timestamps},
    OptionRow{0, "absolute-timestamps", kMaybe, setting},
    OptionRow{'T', nullptr, kNone, flag<&Options::show_duration>},
    OptionRow{0, "syscall-times", kMaybe, setting},
    OptionRow{'q', nullptr, kNone, quiet},
    OptionRow{0, "quiet", kMaybe, setting, kSet},
    OptionRow{'y', nullptr, kNone, decode_fds},
    OptionRow{0, "decode-fds", kMaybe, setting, kSet},
    OptionRow{'x', nullptr, kNone, hex},
    OptionRow{0, "strings-in-hex", kMaybe, setting},
    OptionRow{'v', "no-abbrev", kNone, flag<&Options::verbose>},
    OptionRow{'c', "summary-only", kNone, summary_only},
    OptionRow{'C', "summary", kNone, summary_with_trace},
    OptionRow{'w', "summary-wall-clock", kNone, summary_flag<&summary::Settings::wall_clock>},
    OptionRow{'S', "summary-sort-by", kValue, sort_by},
    OptionRow{'U', "summary-columns", kValue, columns},
    OptionRow{0, "latency", kNone, summary_flag<&summary::Settings::latency>},
    OptionRow{0, "histogram", kMaybe, histogram, kSet},
    OptionRow{0, "errno-summary", kNone, summary_flag<&summary::Settings::errno_summary>},
    OptionRow{0, "interval", kValue, interval},
    OptionRow{0, "json", kNone, summary_flag<&summary::Settings::json>},
    OptionRow{0, "cgroup", kValue, cgroup},
    OptionRow{0, "container", kValue, container},
    OptionRow{0, "all", kNone, flag<&Options::all>},
    OptionRow{0, "comm", kValue, comm},
    OptionRow{0, "uid", kValue, read_into<&Options::uid, parse_uid>},
    OptionRow{0, "pidns", kNone, flag<&Options::pidns>},
    OptionRow{'n', "syscall-number", kNone, flag<&Options::syscall_numbers>},
    OptionRow{'Y', nullptr, kNone, flag<&Options::decode_pids_comm>},
    OptionRow{0, "decode-pids", kValue, setting, kSet},
    OptionRow{'X', "const-print-style", kValue, read_into<&Options::xlat, parse_xlat_mode>},
    OptionRow{'P', "trace-path", kValue, trace_path},
    OptionRow{0, "signal", kValue, setting, kSet},
    OptionRow{0, "read", kValue, setting, kSet},
    OptionRow{0, "write", kValue, setting, kSet},
    OptionRow{'z', nullptr, kNone, successful},
    OptionRow{'Z', nullptr, kNone, failed},
    // Like strace, help is printed as soon as it is seen, whatever follows (parse() stops).
    OptionRow{'h', "help", kNone, flag<&Options::show_help>},
    OptionRow{'V', "version", kNone, flag<&Options::show_version>},
    OptionRow{0, "list-syscalls", kNone, flag<&Options::list_syscalls>},
};

}  // namespace

std::span<const OptionRow> option_rows() { return kRows; }

}  // namespace estrace::cli::detail
