// decode: raw records -> typed events. Validates every record (a malformed one is counted,
// never trusted), pairs an enter record with its exit per task, and merges their captures.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "estrace/model/event.h"

namespace estrace::decode {

// decode produces the model's events; its code names them without the prefix.
using model::Call;
using model::CaptureView;
using model::Exit;
using model::kMaxCallCaptures;
using model::Signal;

// What the decoder hands on, in order. Call references are valid only during the callback.
class Handler {
 public:
  virtual ~Handler() = default;
  // A call has started and may block: an enter record, or a call found in progress at attach
  // (`in_progress`: it must be shown at once, as "<unfinished ...>").
  virtual void on_call_start(const Call& call, bool in_progress) = 0;
  // A call has ended; `started` when on_call_start was given for it.
  virtual void on_call_end(const Call& call, bool started) = 0;
  virtual void on_signal(const Signal& signal) = 0;
  virtual void on_exit(const Exit& exit) = 0;
  virtual void on_fork(uint32_t parent_tid, uint32_t child_tid, uint32_t child_tgid) = 0;
  virtual void on_exec(uint32_t tid, uint32_t old_tid) = 0;
};

class PidComms;

class Decoder {
 public:
  // -Y: keep `comms` current from fork, exec and exit records (the caller owns it).
  void set_comms(PidComms* comms) { comms_ = comms; }
  // Decodes one record (bytes as written by the BPF side) and calls `handler`.
  void feed(std::span<const uint8_t> record, Handler& handler);
  // A call found blocked at attach (from /proc/PID/task/TID/syscall); `nr` is an x86_64 number
  // or an ia32 key (syscalls/compat.h).
  void in_progress(uint32_t tid, uint32_t tgid, uint32_t nr, const std::array<uint64_t, 6>& args,
                   uint64_t ts_ns, Handler& handler);
  uint64_t malformed() const { return malformed_; }

 private:
  struct Started {
    std::vector<uint8_t> bytes;  // the enter record, owning what its captures point at
    Call call;
  };
  // Fills `call`, which must be freshly made (not cleared here: a Call is ~350 bytes and this
  // runs for every record).
  bool parse_call(std::span<const uint8_t> record, Call& call);
  static void to_compat_layout(Call& call);
  void end_call(std::span<const uint8_t> record, Handler& handler);

  void flush_deferred(uint32_t tid, Handler& handler);

  std::unordered_map<uint32_t, Started> started_;  // by tid
  // Ignored signals (strace would see them delivered when the call in progress ends).
  std::unordered_map<uint32_t, std::vector<Signal>> deferred_;
  uint64_t malformed_ = 0;
  PidComms* comms_ = nullptr;
};

}  // namespace estrace::decode
