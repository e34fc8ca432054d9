// format: Event -> strace's text. Owns xlat tables, argument printers, family decoders and the
// line pieces (timestamps, return values, signal and exit lines). Does not link libbpf.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "estrace/format/modes.h"
#include "estrace/model/event.h"
#include "estrace/model/names.h"

namespace estrace::format {

struct Style {
  unsigned string_limit = 32;  // -s
  HexMode hex = HexMode::None;
  bool verbose = false;                   // -v
  int decode_fds = 0;                     // -y 1, -yy 2
  const model::FdNames* fds = nullptr;    // consulted when decode_fds > 0
  const model::PidNames* pids = nullptr;  // -Y: pids print as 1234<bash>
  XlatMode xlat = XlatMode::Abbrev;       // -X
};

class CallFormatter {
 public:
  explicit CallFormatter(Style style) : style_(style) {}

  // What strace prints when the call starts: the name, "(", and the arguments the call reads,
  // up to the first one it writes: "read(3, ", "flock(3, LOCK_EX", "openat(AT_FDCWD, \"/x\",
  // O_RDONLY".
  void enter_part(const model::Call& call, fmt::memory_buffer& out) const;

  // The rest, printed when it returns: "\"abc\", 4096) = 3", ") = 0",
  // ") = -1 ENOENT (No such file or directory)", ") = ?" when !call.returned.
  // Like strace, pads so that "=" lands at column 40 of the current line, counted from the last
  // '\n' in `out`: write the line prefix (pid, timestamp) and the enter part, or
  // "<... NAME resumed>", into the same buffer first.
  void exit_part(const model::Call& call, fmt::memory_buffer& out) const;

  // exit_part in its two pieces, so the line writer can align "= RET" at strace's column 40
  // (which counts the pid prefix and timestamp): the remaining arguments and ")" ...
  void exit_args(const model::Call& call, fmt::memory_buffer& out) const;
  // ... and the return value without a leading space: "= 3", "= -1 ENOENT (No such file or
  // directory)", "= ?", "= 0x7f1234560000".
  void return_value(const model::Call& call, fmt::memory_buffer& out) const;

  // The name as strace shows it in "<... NAME resumed>" (syscall_0x1c2 when unknown).
  std::string name(const model::Call& call) const;

  const Style& style() const { return style_; }

 private:
  Style style_;
};

// strace's return column (its -a 40): the spaces after the arguments' ")" that put "= RET" at
// column 40, or one space when the line, `column` columns long so far, is already past it.
void pad_return_column(size_t column, fmt::memory_buffer& out);

// "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---"
// `style`: -Y names si_pid, -X prints the constants raw or verbose.
void format_signal(const model::Signal& sig, fmt::memory_buffer& out, const Style* style = nullptr);

// A pid, with "<comm>" after it under -Y when the name is known; a new child's pid that is
// gone already takes the name of `parent` (its forker's tid) when given.
void format_pid(const Style& style, int64_t pid, uint64_t at_ns, fmt::memory_buffer& out,
                uint32_t parent = 0);

// "+++ exited with 0 +++", "+++ killed by SIGKILL +++", "+++ killed by SIGSEGV (core dumped) +++"
void format_exit(const model::Exit& exit, fmt::memory_buffer& out);

// Line prefix timestamps: "12:34:56 " (-t), "12:34:56.123456 " (-tt), "1700000000.123456 " (-ttt).
// `realtime_ns` is nanoseconds since the epoch; local time like strace.
void format_timestamp(TimeMode mode, uint64_t realtime_ns, fmt::memory_buffer& out);

// -T: " <0.000123>"
void format_duration(uint64_t ns, fmt::memory_buffer& out);

}  // namespace estrace::format
