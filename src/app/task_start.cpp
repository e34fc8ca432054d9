// app: starting to trace the targets' tasks. See include/estrace/app/task_start.h.
#include "estrace/app/task_start.h"

#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "estrace/abi/event.h"
#include "estrace/app/trace_output.h"
#include "estrace/syscalls/compat.h"
#include "estrace/util/clock.h"

namespace estrace::app {
namespace {

// What the command starts with is what estrace has: its cwd, its inherited fds.
void seed_fd_table(int pid, decode::FdTable& fds) {
  std::error_code ec;
  fds.set_cwd(pid, std::filesystem::current_path(ec).native());
  for (int fd : launch::inherited_fds()) {
    auto target = std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
    if (!ec) fds.set(pid, fd, target.native());
  }
}

// Calls already in progress are shown at once, as strace shows them at attach.
void show_calls_in_progress(const AttachTarget& target, decode::Decoder& decoder,
                            decode::Handler& first) {
  for (uint32_t tid : target.tids) {
    auto call = launch::call_in_progress(target.pid, tid);
    if (!call || call->nr >= ES_MAX_SYSCALLS) continue;
    uint32_t nr = call->i386 ? syscalls::compat_key(call->nr) : call->nr;
    decoder.in_progress(tid, target.pid, nr, call->args, now_ns(CLOCK_MONOTONIC), first);
  }
}

}  // namespace

int release_command(launch::GatedChild& child, const TaskStart& start) {
  if (auto comm = decode::read_proc_comm(child.pid())) start.names.comms.set(child.pid(), *comm);
  if (tracks_fds(start.options)) seed_fd_table(child.pid(), start.names.fds);
  start.probe.trace_task(child.pid(), probe::kTraced | probe::kArmedUntilExec);
  start.writer.add_task(child.pid());
  return child.open();
}

void attach_processes(const Targets& targets, const TaskStart& start, EventFlow& flow,
                      decode::Handler& first, output::Sink& sink) {
  for (const auto& target : targets.attach) {
    for (uint32_t tid : target.tids) {
      start.probe.trace_task(tid, probe::kTraced | probe::kAttached);
      start.writer.add_task(tid);
      if (auto comm = decode::read_proc_comm(static_cast<int>(tid)))
        start.names.comms.set(tid, *comm);
    }
    if (!start.options.quiet) {
      const size_t n = target.tids.size();
      say(n > 1 ? fmt::format("Process {} attached with {} threads", target.pid, n)
                : fmt::format("Process {} attached", target.pid));
    }
    // -c writes nothing but the summary.
    if (start.options.summary.mode != summary::Mode::Only)
      show_calls_in_progress(target, flow.decoder(), first);
    sink.flush();
  }
}

void say_attached(const cli::Options& options, const Targets& targets) {
  if (options.quiet) return;
  std::string filters;
  for (const auto& c : options.comms) filters += (filters.empty() ? " named " : " or ") + c;
  if (options.uid) filters += fmt::format(" of uid {}", *options.uid);
  for (const auto& target : targets.identity) say(fmt::format("Attached to {}{}", target, filters));
}

void say_detached(const cli::Options& options, const Targets& targets) {
  if (options.quiet) return;
  for (const auto& target : targets.attach) say(fmt::format("Process {} detached", target.pid));
  for (const auto& target : targets.identity) say("Detached from " + target);
}

}  // namespace estrace::app
