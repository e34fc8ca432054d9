// decode: process names for -Y ("1234<bash>"). Learnt from the records (exec sets a task's
// name, fork copies it, exit forgets it), read from /proc for anything else, the way strace
// reads /proc/PID/comm when it prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "estrace/model/names.h"

namespace estrace::decode {

class PidComms final : public model::PidNames {
 public:
  // The name `pid` had at `at_ns` (CLOCK_MONOTONIC; 0: now). A pid the records never named is
  // read from /proc, and kept when `traced` (its fork and exec will keep it current).
  std::optional<std::string> comm(int pid, uint64_t at_ns, bool traced) const override;

  void fork(uint32_t parent_tid, uint32_t child_tid);
  // `tid` exec'd at `ts_ns` (a non-leader `old_tid` took over the leader's pid).
  void exec(uint32_t tid, uint32_t old_tid, std::string_view comm, uint64_t ts_ns);
  void exit(uint32_t tid) { known_.erase(tid); }
  void set(uint32_t tid, std::string comm) { known_[tid] = Entry{std::move(comm), {}, 0}; }

 private:
  struct Entry {
    std::string comm;
    std::string before;  // the name until `since` (an execve line starts under the old name)
    uint64_t since = 0;
  };
  mutable std::unordered_map<uint32_t, Entry> known_;
};

// /proc/PID/comm without its newline; nullopt when the process is gone.
std::optional<std::string> read_proc_comm(int pid);

}  // namespace estrace::decode
