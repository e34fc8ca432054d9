// decode: a task's pid inside its own pid namespace (a container's view), for --pidns.
// Read from /proc/PID/status (NSpid) at the task's first line and kept until it exits; a task
// gone before its first line is shown with its host pid only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace estrace::decode {

class PidNamespaces {
 public:
  // The innermost pid of `tid` when it differs from `tid`, else nullopt.
  std::optional<uint32_t> inner(uint32_t tid) const;
  void exit(uint32_t tid) { known_.erase(tid); }

 private:
  mutable std::unordered_map<uint32_t, std::optional<uint32_t>> known_;
};

// The innermost pid on an NSpid line of /proc/PID/status ("NSpid:\t4242\t7" -> 7).
std::optional<uint32_t> parse_nspid(const std::string& status_text);

}  // namespace estrace::decode
