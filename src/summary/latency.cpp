// --latency: percentiles per syscall, in microseconds with ns resolution.
#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "estrace/summary/report.h"

namespace estrace::summary {
namespace {

constexpr std::array<double, 4> kPercentiles = {50, 90, 99, 99.9};
constexpr std::array<const char*, 5> kHeaders = {"p50 us", "p90 us", "p99 us", "p99.9 us",
                                                 "max us"};

struct Line {
  std::string name;
  uint64_t calls = 0;
  std::array<double, 5> us{};  // the percentiles, then the max
};

Line line(std::string name, const Stats& s) {
  Line l{std::move(name), s.calls, {}};
  for (size_t i = 0; i < kPercentiles.size(); ++i) l.us[i] = percentile(s, kPercentiles[i]) / 1e3;
  l.us.back() = static_cast<double>(s.max_ns) / 1e3;
  return l;
}

}  // namespace

void write_latency(fmt::memory_buffer& out, const Summary& summary, SortKey sort) {
  std::vector<Line> lines;
  for (uint32_t nr : sorted(summary, sort)) {
    lines.push_back(line(syscall_name(nr), summary.syscalls.at(nr)));
  }
  const Line total = line("total", summary.total());

  // Fixed widths that grow when a value needs more: the name as strace -c sizes it.
  size_t name_width = 16;
  size_t calls_width = std::max<size_t>(9, fmt::formatted_size("{}", total.calls));
  size_t value_width = 10;
  for (double v : total.us) value_width = std::max(value_width, fmt::formatted_size("{:.3f}", v));
  for (const Line& l : lines) {
    name_width = std::max(name_width, l.name.size() + 1);
    for (double v : l.us) value_width = std::max(value_width, fmt::formatted_size("{:.3f}", v));
  }

  auto to = std::back_inserter(out);
  fmt::format_to(to, "{:<{}} {:>{}}", "syscall", name_width, "calls", calls_width);
  for (const char* h : kHeaders) fmt::format_to(to, " {:>{}}", h, value_width);
  out.push_back('\n');
  auto dashes = [&] {
    fmt::format_to(to, "{:-<{}} {:-<{}}", "", name_width, "", calls_width);
    for (size_t i = 0; i < kHeaders.size(); ++i) fmt::format_to(to, " {:-<{}}", "", value_width);
    out.push_back('\n');
  };
  auto print = [&](const Line& l) {
    fmt::format_to(to, "{:<{}} {:>{}}", l.name, name_width, l.calls, calls_width);
    for (double v : l.us) fmt::format_to(to, " {:>{}.3f}", v, value_width);
    out.push_back('\n');
  };
  dashes();
  for (const Line& l : lines) print(l);
  dashes();
  print(total);
}

}  // namespace estrace::summary
