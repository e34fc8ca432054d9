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

// strace 6.1's qualifiers and the other spellings its qualify.c accepts for each.
struct Qualifier {
  std::string_view name;
  std::string_view spellings;  // blank-separated, the name first
};
constexpr std::array kQualifiers = {
    Qualifier{"trace", "trace t"},
    Qualifier{"abbrev", "abbrev a"},
    Qualifier{"verbose", "verbose v"},
    Qualifier{"raw", "raw x"},
    Qualifier{"signal", "signal signals s"},
    Qualifier{"status", "status"},
    Qualifier{"read", "read reads r"},
    Qualifier{"write", "write writes w"},
    Qualifier{"fault", "fault"},
    Qualifier{"inject", "inject"},
    Qualifier{"kvm", "kvm"},
    Qualifier{"quiet", "quiet silent silence q"},
    Qualifier{"decode-fds", "decode-fds decode-fd"},
    Qualifier{"decode-pids", "decode-pids decode-pid"},
};

// "t" -> "trace"; empty when `spelling` is no qualifier.
std::string_view qualifier_named(std::string_view spelling) {
  for (const Qualifier& q : kQualifiers) {
    std::string_view rest = q.spellings;
    while (!rest.empty()) {
      size_t blank = std::min(rest.find(' '), rest.size());
      if (rest.substr(0, blank) == spelling) return q.name;
      rest.remove_prefix(std::min(blank + 1, rest.size()));
    }
  }
  return {};
}

// Long options whose value is not an -e qualifier, so messages spell them as "--name=value".
bool is_long_only(std::string_view name) {
  return name == "absolute-timestamps" || name == "syscall-times" || name == "strings-in-hex";
}

bool unsupported(std::string_view name, std::string_view value, std::string_view hint,
                 std::string& error) {
  error = is_long_only(name) ? "--" : "-e ";
  error += std::string(name) + "=" + std::string(value) + " is not supported yet";
  if (!hint.empty()) error += " (estrace knows " + std::string(hint) + ")";
  return false;
}

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
bool set_timestamps(std::string_view value, Options& options, std::string& error) {
  std::string_view format = "time";
  std::string_view precision = "s";
  bool known = each_item(value.empty() ? "time" : value, [&](std::string_view item) {
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
  if (!known) return unsupported("absolute-timestamps", value, kHint, error);
  if (format == "none") {
    options.time = TimeMode::None;
  } else if (format == "time" && precision == "s") {
    options.time = TimeMode::Seconds;
  } else if (format == "time" && precision == "us") {
    options.time = TimeMode::Micros;
  } else if (format == "unix" && precision == "us") {
    options.time = TimeMode::Epoch;
  } else {
    return unsupported("absolute-timestamps", value, kHint, error);
  }
  return true;
}

// status=SET: successful, failed, unfinished, unavailable, detached, all, none; a leading
// '!' takes the complement (strace's syntax).
bool set_status(std::string_view value, Options& options, std::string& error) {
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
    error = "invalid status '" + std::string(value) + "'";
    return false;
  }
  options.status = negate ? (kStatusAll & ~bits) : bits;
  return true;
}

}  // namespace

bool apply_setting(std::string_view name, std::string_view value, Options& options,
                   std::string& error) {
  if (name == "trace") return set_trace(value, options, error);
  if (name == "absolute-timestamps") return set_timestamps(value, options, error);
  if (name == "abbrev") {
    // -v is strace's abbrev=none.
    if (value != "all" && value != "none") return unsupported(name, value, "all, none", error);
    options.verbose = value == "none";
    return true;
  }
  if (name == "verbose" || name == "raw") {
    // Only each one's default is accepted: estrace dereferences everything and decodes all.
    std::string_view usual = name == "verbose" ? "all" : "none";
    return value == usual || unsupported(name, value, usual, error);
  }
  if (name == "quiet") {
    // -q in strace is quiet=attach,personality: attach/detach messages and personality notices.
    if (value == "none") {
      options.quiet = false;
      options.personality_notices = true;
      return true;
    }
    bool attach = value.empty(), personality = value.empty();
    bool ok = value.empty() || each_item(value, [&](std::string_view item) {
                attach |= item == "attach";
                personality |= item == "personality";
                return item == "attach" || item == "personality";
              });
    if (!ok) return unsupported(name, value, "attach, personality, none", error);
    if (attach) options.quiet = true;
    if (personality) options.personality_notices = false;
    return true;
  }
  if (name == "decode-fds") {
    if (value.empty() || value == "path") {
      options.decode_fds = 1;
    } else if (value == "all") {
      options.decode_fds = 2;
    } else if (value == "none") {
      options.decode_fds = 0;
    } else {
      return unsupported(name, value, "path, all, none", error);
    }
    return true;
  }
  if (name == "syscall-times") {
    if (!value.empty() && value != "us") return unsupported(name, value, "us", error);
    options.show_duration = true;
    return true;
  }
  if (name == "strings-in-hex") {
    if (value.empty() || value == "all") {
      options.hex = HexMode::All;
    } else if (value == "non-ascii") {
      options.hex = HexMode::NonAscii;
    } else {
      return unsupported(name, value, "non-ascii, all", error);
    }
    return true;
  }
  if (name == "status") return set_status(value, options, error);
  if (name == "signal" || name == "read" || name == "write") {
    auto set = name == "signal" ? parse_signal_set(value, error) : parse_fd_set(value, error);
    if (!set) return false;
    NumberSet& target = name == "signal" ? options.signals
                        : name == "read" ? options.read_fds
                                         : options.write_fds;
    target = std::move(*set);
    return true;
  }
  if (name == "decode-pids") {
    // strace: a comma list of comm and pidns; estrace has no pid namespace translation.
    bool known = each_item(value, [&](std::string_view item) {
      if (item == "comm") options.decode_pids_comm = true;
      return item == "comm" || item == "none";
    });
    if (value == "none") options.decode_pids_comm = false;
    if (!known) {
      if (value.find("pidns") != std::string_view::npos)
        return unsupported(name, value, "comm", error);
      error = "invalid decode-pids '" + std::string(value) + "'";
      return false;
    }
    return true;
  }
  // fault, inject, kvm.
  return unsupported(name, value,
                     "trace=, status=, signal=, read=, write=, abbrev=, quiet=, decode-fds=, "
                     "decode-pids=",
                     error);
}

bool apply_expression(std::string_view expr, Options& options, std::string& error) {
  size_t eq = expr.find('=');
  if (eq != std::string_view::npos) {
    std::string_view name = qualifier_named(expr.substr(0, eq));
    if (!name.empty()) return apply_setting(name, expr.substr(eq + 1), options, error);
  }
  // No known qualifier: strace reads the whole expression as a syscall set, so "-e foo=bar"
  // fails as an unknown system call, as it does there.
  return set_trace(expr, options, error);
}

}  // namespace estrace::cli::detail
