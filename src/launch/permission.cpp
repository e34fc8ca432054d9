// launch: who estrace may trace. See include/estrace/launch/launch.h.
//
// Why: loading tracing programs needs CAP_BPF and CAP_PERFMON, and once loaded they can read
// any process. Installed with those file capabilities for an ordinary user, estrace must not
// become a way to read other users' processes: it traces only what that user could ptrace,
// as strace can, unless the user is root or holds CAP_SYS_PTRACE.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "estrace/launch/launch.h"

namespace estrace::launch {
namespace {

constexpr int kCapSysPtrace = 19;  // include/uapi/linux/capability.h

// A "Key:\tv1\tv2..." line of /proc/PID/status, or "" when there is none.
std::string status_field(const std::string& pid, const std::string& key) {
  std::ifstream in("/proc/" + pid + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return line.substr(key.size() + 1);
  return {};
}

bool holds_cap_sys_ptrace() {
  std::string eff = status_field("self", "CapEff");
  unsigned long long bits = strtoull(eff.c_str(), nullptr, 16);
  return (bits >> kCapSysPtrace) & 1;
}

bool unrestricted() { return getuid() == 0 || holds_cap_sys_ptrace(); }

// The kernel's own answer for this process's credentials: /proc/PID/mem opens only for a
// tracer that may attach (same uids, a dumpable target, Yama's ptrace_scope).
bool kernel_lets_attach(pid_t pid) {
  int fd = open(("/proc/" + std::to_string(pid) + "/mem").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  close(fd);
  return true;
}

// The real, effective, saved and filesystem uids of `pid` are all the caller's real uid.
bool same_user(pid_t pid) {
  std::istringstream uids(status_field(std::to_string(pid), "Uid"));
  unsigned long uid = 0;
  int n = 0;
  while (uids >> uid) {
    if (uid != getuid()) return false;
    ++n;
  }
  return n == 4;
}

}  // namespace

Error may_trace(pid_t pid) {
  if (unrestricted() || (same_user(pid) && kernel_lets_attach(pid))) return Error{};
  return Error{"attach: cannot trace process " + std::to_string(pid) + ": " + strerror(EPERM) +
               " (estrace traces only the processes its user may ptrace)"};
}

Error may_trace_everyone(const std::string& option) {
  if (unrestricted()) return Error{};
  return Error{option + " traces other users' processes: it needs root or CAP_SYS_PTRACE"};
}

}  // namespace estrace::launch
