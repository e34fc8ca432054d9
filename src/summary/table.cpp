// strace -c's table. The layout follows strace 6.1's output: each column as wide as its
// header's historical width or its widest value, one blank between columns, numbers right-
// aligned, the name left-aligned (and unpadded when it is the last column), an error count of 0
// left blank. The numbers are computed the way strace computes them from its timespecs, so that
// rounding agrees to the last digit: seconds as double, the average rounded to the nearest ns
// and then truncated to whole microseconds.
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "estrace/summary/report.h"

namespace estrace::summary {
namespace {

constexpr uint64_t kNsPerSec = 1000000000;

// strace's timespec -> double: whole seconds plus nanoseconds / 1e9.
double seconds(uint64_t ns) {
  const uint64_t whole = ns / kNsPerSec;
  return static_cast<double>(whole) + static_cast<double>(ns % kNsPerSec) / 1e9;
}

// usecs/call of a row: whole microseconds of the ns-rounded mean.
uint64_t usecs_per_call(uint64_t avg_ns) { return static_cast<uint64_t>(seconds(avg_ns) * 1e6); }

struct ColumnInfo {
  const char* header;
  size_t min_width;  // strace's historical widths, or the header's
};

ColumnInfo info(Column c) {
  switch (c) {
    case Column::TimePercent:
      return {"% time", 6};
    case Column::TotalTime:
      return {"seconds", 11};
    case Column::MinTime:
      return {"shortest", 8};
    case Column::MaxTime:
      return {"longest", 7};
    case Column::AvgTime:
      return {"usecs/call", 11};
    case Column::Calls:
      return {"calls", 9};
    case Column::Errors:
      return {"errors", 9};
    case Column::Name:
      return {"syscall", 16};
  }
  return {"", 0};
}

// One row's values, whatever columns show them.
struct Row {
  std::string name;
  double percent = 0;
  double total = 0;  // seconds
  double min = 0;
  double max = 0;
  uint64_t avg_us = 0;
  uint64_t calls = 0;
  uint64_t errors = 0;
};

void cell(fmt::memory_buffer& out, Column c, const Row& row, size_t width, bool last) {
  auto to = std::back_inserter(out);
  switch (c) {
    case Column::TimePercent:
      fmt::format_to(to, "{:>{}.2f}", row.percent, width);
      break;
    case Column::TotalTime:
      fmt::format_to(to, "{:>{}.6f}", row.total, width);
      break;
    case Column::MinTime:
      fmt::format_to(to, "{:>{}.6f}", row.min, width);
      break;
    case Column::MaxTime:
      fmt::format_to(to, "{:>{}.6f}", row.max, width);
      break;
    case Column::AvgTime:
      fmt::format_to(to, "{:>{}}", row.avg_us, width);
      break;
    case Column::Calls:
      fmt::format_to(to, "{:>{}}", row.calls, width);
      break;
    case Column::Errors:
      if (row.errors == 0) {
        fmt::format_to(to, "{:>{}}", "", width);
      } else {
        fmt::format_to(to, "{:>{}}", row.errors, width);
      }
      break;
    case Column::Name:
      if (last) {
        fmt::format_to(to, "{}", row.name);
      } else {
        fmt::format_to(to, "{:<{}}", row.name, width);
      }
      break;
  }
}

size_t chars(uint64_t n) { return fmt::formatted_size("{}", n); }

}  // namespace

void write_table(fmt::memory_buffer& out, const Summary& summary, SortKey sort,
                 const std::vector<Column>& requested) {
  // Like strace, the name is always shown: last unless placed elsewhere.
  std::vector<Column> columns = requested;
  if (std::find(columns.begin(), columns.end(), Column::Name) == columns.end()) {
    columns.push_back(Column::Name);
  }

  const Stats all = summary.total();
  const double cum = seconds(all.total_ns);
  uint64_t min_all = UINT64_MAX;
  uint64_t largest_min = 0;
  uint64_t largest_avg_us = 0;
  size_t longest_name = 0;
  std::vector<Row> rows;
  for (uint32_t nr : sorted(summary, sort)) {
    const Stats& s = summary.syscalls.at(nr);
    Row row;
    row.name = syscall_name(nr);
    row.total = seconds(s.total_ns);
    // strace: 100 * t / cum, except that 0 stays 0 (cum may be 0 too).
    row.percent = 100.0 * row.total;
    if (row.percent != 0.0) row.percent /= cum;
    row.min = seconds(s.min_ns());
    row.max = seconds(s.max_ns);
    row.avg_us = usecs_per_call(s.avg_ns());
    row.calls = s.calls;
    row.errors = s.errors;
    min_all = std::min(min_all, s.min_ns());
    largest_min = std::max(largest_min, s.min_ns());
    largest_avg_us = std::max(largest_avg_us, row.avg_us);
    longest_name = std::max(longest_name, row.name.size());
    rows.push_back(std::move(row));
  }
  Row total;
  total.name = "total";
  total.percent = 100.0;
  total.total = cum;
  total.min = seconds(min_all == UINT64_MAX ? 0 : min_all);
  total.max = seconds(all.max_ns);
  // strace divides the double seconds here, not the ns.
  total.avg_us = all.calls == 0 ? 0 : static_cast<uint64_t>(cum / all.calls * 1e6);
  total.calls = all.calls;
  total.errors = all.errors;

  auto width = [&](Column c) {
    size_t w = info(c).min_width;
    switch (c) {
      case Column::TimePercent:
        return std::max<size_t>(w, 6);  // "100.00"
      case Column::TotalTime:
        return std::max(w, fmt::formatted_size("{:.6f}", cum));
      case Column::MinTime:
        return std::max(w, chars(largest_min / kNsPerSec) + 7);  // "S.000000"
      case Column::MaxTime:
        return std::max(w, chars(all.max_ns / kNsPerSec) + 7);
      case Column::AvgTime:
        return std::max(w, chars(largest_avg_us));
      case Column::Calls:
        return std::max(w, chars(all.calls));
      case Column::Errors:
        return std::max(w, chars(all.errors));
      case Column::Name:
        return std::max(w, longest_name + 1);
    }
    return w;
  };
  std::vector<size_t> widths;
  widths.reserve(columns.size());
  for (Column c : columns) widths.push_back(width(c));

  auto to = std::back_inserter(out);
  const size_t last = columns.size() - 1;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i != 0) out.push_back(' ');
    const char* header = info(columns[i]).header;
    if (columns[i] != Column::Name) {
      fmt::format_to(to, "{:>{}}", header, widths[i]);
    } else if (i == last) {
      fmt::format_to(to, "{}", header);
    } else {
      fmt::format_to(to, "{:<{}}", header, widths[i]);
    }
  }
  out.push_back('\n');
  auto dashes = [&] {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i != 0) out.push_back(' ');
      fmt::format_to(to, "{:-<{}}", "", widths[i]);
    }
    out.push_back('\n');
  };
  auto print = [&](const Row& row) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i != 0) out.push_back(' ');
      cell(out, columns[i], row, widths[i], i == last);
    }
    out.push_back('\n');
  };
  dashes();
  for (const Row& row : rows) print(row);
  dashes();
  print(total);
}

}  // namespace estrace::summary
