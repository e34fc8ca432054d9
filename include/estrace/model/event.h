// model: the typed events decode produces and format and output consume. Plain data,
// no libbpf and no text. A Call's captures are views into bytes owned by whoever produced the
// Call (the decoder keeps them alive until the line is written).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace estrace::model {

// A return value in the kernel's error range (-4095..-1): the call failed with errno -ret.
constexpr bool is_error_return(int64_t ret) { return ret < 0 && ret >= -4095; }

struct CaptureView {
  uint8_t arg = 0;     // argument index the bytes belong to
  uint8_t kind = 0;    // es_capture_kind
  uint8_t result = 0;  // es_capture_result bits: truncated, fault
  std::string_view data;
  bool at_enter = false;  // copied when the call started (an in/out argument's "before")
};

inline constexpr int kMaxCallCaptures = 8;

struct Call {
  uint32_t tid = 0;
  uint32_t tgid = 0;
  uint64_t enter_ns = 0;  // CLOCK_MONOTONIC
  uint64_t exit_ns = 0;
  uint32_t nr = 0;      // x86_64 syscall number, or an ia32 key (syscalls/compat.h)
  bool compat = false;  // a 32-bit call: nr is a key, args are laid out as its row prints them
  std::array<uint64_t, 6> args{};
  int64_t ret = 0;
  bool returned = true;  // false: the task exited inside the call, printed "= ?"
  bool hidden = false;   // not to be shown: sent only so -y/-P follow the descriptor table
  std::array<CaptureView, kMaxCallCaptures> captures{};
  int ncaptures = 0;

  // The capture for argument `arg`, or nullptr when nothing was copied for it. When both
  // enter and exit copied it, the exit's copy: what the call used or produced.
  const CaptureView* capture(int arg) const {
    const CaptureView* found = nullptr;
    for (int i = 0; i < ncaptures; ++i)
      if (captures[i].arg == arg && (!found || found->at_enter)) found = &captures[i];
    return found;
  }
  // The copy made when the call started (accept's addrlen before: "[110 => 16]").
  const CaptureView* capture_at_enter(int arg) const {
    for (int i = 0; i < ncaptures; ++i)
      if (captures[i].arg == arg && captures[i].at_enter) return &captures[i];
    return nullptr;
  }
};

struct Signal {
  uint32_t tid = 0;
  uint32_t tgid = 0;
  uint64_t ts_ns = 0;
  int sig = 0;
  std::array<uint8_t, 48> siginfo{};  // struct kernel_siginfo as the kernel built it
};

struct Exit {
  uint32_t tid = 0;
  uint32_t tgid = 0;
  uint64_t ts_ns = 0;
  int status = 0;  // wait(2) layout
};

}  // namespace estrace::model
