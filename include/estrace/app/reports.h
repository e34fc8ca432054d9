// app: what a run reports besides the trace: events lost (as they are noticed, and the total),
// records dropped as malformed, --interval's summaries and the summary at the end.
#pragma once

#include <cstdint>

#include "estrace/app/trace_output.h"
#include "estrace/cli/options.h"
#include "estrace/probe/probe.h"
#include "estrace/summary/report.h"
#include "estrace/summary/summary.h"

namespace estrace::app {

class Reports {
 public:
  // `start_ns` (CLOCK_MONOTONIC): when the first --interval begins.
  Reports(const cli::Options& options, const probe::Probe& probe, TraceOutput& output,
          uint64_t start_ns);

  // Events lost since the last report: marked in a single -o file, said on stderr.
  void lost();
  // --interval: the last interval's summary, once it has passed.
  void interval();
  // At the end: what was lost in total, how many records were malformed, the summary.
  void final(uint64_t malformed);
  // Events were lost (and reported).
  bool any_lost() const { return reported_lost_ > 0; }

 private:
  summary::Summary read_summary() const;
  void print(const summary::Summary& s, const summary::ReportContext& context);

  const cli::Options& options_;
  const probe::Probe& probe_;
  TraceOutput& output_;
  uint64_t reported_lost_ = 0;
  // --interval: the last cumulative snapshot, when its interval began, how many so far.
  summary::Summary last_summary_;
  uint64_t interval_start_ns_;
  uint64_t intervals_ = 0;
};

}  // namespace estrace::app
