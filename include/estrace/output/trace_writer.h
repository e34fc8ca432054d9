// output: assembles strace's lines from decoded events: pid prefixes, timestamps, the
// "= ret" column, -T, and "<unfinished ...>" / "<... NAME resumed>" when tasks interleave.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "estrace/decode/decoder.h"
#include "estrace/decode/pid_namespaces.h"
#include "estrace/format/call_formatter.h"
#include "estrace/output/sink.h"

namespace estrace::output {

struct LineOptions {
  format::TimeMode time = format::TimeMode::None;
  bool show_duration = false;              // -T
  bool pid_prefix_always = false;          // -f with -o: "%-5d " on every line
  bool to_terminal_stream = true;          // not -o: "[pid N] " while several tasks are traced
  bool terminal_prefix_always = false;     // ... or always (tasks chosen by cgroup, --all)
  decode::PidNamespaces* pidns = nullptr;  // --pidns: "[pid 4242 (ns 7)]"
  bool whole_lines = false;        // -z/-Z/status=: print a call only when it ends, in one piece
  int64_t realtime_offset_ns = 0;  // CLOCK_REALTIME - CLOCK_MONOTONIC, for -t/-tt/-ttt
  bool syscall_numbers = false;    // -n: "[  0] " after the pid and the timestamp
  const model::PidNames* comms = nullptr;  // -Y: "[pid 1234<bash>] ", "1234<bash> "
  std::function<bool(int)> show_signal;    // -e signal=: which "--- SIG ---" lines; empty: all
  std::function<bool(int)> dump_read;      // -e read=: descriptors whose reads are dumped
  std::function<bool(int)> dump_write;     // -e write=: ... and whose writes are
  bool personality_notices = false;  // "[ Process PID=N runs in 32 bit mode. ]" (cli::Options)
};

class TraceWriter final : public decode::Handler {
 public:
  TraceWriter(format::CallFormatter formatter, LineOptions options, Sink& sink);

  // A task traced from the start (launched or attached): counts toward "several tasks".
  void add_task(uint32_t tid) { live_.insert(tid); }
  size_t live_tasks() const { return live_.size(); }
  // Ends any partial line (at detach: strace's " <detached ...>").
  void finish_partials(std::string_view suffix);
  // Lines written (calls, signals, exits): with lost records, accounts for every call.
  uint64_t calls_written() const { return calls_written_; }

  void on_call_start(const model::Call& call, bool in_progress) override;
  void on_call_end(const model::Call& call, bool started) override;
  void on_signal(const model::Signal& signal) override;
  void on_exit(const model::Exit& exit) override;
  void on_fork(uint32_t parent_tid, uint32_t child_tid, uint32_t child_tgid) override;
  void on_exec(uint32_t tid, uint32_t old_tid) override;

 private:
  void interrupt_others(uint32_t tid);
  void note_personality(const model::Call& call);
  void prefix(uint32_t tid, uint64_t mono_ns);
  void pid_prefix(uint32_t tid, uint64_t mono_ns);
  void dump_io(const model::Call& call);
  void end_line(uint32_t tid);
  size_t column() const { return carried_col_ + buf_.size(); }

  format::CallFormatter formatter_;
  LineOptions options_;
  Sink& sink_;
  fmt::memory_buffer buf_;
  size_t carried_col_ = 0;                        // columns already written by a partial
  std::unordered_map<uint32_t, size_t> partial_;  // tid -> column of its open line
  std::unordered_set<uint32_t> live_;
  std::unordered_map<uint32_t, uint32_t> last_nr_;  // -n: a signal or exit line shows it
  void remember_nr(const model::Call& call);
  std::unordered_map<uint32_t, bool> compat_;  // tid -> its last call was a 32-bit one
  uint64_t calls_written_ = 0;
};

}  // namespace estrace::output
