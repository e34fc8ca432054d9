// --json: the summary as one JSON object. A small writer: the values are numbers and syscall or
// errno names, but strings are escaped fully anyway.
#include <cmath>
#include <iterator>
#include <string>
#include <string_view>

#include "estrace/summary/report.h"
#include "estrace/syscalls/compat.h"

namespace estrace::summary {
namespace {

void string(fmt::memory_buffer& out, std::string_view text) {
  auto to = std::back_inserter(out);
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        fmt::format_to(to, "\\\"");
        break;
      case '\\':
        fmt::format_to(to, "\\\\");
        break;
      case '\n':
        fmt::format_to(to, "\\n");
        break;
      case '\t':
        fmt::format_to(to, "\\t");
        break;
      case '\r':
        fmt::format_to(to, "\\r");
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          fmt::format_to(to, "\\u{:04x}", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

// "key": (the caller writes the value).
void key(fmt::memory_buffer& out, std::string_view name, bool& first) {
  if (!first) out.push_back(',');
  first = false;
  string(out, name);
  out.push_back(':');
}

// Microseconds with ns resolution; a JSON number (never NaN or infinite).
void micros(fmt::memory_buffer& out, double ns) {
  fmt::format_to(std::back_inserter(out), "{:.3f}", std::isfinite(ns) ? ns / 1e3 : 0.0);
}

void stats(fmt::memory_buffer& out, const Stats& s, bool& first) {
  auto to = std::back_inserter(out);
  key(out, "calls", first);
  fmt::format_to(to, "{}", s.calls);
  key(out, "errors", first);
  fmt::format_to(to, "{}", s.errors);
  key(out, "total_us", first);
  micros(out, static_cast<double>(s.total_ns));
  key(out, "avg_us", first);
  micros(out, s.calls == 0 ? 0.0 : static_cast<double>(s.total_ns) / static_cast<double>(s.calls));
  key(out, "min_us", first);
  micros(out, static_cast<double>(s.min_ns()));
  key(out, "max_us", first);
  micros(out, static_cast<double>(s.max_ns));
  static constexpr std::pair<const char*, double> kPercentiles[] = {
      {"p50_us", 50}, {"p90_us", 90}, {"p99_us", 99}, {"p999_us", 99.9}};
  for (const auto& [name, p] : kPercentiles) {
    key(out, name, first);
    micros(out, percentile(s, p));
  }
}

}  // namespace

void write_json(fmt::memory_buffer& out, const Summary& summary, SortKey sort,
                const ReportContext& context) {
  auto to = std::back_inserter(out);
  bool first = true;
  out.push_back('{');
  if (context.interval) {
    key(out, "interval", first);
    fmt::format_to(to, "{}", *context.interval);
  }
  if (context.seconds) {
    key(out, "seconds", first);
    fmt::format_to(to, "{:.6f}", std::isfinite(*context.seconds) ? *context.seconds : 0.0);
  }
  key(out, "syscalls", first);
  out.push_back('[');
  bool first_syscall = true;
  for (uint32_t nr : sorted(summary, sort)) {
    if (!first_syscall) out.push_back(',');
    first_syscall = false;
    bool first_field = true;
    out.push_back('{');
    key(out, "name", first_field);
    string(out, syscall_name(nr));
    key(out, "nr", first_field);  // the i386 number for an ia32 call, marked by "mode"
    fmt::format_to(to, "{}", syscalls::arch_number(nr));
    if (syscalls::is_compat_key(nr)) {
      key(out, "mode", first_field);
      string(out, "32 bit");
    }
    stats(out, summary.syscalls.at(nr), first_field);
    key(out, "errnos", first_field);
    out.push_back('{');
    bool first_errno = true;
    for (const auto& [err, count] : summary.errnos_of(nr)) {
      key(out, errno_name(err), first_errno);
      fmt::format_to(to, "{}", count);
    }
    out.push_back('}');
    out.push_back('}');
  }
  out.push_back(']');
  key(out, "total", first);
  out.push_back('{');
  bool first_total = true;
  stats(out, summary.total(), first_total);
  out.push_back('}');
  out.push_back('}');
  out.push_back('\n');
}

}  // namespace estrace::summary
