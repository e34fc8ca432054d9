// summary: what the user asked the summaries to show (-c/-C, -S, -U, --latency, --histogram,
// --errno-summary, --json, --interval). Plain data, filled by cli, read by the formatters.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace estrace::summary {

// Whether the per-call trace is printed beside the summaries.
enum class Mode : uint8_t {
  Off,        // no summary: the trace only
  Only,       // -c (or --latency, --histogram, --errno-summary alone): summaries, no trace
  WithTrace,  // -C: the trace, then the summaries
};

// -S: strace's sort keys. Every one sorts descending except Name; Nothing keeps syscall-number
// order, which is also how ties are broken.
enum class SortKey : uint8_t { Time, MinTime, MaxTime, AvgTime, Calls, Errors, Name, Nothing };

// -U: strace's summary columns.
enum class Column : uint8_t {
  TimePercent,  // "% time"
  TotalTime,    // "seconds"
  MinTime,      // "shortest" (estimated from the histogram, see summary.h)
  MaxTime,      // "longest"
  AvgTime,      // "usecs/call"
  Calls,        // "calls"
  Errors,       // "errors"
  Name,         // "syscall"
};

// strace's default -U.
inline std::vector<Column> default_columns() {
  return {Column::TimePercent, Column::TotalTime, Column::AvgTime,
          Column::Calls,       Column::Errors,    Column::Name};
}

struct Settings {
  Mode mode = Mode::Off;
  bool table = false;       // strace's -c table (-c, -C, or --interval alone)
  bool wall_clock = false;  // -w: accepted; estrace's times are always wall-clock (see table.h)
  SortKey sort = SortKey::Time;                      // -S, also orders the other sections
  std::vector<Column> columns = default_columns();   // -U; always ends up containing Name
  bool latency = false;                              // --latency
  bool histogram = false;                            // --histogram[=SYSCALL,...]
  std::vector<uint32_t> histogram_syscalls;          // its list; empty means every syscall called
  bool errno_summary = false;                        // --errno-summary
  bool json = false;                                 // --json: one JSON object instead of text
  std::optional<std::chrono::nanoseconds> interval;  // --interval=SECS

  // True when anything is to be aggregated (then the BPF side runs in summary mode).
  bool enabled() const { return mode != Mode::Off; }
};

}  // namespace estrace::summary
