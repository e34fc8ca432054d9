// launch: start a command behind a gate (so capture is live before its execve) and find
// what to attach to in /proc (threads, calls already in progress).
#pragma once

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estrace/util/result.h"

namespace estrace::launch {

// The file execve will run: CMD itself if it has a '/', else the first executable match
// in $PATH (as strace resolves it before forking, so its execve line shows the full path).
Result<std::string> resolve_command(const std::string& name);

// Notes which descriptors estrace inherited (call first thing in main): a launched command
// gets those, as it would without estrace, and none of the ones estrace opened itself.
void remember_inherited_fds();
// Those descriptors (0, 1, 2 and any others a launched command will share).
const std::vector<int>& inherited_fds();

// A forked child stopped before execve until open() is called.
class GatedChild {
 public:
  static Result<GatedChild> spawn(const std::string& path, const std::vector<std::string>& argv);
  GatedChild(GatedChild&& other) noexcept;
  GatedChild& operator=(GatedChild&&) = delete;
  ~GatedChild();

  pid_t pid() const { return pid_; }
  // Lets the child exec. Returns the errno of a failed execve, or 0 once it succeeded.
  int open();

 private:
  GatedChild(pid_t pid, int gate_fd, int error_fd)
      : pid_(pid), gate_fd_(gate_fd), error_fd_(error_fd) {}
  pid_t pid_;
  int gate_fd_;   // write end: closing it releases the child
  int error_fd_;  // read end: the child's execve errno, or EOF on success (O_CLOEXEC)
};

// Thread ids of a process (from /proc/PID/task). Errors: the process does not exist, or the
// user who ran estrace may not trace it (may_trace).
Result<std::vector<uint32_t>> threads_of(pid_t pid);

// Whether the user who ran estrace may trace `pid`: always for root or a holder of
// CAP_SYS_PTRACE, else only a process that user could ptrace (its own, dumpable, as Yama
// allows), whatever capabilities the binary was given. The message is empty when it may.
Error may_trace(pid_t pid);
// The same for the identity filters (`option`: --all, --cgroup...), which reach every user's
// processes: root or CAP_SYS_PTRACE only.
Error may_trace_everyone(const std::string& option);

// The syscall a thread is blocked in now (from /proc/PID/task/TID/syscall), if any.
struct InProgress {
  uint32_t nr = 0;
  std::array<uint64_t, 6> args{};
  bool i386 = false;  // a 32-bit program's: nr is an i386 number (/proc does not say; its ELF does)
};
std::optional<InProgress> call_in_progress(pid_t pid, uint32_t tid);

// Parses the text of /proc/PID/task/TID/syscall ("running", "-1 sp pc", "NR a1..a6 sp pc").
std::optional<InProgress> parse_proc_syscall(const std::string& text);

}  // namespace estrace::launch
