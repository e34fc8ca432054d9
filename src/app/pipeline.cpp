// app: one tracing run, start to exit status. See include/estrace/app/pipeline.h.
#include "estrace/app/pipeline.h"

#include <csignal>
#include <ctime>
#include <future>
#include <optional>
#include <utility>

#include "estrace/app/event_flow.h"
#include "estrace/app/handler_chain.h"
#include "estrace/app/reports.h"
#include "estrace/app/run_config.h"
#include "estrace/app/run_end.h"
#include "estrace/app/signals.h"
#include "estrace/app/targets.h"
#include "estrace/app/task_start.h"
#include "estrace/app/trace_output.h"
#include "estrace/app/tracing_loop.h"
#include "estrace/ingest/ring_reader.h"
#include "estrace/launch/launch.h"
#include "estrace/probe/probe.h"
#include "estrace/util/clock.h"

namespace estrace::app {
namespace {

// The part of a run after the probe is loaded: the tasks, the loop, the end.
int trace(const cli::Options& options, Targets& targets, probe::Probe& probe, TraceOutput& output) {
  Names names(options);
  HandlerChain chain(options, names, output.sink(), targets.initial_tasks());
  EventFlow flow(chain.first(), output.sink(), options.decode_pids_comm ? &names.comms : nullptr);
  install_signal_handlers();
  Reports reports(options, probe, output, now_ns(CLOCK_MONOTONIC));
  const TaskStart start{options, probe, chain.writer(), names};

  std::optional<launch::GatedChild> child;
  if (!options.command.empty()) {
    auto spawned = launch::GatedChild::spawn(targets.command_path, options.command);
    if (!spawned) {
      say(spawned.error());
      return 1;
    }
    child.emplace(std::move(*spawned));
  }
  // Mapping the rings costs ~1 ms each (every page, twice): it overlaps the command's exec.
  // After the fork, which would otherwise wait for the mappings (and copy them). Records
  // wait in the rings meanwhile; nothing reads them before the drain thread starts.
  auto reader_opened = std::async(
      std::launch::async, [fds = probe.ring_fds()] { return ingest::RingReader::open(fds); });
  const int exec_error = child ? release_command(*child, start) : 0;
  auto reader = reader_opened.get();
  if (!reader) {
    say(reader.error());
    if (child) kill(child->pid(), SIGKILL);  // it would run untraced
    return 1;
  }
  flow.start(std::move(*reader), child ? child->pid() : 0);
  attach_processes(targets, start, flow, chain.first(), output.sink());
  say_attached(options, targets);

  const Ending ending =
      trace_until_end({flow, chain.writer(), probe, reports, output, child ? child->pid() : 0,
                       !targets.attach.empty(), options.by_identity()});
  flow.finish();
  return end_run(ending,
                 {options, targets, chain.writer(), reports, output, flow.malformed(), exec_error});
}

}  // namespace

int run(const cli::Options& options) {
  // Fail fast on what the user can fix, before loading anything.
  auto targets = find_targets(options);
  if (!targets) {
    say(targets.error());
    return 1;
  }
  auto output = TraceOutput::open(options);
  if (!output) {
    say(output.error());
    return 1;
  }
  probe::Config config = probe_config(options);
  // Production filters: what --cgroup/--container name, resolved now so a typo fails fast.
  if (auto error = find_cgroups(options, *targets, config)) {
    say(*error);
    return 1;
  }
  auto probe = probe::Probe::start(config);
  if (!probe) {
    say(probe.error());
    return 1;
  }
  for (const auto& notice : (*probe)->notices()) say(notice);
  return trace(options, *targets, **probe, *output);
}

}  // namespace estrace::app
