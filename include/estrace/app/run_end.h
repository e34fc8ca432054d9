// app: the end of a run, once every record is decoded: calls left open are closed, the reports
// and the summary printed, and estrace's exit status worked out.
#pragma once

#include "estrace/app/reports.h"
#include "estrace/app/targets.h"
#include "estrace/app/trace_output.h"
#include "estrace/app/tracing_loop.h"
#include "estrace/cli/options.h"
#include "estrace/output/trace_writer.h"

namespace estrace::app {

// The parts of the run its end reads and writes.
struct EndParts {
  const cli::Options& options;
  const Targets& targets;
  output::TraceWriter& writer;
  Reports& reports;
  TraceOutput& output;
  uint64_t malformed = 0;  // records dropped as malformed
  int exec_error = 0;      // the errno of the command's failed execve, or 0
};

// Ends the lines still open, prints the reports and the summary, says what was detached from;
// returns estrace's exit status.
int end_run(const Ending& ending, const EndParts& parts);

// estrace's exit status: the command's (128 + a signal that killed it, or that estrace
// stopped waiting for it on), 0 without a command; made 1 when it would be 0 but the trace
// is `incomplete` (a write failed, or events were lost with --fail-on-loss).
int exit_status(const Ending& ending, bool launched, bool incomplete);

}  // namespace estrace::app
