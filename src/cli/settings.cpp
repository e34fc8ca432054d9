// -e QUALIFIER=VALUE and the long options that carry a value of their own. estrace supports a
// subset of strace's qualifiers; the rest are refused by name, so nobody gets a trace that
// silently ignores the filter they asked for.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "estrace/cli/options.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::cli::detail {
namespace {

// One setting being applied: its name, the value given, the options it changes.
struct Apply {
  std::string_view name;
  std::string_view value;
  Options& options;
  std::string& error;
  bool long_only;  // a long option's value, not an -e qualifier: spelled "--name=value"

  // Refuses the value by name, saying what estrace knows (`hint`); always false.
  bool unsupported(std::string_view hint) const {
    error = long_only ? "--" : "-e ";
    error += std::string(name) + "=" + std::string(value) + " is not supported yet";
    if (!hint.empty()) error += " (estrace knows " + std::string(hint) + ")";
    return false;
  }
};

// Calls each comma-separated item of `list`; false as soon as one is refused.
template <typename Fn>
bool each_item(std::string_view list, Fn&& fn) {
  size_t start = 0;
  while (true) {
    size_t stop = std::min(list.find(',', start), list.size());
    if (!fn(list.substr(start, stop - start))) return false;
    if (stop == list.size()) return true;
    start = stop + 1;
  }
}

bool set_trace(std::string_view value, Options& options, std::string& error) {
  // "all" is the default; answering it here keeps `-e trace=all` independent of the catalogue.
  if (value == "all") {
    options.trace_all = true;
    options.trace_syscalls.clear();
    return true;
  }
  std::string why;
  auto numbers = syscalls::resolve_trace_set(value, why);
  if (!numbers) {
    error = why.empty() ? "invalid system call '" + std::string(value) + "'" : why;
    return false;
  }
  // Like strace, a later -e trace= replaces an earlier one.
  options.trace_all = false;
  options.trace_syscalls = std::move(*numbers);
  return true;
}

// strace's --absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]], for the three
// combinations -t, -tt and -ttt stand for (and "none").
bool timestamps(const Apply& a) {
  std::string_view format = "time";
  std::string_view precision = "s";
  bool known = each_item(a.value.empty() ? "time" : a.value, [&](std::string_view item) {
    if (item.starts_with("format:")) {
      format = item.substr(7);
    } else if (item.starts_with("precision:")) {
      precision = item.substr(10);
    } else if (item == "none" || item == "time" || item == "unix") {
      format = item;
    } else if (item == "s" || item == "ms" || item == "us" || item == "ns") {
      precision = item;
    } else {
      return false;
    }
    return true;
  });
  constexpr std::string_view kHint = "time, time,us, unix,us and none";
  if (!known) return a.unsupported(kHint);
  if (format == "none") {
    a.options.time = TimeMode::None;
  } else if (format == "time" && precision == "s") {
    a.options.time = TimeMode::Seconds;
  } else if (format == "time" && precision == "us") {
    a.options.time = TimeMode::Micros;
  } else if (format == "unix" && precision == "us") {
    a.options.time = TimeMode::Epoch;
  } else {
    return a.unsupported(kHint);
  }
  return true;
}

// status=SET: successful, failed, unfinished, unavailable, detached, all, none; a leading
// '!' takes the complement (strace's syntax).
bool status(const Apply& a) {
  std::string_view value = a.value;
  bool negate = value.starts_with("!");
  if (negate) value.remove_prefix(1);
  uint32_t bits = 0;
  bool known = each_item(value, [&](std::string_view item) {
    static constexpr std::pair<std::string_view, uint32_t> kNames[] = {
        {"successful", kStatusSuccessful},
        {"failed", kStatusFailed},
        {"unfinished", kStatusUnfinished},
        {"unavailable", kStatusUnavailable},
        {"detached", kStatusDetached},
        {"all", kStatusAll},
        {"none", 0}};
    for (const auto& [n, b] : kNames)
      if (item == n) {
        bits |= b;
        return true;
      }
    return false;
  });
  if (!known || value.empty()) {
    a.error = "invalid status '" + std::string(value) + "'";
    return false;
  }
  a.options.status = negate ? (kStatusAll & ~bits) : bits;
  return true;
}

bool trace(const Apply& a) { return set_trace(a.value, a.options, a.error); }

// -v is strace's abbrev=none.
bool abbrev(const Apply& a) {
  if (a.value != "all" && a.value != "none") return a.unsupported("all, none");
  a.options.verbose = a.value == "none";
  return true;
}

// Only the default is accepted: estrace dereferences everything and decodes all.
bool verbose(const Apply& a) { return a.value == "all" || a.unsupported("all"); }
bool raw(const Apply& a) { return a.value == "none" || a.unsupported("none"); }

// -q in strace is quiet=attach,personality: attach/detach messages and personality notices.
bool quiet(const Apply& a) {
  if (a.value == "none") {
    a.options.quiet = false;
    a.options.personality_notices = true;
    return true;
  }
  bool attach = a.value.empty(), personality = a.value.empty();
  bool ok = a.value.empty() || each_item(a.value, [&](std::string_view item) {
              attach |= item == "attach";
              personality |= item == "personality";
              return item == "attach" || item == "personality";
            });
  if (!ok) return a.unsupported("attach, personality, none");
  if (attach) a.options.quiet = true;
  if (personality) a.options.personality_notices = false;
  return true;
}

bool decode_fds(const Apply& a) {
  if (a.value.empty() || a.value == "path") {
    a.options.decode_fds = 1;
  } else if (a.value == "all") {
    a.options.decode_fds = 2;
  } else if (a.value == "none") {
    a.options.decode_fds = 0;
  } else {
    return a.unsupported("path, all, none");
  }
  return true;
}

bool syscall_times(const Apply& a) {
  if (!a.value.empty() && a.value != "us") return a.unsupported("us");
  a.options.show_duration = true;
  return true;
}

bool strings_in_hex(const Apply& a) {
  if (a.value.empty() || a.value == "all") {
    a.options.hex = HexMode::All;
  } else if (a.value == "non-ascii") {
    a.options.hex = HexMode::NonAscii;
  } else {
    return a.unsupported("non-ascii, all");
  }
  return true;
}

// A number set read by `Read` into a member of the options.
template <NumberSet Options::*Set, auto Read>
bool number_set(const Apply& a) {
  auto set = Read(a.value, a.error);
  if (!set) return false;
  a.options.*Set = std::move(*set);
  return true;
}

// strace: a comma list of comm and pidns; estrace has no pid namespace translation.
bool decode_pids(const Apply& a) {
  bool known = each_item(a.value, [&](std::string_view item) {
    if (item == "comm") a.options.decode_pids_comm = true;
    return item == "comm" || item == "none";
  });
  if (a.value == "none") a.options.decode_pids_comm = false;
  if (!known) {
    if (a.value.find("pidns") != std::string_view::npos) return a.unsupported("comm");
    a.error = "invalid decode-pids '" + std::string(a.value) + "'";
    return false;
  }
  return true;
}

// strace's qualifiers that estrace does not have.
bool refused(const Apply& a) {
  return a.unsupported(
      "trace=, status=, signal=, read=, write=, abbrev=, quiet=, decode-fds=, decode-pids=");
}

struct Setting {
  std::string_view name;
  // -e spellings other than the name, blank-separated (strace 6.1's qualify.c); kLongOnly for
  // a long option's value that is no -e qualifier.
  std::string_view others;
  bool (*apply)(const Apply& a);
};
constexpr std::string_view kLongOnly = "--";

constexpr std::array kSettings = {
    Setting{"trace", "t", trace},
    Setting{"abbrev", "a", abbrev},
    Setting{"verbose", "v", verbose},
    Setting{"raw", "x", raw},
    Setting{"signal", "signals s", number_set<&Options::signals, parse_signal_set>},
    Setting{"status", "", status},
    Setting{"read", "reads r", number_set<&Options::read_fds, parse_fd_set>},
    Setting{"write", "writes w", number_set<&Options::write_fds, parse_fd_set>},
    Setting{"fault", "", refused},
    Setting{"inject", "", refused},
    Setting{"kvm", "", refused},
    Setting{"quiet", "silent silence q", quiet},
    Setting{"decode-fds", "decode-fd", decode_fds},
    Setting{"decode-pids", "decode-pid", decode_pids},
    Setting{"absolute-timestamps", kLongOnly, timestamps},
    Setting{"syscall-times", kLongOnly, syscall_times},
    Setting{"strings-in-hex", kLongOnly, strings_in_hex},
};

// The setting an -e qualifier spells ("t" -> trace); null when `spelling` is no qualifier.
const Setting* qualifier_named(std::string_view spelling) {
  for (const Setting& s : kSettings) {
    if (s.others == kLongOnly) continue;
    if (s.name == spelling) return &s;
    std::string_view rest = s.others;
    while (!rest.empty()) {
      size_t blank = std::min(rest.find(' '), rest.size());
      if (rest.substr(0, blank) == spelling) return &s;
      rest.remove_prefix(std::min(blank + 1, rest.size()));
    }
  }
  return nullptr;
}

bool apply(const Setting& s, std::string_view value, Options& options, std::string& error) {
  return s.apply(Apply{s.name, value, options, error, s.others == kLongOnly});
}

}  // namespace

bool apply_setting(std::string_view name, std::string_view value, Options& options,
                   std::string& error) {
  for (const Setting& s : kSettings)
    if (s.name == name) return apply(s, value, options, error);
  return refused(Apply{name, value, options, error, false});
}

bool apply_expression(std::string_view expr, Options& options, std::string& error) {
  size_t eq = expr.find('=');
  if (eq != std::string_view::npos) {
    if (const Setting* s = qualifier_named(expr.substr(0, eq)))
      return apply(*s, expr.substr(eq + 1), options, error);
  }
  // No known qualifier: strace reads the whole expression as a syscall set, so "-e foo=bar"
  // fails as an unknown system call, as it does there.
  return set_trace(expr, options, error);
}

}  // namespace estrace::cli::detail
