// summary: the texts of a Summary. strace -c's table, the latency table, ASCII histograms, the
// errno breakdown, and JSON; each appends to a fmt::memory_buffer, write_report() composes what
// Settings asks for.
//
// Times: strace -c's default "time" is system CPU time, and -w switches it to wall-clock time
// inside the call. estrace measures wall-clock time inside the call (sys_enter to sys_exit) in
// the kernel, so its table is strace -c -w's; -w is accepted and changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "estrace/summary/settings.h"
#include "estrace/summary/summary.h"

namespace estrace::summary {

// strace -c's table, byte for byte as strace 6.1 prints it for the same numbers: header, dashes,
// one row per syscall in `sort` order, dashes, "total". Column widths grow with the values.
void write_table(fmt::memory_buffer& out, const Summary& summary, SortKey sort,
                 const std::vector<Column>& columns);

// Per syscall: calls, p50, p90, p99, p99.9 and max latency in microseconds, then a total row.
void write_latency(fmt::memory_buffer& out, const Summary& summary, SortKey sort);

// Per syscall (all called ones when `only` is empty), a log2 histogram of latencies: the
// log2-linear buckets summed into power-of-two rows, drawn as bpftrace and BCC draw theirs.
void write_histograms(fmt::memory_buffer& out, const Summary& summary, SortKey sort,
                      const std::vector<uint32_t>& only);

// One line per failing syscall: "openat: ENOENT 812, EACCES 3", errnos by count.
void write_errno_summary(fmt::memory_buffer& out, const Summary& summary, SortKey sort);

// Where a report sits in an --interval run.
struct ReportContext {
  std::optional<uint64_t> interval;  // 1, 2, ... for interval reports; nullopt for the total
  std::optional<double> seconds;     // how long the report covers, when known
};

// The whole summary as one JSON object on one line, ending in a newline:
// {"interval":N,"seconds":S,"syscalls":[{"name":..,"nr":..,"calls":..,"errors":..,"total_us":..,
// "avg_us":..,"min_us":..,"max_us":..,"p50_us":..,"p90_us":..,"p99_us":..,"p999_us":..,
// "errnos":{"ENOENT":812}}...],"total":{...}}; "interval"/"seconds" only when known.
void write_json(fmt::memory_buffer& out, const Summary& summary, SortKey sort,
                const ReportContext& context = {});

// Everything `settings` asks for: with --json one JSON object; otherwise, an interval heading
// ("--- interval 3 (1.000 s) ---") when in an interval, then the -c table, the latency table, the
// histograms and the errno summary, separated by blank lines.
void write_report(fmt::memory_buffer& out, const Summary& summary, const Settings& settings,
                  const ReportContext& context = {});

// "ENOENT" for 2, strace's names for the kernel-internal codes (ERESTARTSYS), else "E<n>".
std::string errno_name(uint32_t err);

}  // namespace estrace::summary
