// decode: process names for -Y. See include/estrace/decode/pid_comms.h.
#include "estrace/decode/pid_comms.h"

#include <fstream>

namespace estrace::decode {

std::optional<std::string> read_proc_comm(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  if (!in || !std::getline(in, name)) return std::nullopt;
  return name;
}

std::optional<std::string> PidComms::comm(int pid, uint64_t at_ns, bool traced) const {
  if (pid <= 0) return std::nullopt;
  auto it = known_.find(static_cast<uint32_t>(pid));
  if (it != known_.end()) {
    const Entry& e = it->second;
    return at_ns != 0 && at_ns < e.since && !e.before.empty() ? e.before : e.comm;
  }
  auto name = read_proc_comm(pid);
  if (name && traced) known_[static_cast<uint32_t>(pid)] = Entry{*name, {}, 0};
  return name;
}

void PidComms::fork(uint32_t parent_tid, uint32_t child_tid) {
  auto parent = known_.find(parent_tid);
  std::optional<std::string> name =
      parent != known_.end() ? parent->second.comm : read_proc_comm(static_cast<int>(child_tid));
  if (name) known_[child_tid] = Entry{*name, {}, 0};
}

void PidComms::exec(uint32_t tid, uint32_t old_tid, std::string_view comm, uint64_t ts_ns) {
  std::string before;
  if (auto it = known_.find(old_tid); it != known_.end()) before = it->second.comm;
  if (old_tid != tid) known_.erase(old_tid);
  known_[tid] = Entry{std::string(comm.substr(0, comm.find('\0'))), std::move(before), ts_ns};
}

}  // namespace estrace::decode
