// format: which arguments and return values are pids, for -Y ("kill(1234<bash>, SIGTERM)").
// A table by syscall name, as strace's printpid() call sites are.
#pragma once

#include <cstdint>

namespace estrace::format {

// True when argument `i` of syscall `nr` is a pid (a tid or a process group too).
bool is_pid_arg(uint32_t nr, int i);
// True when the call returns a pid: getpid, fork, wait4...
bool returns_pid(uint32_t nr);
// True when that pid is a new child's (fork, vfork, clone, clone3).
bool returns_child(uint32_t nr);

}  // namespace estrace::format
