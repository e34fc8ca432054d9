// app: loss reports and summaries. See include/estrace/app/reports.h.
#include "estrace/app/reports.h"

#include <ctime>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "estrace/abi/event.h"
#include "estrace/summary/report.h"
#include "estrace/util/clock.h"

namespace estrace::app {
namespace {

// Lines that reach the user only if a record was lost: syscalls, signals, exits.
uint64_t lost_lines(const std::vector<uint64_t>& by_kind) {
  return by_kind[ES_REC_SYSCALL] + by_kind[ES_REC_SIGNAL] + by_kind[ES_REC_EXIT];
}

}  // namespace

Reports::Reports(const cli::Options& options, const probe::Probe& probe, TraceOutput& output,
                 uint64_t start_ns)
    : options_(options), probe_(probe), output_(output), interval_start_ns_(start_ns) {}

void Reports::lost() {
  uint64_t lost = lost_lines(probe_.lost_by_kind()) + probe_.missed_runs();
  if (lost <= reported_lost_) return;
  // In a -o file the gap is marked where it was noticed, as stderr shows it on a terminal.
  // Not in -ff files (a loss belongs to no one task), and -c writes only the summary.
  if (output_.one_file() && options_.summary.mode != summary::Mode::Only)
    output_.sink().write(0, fmt::format("--- lost {} events ---\n", lost - reported_lost_));
  output_.sink().flush();
  say(fmt::format("{} events lost", lost - reported_lost_));
  reported_lost_ = lost;
}

void Reports::interval() {
  const auto& interval = options_.summary.interval;
  if (!interval) return;
  const uint64_t now = now_ns(CLOCK_MONOTONIC);
  auto length = static_cast<uint64_t>(interval->count());
  if (now - interval_start_ns_ < length) return;
  summary::Summary now_summary = read_summary();
  summary::ReportContext context;
  context.interval = ++intervals_;
  context.seconds = static_cast<double>(now - interval_start_ns_) / 1e9;
  print(now_summary.minus(last_summary_), context);
  last_summary_ = std::move(now_summary);
  interval_start_ns_ = now;
}

void Reports::final(uint64_t malformed) {
  lost();
  if (reported_lost_) say(fmt::format("{} events lost in total", reported_lost_));
  if (malformed) say(fmt::format("{} malformed records dropped", malformed));
  if (options_.summary.enabled()) print(read_summary(), {});
}

summary::Summary Reports::read_summary() const {
  std::vector<uint32_t> nrs;
  for (uint32_t nr = 0; nr < ES_SPEC_ROWS; ++nr) nrs.push_back(nr);  // x86_64, then ia32 keys
  auto stats = probe_.read_stats(nrs);
  summary::Summary s;
  for (uint32_t nr = 0; nr < stats.size(); ++nr)
    if (stats[nr].calls) s.add_cpu(nr, stats[nr]);
  for (const auto& [key, count] : probe_.read_errno_counts()) s.add_errno(key.nr, key.err, count);
  return s;
}

// Summaries go where the trace goes: stderr, or the -o file (strace's -c does the same).
void Reports::print(const summary::Summary& s, const summary::ReportContext& context) {
  fmt::memory_buffer text;
  summary::write_report(text, s, options_.summary, context);
  output_.write_apart(std::string_view(text.data(), text.size()));
}

}  // namespace estrace::app
