// --histogram: per-syscall latency histograms in the style of bpftrace's and BCC's log2
// histograms. The 16 log2-linear buckets of each power of two are summed into one row.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "estrace/summary/report.h"

namespace estrace::summary {
namespace {

// Row 0 holds 0 ns; row p + 1 holds [2^p, 2^(p+1)) ns; the last row also holds everything
// longer (the last bucket does).
constexpr uint32_t kRows = ES_HIST_MAX_LOG2 + 2;
constexpr size_t kBarWidth = 52;  // bpftrace's

uint32_t row_of(uint32_t bucket) {
  if (bucket == 0) return 0;
  if (bucket < ES_HIST_SUB) {
    uint32_t p = 0;
    while ((bucket >> (p + 1)) != 0) ++p;
    return p + 1;
  }
  return bucket / ES_HIST_SUB + ES_HIST_SUB_BITS - 1 + 1;
}

// A duration with three significant digits in the largest unit it fills: 512ns, 1.02us, 16.4us,
// 131us, 1.05ms, 2.15s. Powers of two are not round in decimal units; the digits say so.
std::string duration(uint64_t ns) {
  if (ns < 1000) return fmt::format("{}ns", ns);
  static constexpr struct {
    double scale;
    const char* unit;
  } kUnits[] = {{1e3, "us"}, {1e6, "ms"}, {1e9, "s"}};
  size_t u = 0;
  while (u + 1 < std::size(kUnits) && static_cast<double>(ns) >= kUnits[u + 1].scale) ++u;
  const double v = static_cast<double>(ns) / kUnits[u].scale;
  const int decimals = v >= 99.95 ? 0 : v >= 9.995 ? 1 : 2;
  return fmt::format("{:.{}f}{}", v, decimals, kUnits[u].unit);
}

std::string label(uint32_t row) {
  if (row == 0) return "[0ns, 1ns)";
  const uint64_t lo = uint64_t{1} << (row - 1);
  if (row == kRows - 1) return fmt::format("[{}, ...)", duration(lo));
  return fmt::format("[{}, {})", duration(lo), duration(lo * 2));
}

void draw(fmt::memory_buffer& out, const std::string& name, const Stats& s) {
  std::vector<uint64_t> rows(kRows);
  for (uint32_t i = 0; i < s.hist.size(); ++i) rows[row_of(i)] += s.hist[i];
  auto first = std::find_if(rows.begin(), rows.end(), [](uint64_t n) { return n != 0; });
  auto to = std::back_inserter(out);
  fmt::format_to(to, "{}: {} calls\n", name, s.calls);
  if (first == rows.end()) return;
  auto last = std::find_if(rows.rbegin(), rows.rend(), [](uint64_t n) { return n != 0; }).base();
  const uint32_t from = static_cast<uint32_t>(first - rows.begin());
  const uint32_t to_row = static_cast<uint32_t>(last - rows.begin());
  const uint64_t peak = *std::max_element(first, last);

  size_t label_width = 0;
  for (uint32_t r = from; r < to_row; ++r) label_width = std::max(label_width, label(r).size());
  const size_t count_width = std::max<size_t>(8, fmt::formatted_size("{}", peak));
  for (uint32_t r = from; r < to_row; ++r) {
    // Round up, so that a row with any calls shows at least one '@'.
    const double share = static_cast<double>(rows[r]) / static_cast<double>(peak);
    const size_t bar = std::min(kBarWidth, static_cast<size_t>(std::ceil(share * kBarWidth)));
    fmt::format_to(to, "{:<{}} {:>{}} |{:@<{}}{:<{}}|\n", label(r), label_width, rows[r],
                   count_width, "", bar, "", kBarWidth - bar);
  }
}

}  // namespace

void write_histograms(fmt::memory_buffer& out, const Summary& summary, SortKey sort,
                      const std::vector<uint32_t>& only) {
  bool first = true;
  for (uint32_t nr : sorted(summary, sort)) {
    if (!only.empty() && std::find(only.begin(), only.end(), nr) == only.end()) continue;
    if (!first) out.push_back('\n');
    first = false;
    draw(out, syscall_name(nr), summary.syscalls.at(nr));
  }
  // Asked for by name but never called: say so rather than print nothing.
  for (uint32_t nr : only) {
    if (summary.syscalls.contains(nr)) continue;
    if (!first) out.push_back('\n');
    first = false;
    draw(out, syscall_name(nr), Stats{});
  }
}

}  // namespace estrace::summary
