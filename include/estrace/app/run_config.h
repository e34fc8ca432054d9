// app: what a run does, worked out from the options alone: what the BPF side captures and
// sends, how calls print, how lines are put together. Pure (no /proc, no BPF, no clock), so
// every rule here is unit-tested without root.
#pragma once

#include <cstddef>

#include "estrace/cli/options.h"
#include "estrace/decode/fd_table.h"
#include "estrace/decode/pid_comms.h"
#include "estrace/decode/pid_namespaces.h"
#include "estrace/format/call_formatter.h"
#include "estrace/output/trace_writer.h"
#include "estrace/probe/probe.h"

namespace estrace::app {

// What lines name, learnt by the run as the trace goes: descriptors (-y, -P), each task's pid
// in its own namespace (--pidns), process names (-Y).
struct Names {
  explicit Names(const cli::Options& options);
  decode::FdTable fds;
  decode::PidNamespaces pidns;
  decode::PidComms comms;
};

// The descriptor table is kept for -y, and for -P, which selects calls by the fds' paths.
bool tracks_fds(const cli::Options& options);

// Every row's capture spec (x86_64, then ia32), which calls are traced, which are sent hidden
// only to keep the fd table, and the run's switches. Production filters are target setup's.
probe::Config probe_config(const cli::Options& options);

// How a call prints (-s, -x, -v, -y, -X); descriptors and pids are named from `names`.
format::Style call_style(const cli::Options& options, const Names& names);

// How lines are put together: timestamps, -T, pid prefixes, which signals and dumps show.
// `initial_tasks`: the tasks traced from the start. The realtime offset is left at 0.
output::LineOptions line_options(const cli::Options& options, size_t initial_tasks, Names& names);

}  // namespace estrace::app
