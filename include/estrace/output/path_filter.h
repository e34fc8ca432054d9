// output: -P PATH. Passes on only the calls that touch one of the paths: a path argument equal
// to it, or a descriptor argument or result open on it (what -y would show), as strace decides.
// Signals and exits pass unchanged.
//
// Decided here, in userspace, not in the kernel: it compares the strings of arbitrary path
// arguments and needs the descriptor table (FdTable) to name fds, neither of which a BPF
// program has. The kernel still narrows the syscall set to the calls that take a path or a
// descriptor (see the pipeline), so other calls cost no record.
#pragma once

#include <string>
#include <vector>

#include "estrace/decode/decoder.h"
#include "estrace/model/names.h"

namespace estrace::output {

class PathFilter final : public decode::Handler {
 public:
  PathFilter(std::vector<std::string> paths, const model::FdNames& fds, decode::Handler& next)
      : paths_(std::move(paths)), fds_(fds), next_(next) {}

  // True when `call` names one of the paths or uses a descriptor open on one.
  bool touches(const model::Call& call) const;

  // A call is judged when it ends (its path arguments are captured at exit), so the writer
  // prints whole lines under -P.
  void on_call_start(const model::Call&, bool) override {}
  void on_call_end(const model::Call& call, bool started) override {
    if (touches(call)) next_.on_call_end(call, started);
  }
  void on_signal(const model::Signal& signal) override { next_.on_signal(signal); }
  void on_exit(const model::Exit& exit) override { next_.on_exit(exit); }
  void on_fork(uint32_t parent_tid, uint32_t child_tid, uint32_t child_tgid) override {
    next_.on_fork(parent_tid, child_tid, child_tgid);
  }
  void on_exec(uint32_t tid, uint32_t old_tid) override { next_.on_exec(tid, old_tid); }

 private:
  bool selected(std::string_view path) const;
  bool fd_selected(uint32_t tgid, int64_t fd, bool result) const;

  std::vector<std::string> paths_;
  const model::FdNames& fds_;
  decode::Handler& next_;
};

// True when `nr` takes a path or a descriptor (or returns one): the calls -P can select.
bool may_touch_path(uint32_t nr);

}  // namespace estrace::output
