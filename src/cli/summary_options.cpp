// The summary options' values: -S and -U with strace 6.1's names, aliases and error wording,
// --interval and --histogram's list.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estrace/cli/options.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::cli::detail {
namespace {

using summary::Column;
using summary::SortKey;

// strace's spellings of its summary columns; -S takes the same names (plus none/nothing).
struct ColumnName {
  std::string_view name;
  Column column;
};
constexpr std::array kColumnNames = {
    ColumnName{"time", Column::TimePercent},
    ColumnName{"time_percent", Column::TimePercent},
    ColumnName{"time-percent", Column::TimePercent},
    ColumnName{"time_total", Column::TotalTime},
    ColumnName{"time-total", Column::TotalTime},
    ColumnName{"total_time", Column::TotalTime},
    ColumnName{"total-time", Column::TotalTime},
    ColumnName{"min_time", Column::MinTime},
    ColumnName{"min-time", Column::MinTime},
    ColumnName{"shortest", Column::MinTime},
    ColumnName{"time_min", Column::MinTime},
    ColumnName{"time-min", Column::MinTime},
    ColumnName{"longest", Column::MaxTime},
    ColumnName{"max_time", Column::MaxTime},
    ColumnName{"max-time", Column::MaxTime},
    ColumnName{"time_max", Column::MaxTime},
    ColumnName{"time-max", Column::MaxTime},
    ColumnName{"avg_time", Column::AvgTime},
    ColumnName{"avg-time", Column::AvgTime},
    ColumnName{"time_avg", Column::AvgTime},
    ColumnName{"time-avg", Column::AvgTime},
    ColumnName{"calls", Column::Calls},
    ColumnName{"count", Column::Calls},
    ColumnName{"error", Column::Errors},
    ColumnName{"errors", Column::Errors},
    ColumnName{"name", Column::Name},
    ColumnName{"syscall", Column::Name},
    ColumnName{"syscall_name", Column::Name},
    ColumnName{"syscall-name", Column::Name},
};

std::optional<Column> column_named(std::string_view name) {
  for (const ColumnName& c : kColumnNames) {
    if (c.name == name) return c.column;
  }
  return std::nullopt;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

std::optional<SortKey> parse_sort_key(std::string_view text, std::string& error) {
  if (text == "none" || text == "nothing") return SortKey::Nothing;
  if (auto column = column_named(text)) {
    switch (*column) {
      case Column::TimePercent:
      case Column::TotalTime:
        return SortKey::Time;
      case Column::MinTime:
        return SortKey::MinTime;
      case Column::MaxTime:
        return SortKey::MaxTime;
      case Column::AvgTime:
        return SortKey::AvgTime;
      case Column::Calls:
        return SortKey::Calls;
      case Column::Errors:
        return SortKey::Errors;
      case Column::Name:
        return SortKey::Name;
    }
  }
  error = "invalid sortby: " + quoted(text);
  return std::nullopt;
}

std::optional<std::vector<Column>> parse_summary_columns(std::string_view text,
                                                         std::string& error) {
  std::vector<Column> columns;
  while (true) {
    const size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    auto column = column_named(item);
    if (!column) {
      error = "unknown column name: " + quoted(item);
      return std::nullopt;
    }
    if (std::find(columns.begin(), columns.end(), *column) != columns.end()) {
      error = "call summary column has been provided more than once: " + quoted(item) +
              " (-U option residual: " + quoted(text) + ")";
      return std::nullopt;
    }
    columns.push_back(*column);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  // Without the name the table means nothing: strace adds it last.
  if (std::find(columns.begin(), columns.end(), Column::Name) == columns.end()) {
    columns.push_back(Column::Name);
  }
  return columns;
}

std::optional<std::chrono::nanoseconds> parse_interval(std::string_view text, std::string& error) {
  // Below 10 ms the summaries would scroll past unread and the map reads cost; above a year
  // the number is surely a typo.
  constexpr double kMin = 0.01;
  constexpr double kMax = 365.0 * 24 * 3600;
  double seconds = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, seconds, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(seconds) ||
      seconds < kMin || seconds > kMax) {
    error = "invalid --interval argument: " + quoted(text) +
            " (seconds, fractions allowed, at least 0.01)";
    return std::nullopt;
  }
  return std::chrono::nanoseconds(static_cast<int64_t>(std::llround(seconds * 1e9)));
}

std::optional<std::vector<uint32_t>> parse_syscall_list(std::string_view text, std::string& error) {
  std::vector<uint32_t> numbers;
  while (true) {
    const size_t comma = text.find(',');
    const std::string_view name = text.substr(0, comma);
    auto nr = syscalls::number_of(name);
    if (!nr) {
      error = "invalid --histogram system call: " + quoted(name);
      return std::nullopt;
    }
    if (std::find(numbers.begin(), numbers.end(), *nr) == numbers.end()) numbers.push_back(*nr);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return numbers;
}

}  // namespace estrace::cli::detail
