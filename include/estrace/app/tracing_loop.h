// app: the run's own thread while tracing: decodes and writes, reports losses and intervals,
// and decides when the run ends (every traced task gone, the command's end, a signal).
#pragma once

#include <sys/types.h>

#include "estrace/app/event_flow.h"
#include "estrace/app/reports.h"
#include "estrace/app/trace_output.h"
#include "estrace/output/trace_writer.h"
#include "estrace/probe/probe.h"

namespace estrace::app {

// What the loop watches and what it acts through.
struct LoopParts {
  EventFlow& flow;
  const output::TraceWriter& writer;
  const probe::Probe& probe;
  Reports& reports;
  TraceOutput& output;
  pid_t command = 0;         // the launched command, 0 when there is none
  bool attached = false;     // -p processes are traced: the command's end ends the run
  bool by_identity = false;  // tasks chosen by identity may appear at any time
};

// How the run ended.
struct Ending {
  bool detaching = false;  // tasks may live on: estrace was asked to stop, or left -p processes
  bool reaped = false;     // the command's end was seen (true when there is no command)
  int wait_status = 0;     // the command's status from waitpid, once reaped
  int stop_signal = 0;     // the signal that asked estrace to stop, or 0
};

// Runs until the run ends; records still in the rings are the caller's (EventFlow::finish).
Ending trace_until_end(const LoopParts& parts);

}  // namespace estrace::app
