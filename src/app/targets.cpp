// app: finding what to trace. See include/estrace/app/targets.h.
#include "estrace/app/targets.h"

#include <utility>

#include "estrace/launch/cgroup.h"
#include "estrace/launch/launch.h"

namespace estrace::app {

size_t Targets::initial_tasks() const {
  size_t tasks = command_path.empty() ? 0 : 1;
  for (const auto& target : attach) tasks += target.tids.size();
  return tasks;
}

Result<Targets> find_targets(const cli::Options& options) {
  Targets targets;
  if (!options.command.empty()) {
    auto resolved = launch::resolve_command(options.command[0]);
    if (!resolved) return Error{resolved.error()};
    targets.command_path = std::move(*resolved);
  }
  for (int pid : options.pids) {
    auto tids = launch::threads_of(pid);
    if (!tids) return Error{tids.error()};
    targets.attach.push_back({pid, std::move(*tids)});
  }
  return targets;
}

std::optional<std::string> find_cgroups(const cli::Options& options, Targets& targets,
                                        probe::Config& config) {
  if (!options.by_identity()) return std::nullopt;
  // These reach every user's processes: not for a user who could not ptrace them all.
  const char* option = options.all                   ? "--all"
                       : !options.cgroups.empty()    ? "--cgroup"
                       : !options.containers.empty() ? "--container"
                       : !options.comms.empty()      ? "--comm"
                                                     : "--uid";
  if (auto denied = launch::may_trace_everyone(option); !denied.message.empty())
    return denied.message;
  std::vector<launch::CgroupTarget> found;
  for (const auto& path : options.cgroups) {
    auto target = launch::resolve_cgroup(path);
    if (!target) return target.error();
    found.push_back(*target);
  }
  for (const auto& id : options.containers) {
    auto target = launch::resolve_container(id, launch::cgroup2_mounts());
    if (!target) return target.error();
    found.push_back(*target);
  }
  for (const auto& t : found) {
    config.cgroups.push_back({t.id, t.level});
    targets.identity.push_back("cgroup " + t.path);
  }
  if (found.empty()) targets.identity.emplace_back("all processes");
  return std::nullopt;
}

}  // namespace estrace::app
