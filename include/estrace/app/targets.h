// app: what a run traces, checked before anything is loaded so that a mistake the user can fix
// fails fast: the command to launch, the processes to attach to, the cgroups to match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estrace/cli/options.h"
#include "estrace/probe/probe.h"
#include "estrace/util/result.h"

namespace estrace::app {

// A process named with -p, and its threads as /proc listed them.
struct AttachTarget {
  int pid = 0;
  std::vector<uint32_t> tids;
};

struct Targets {
  std::string command_path;           // the file the command runs; empty: no command
  std::vector<AttachTarget> attach;   // -p
  std::vector<std::string> identity;  // "cgroup PATH" or "all processes": tasks matched by identity
  // The tasks traced from the start: the command and every attached thread.
  size_t initial_tasks() const;
};

// The command found on $PATH and the -p processes' threads; the error is one line.
Result<Targets> find_targets(const cli::Options& options);

// --cgroup and --container resolved into `config`'s identity filter and named in `targets`;
// the error is one line.
std::optional<std::string> find_cgroups(const cli::Options& options, Targets& targets,
                                        probe::Config& config);

}  // namespace estrace::app
