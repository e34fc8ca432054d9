// app: tracing the targets' tasks from their first call: the launched command from its execve,
// knowing what it inherits; the -p processes' threads, with the calls they are blocked in; and
// strace's messages about both.
#pragma once

#include "estrace/app/event_flow.h"
#include "estrace/app/run_config.h"
#include "estrace/app/targets.h"
#include "estrace/cli/options.h"
#include "estrace/decode/decoder.h"
#include "estrace/launch/launch.h"
#include "estrace/output/sink.h"
#include "estrace/output/trace_writer.h"
#include "estrace/probe/probe.h"

namespace estrace::app {

// What starting to trace a task touches.
struct TaskStart {
  const cli::Options& options;
  probe::Probe& probe;
  output::TraceWriter& writer;
  Names& names;
};

// Registers the command, spawned behind its gate, as traced from its execve, with its comm and
// the cwd and fds it inherits from estrace; then lets it exec. The errno of a failed execve,
// or 0.
int release_command(launch::GatedChild& child, const TaskStart& start);

// Traces every thread of each -p process, says "Process N attached", and shows the calls its
// threads are in (not with -c) through `flow`'s decoder into `first`.
void attach_processes(const Targets& targets, const TaskStart& start, EventFlow& flow,
                      decode::Handler& first, output::Sink& sink);

// "Attached to cgroup PATH named NAME" (or "all processes"), unless -q.
void say_attached(const cli::Options& options, const Targets& targets);
// "Process N detached", "Detached from cgroup PATH", unless -q.
void say_detached(const cli::Options& options, const Targets& targets);

}  // namespace estrace::app
