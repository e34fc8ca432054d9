// syscalls: the ia32 (i386) calls of 32-bit processes on x86_64. They share the x86_64 number
// space, shifted: key = kCompatBase + i386 number. Records, the BPF spec map, -e trace= sets and
// signature() all use keys, so the rest of estrace needs no second code path.
//
// Most i386 calls have the x86_64 call's arguments once pointers are zero-extended (open, read,
// openat): their rows reuse the x86_64 row by name. The others have rows of their own (mmap2,
// _llseek, stat64, ugetrlimit, set_thread_area) or 64-bit values split over two registers
// (pread64's offset), which widen_compat_args() joins before anything prints them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "estrace/abi/capture_spec.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {

constexpr uint32_t kCompatBase = ES_COMPAT_BASE;

constexpr uint32_t compat_key(uint32_t i386_nr) { return kCompatBase + i386_nr; }
constexpr bool is_compat_key(uint32_t key) { return key >= kCompatBase; }
// The number the task passed in its register (what strace's -n shows).
constexpr uint32_t arch_number(uint32_t key) {
  return is_compat_key(key) ? key - kCompatBase : key;
}

// The row for an ia32 key (its nr is the key), or nullptr. signature() answers keys too.
const Signature* compat_signature(uint32_t key);

// All ia32 rows, in number order.
std::span<const Signature> compat_signatures();

// The key of an ia32 call by name ("mmap2" -> kCompatBase + 192).
std::optional<uint32_t> compat_number_of(std::string_view name);

// The x86_64 number whose row and whole-call decoder an ia32 key shares (futex_time64 ->
// futex), or nullopt when the i386 layout is its own. x86_64 numbers map to themselves (inline:
// the printer asks this for every call).
std::optional<uint32_t> compat_shared_layout(uint32_t key);
inline std::optional<uint32_t> shared_layout(uint32_t key) {
  return is_compat_key(key) ? compat_shared_layout(key) : std::optional<uint32_t>(key);
}

// Where printed argument i of an ia32 call comes from: one register, or a 64-bit value whose
// low and high halves are in two (pread64's pos_l, pos_h).
struct ArgSource {
  static constexpr uint8_t kNone = 0xff;
  uint8_t reg = 0;     // the register (i386 argument index) holding the value or its low half
  uint8_t hi = kNone;  // the register holding the high half, if any
};
ArgSource compat_arg_source(uint32_t key, int i);

// Rewrites an ia32 call's registers into its row's layout: split 64-bit values joined, other
// arguments moved to their printed position, and 32-bit signed arguments (ints, offsets, fds)
// sign-extended so -1 and AT_FDCWD print as such. x86_64 keys are left alone.
void widen_compat_args(uint32_t key, std::array<uint64_t, 6>& args);

// socketcall(SYS_X, args) is shown as the call SYS_X (linux/net.h) with args[], as strace
// shows it: that call's number (an ia32 key; x86_64's accept, which i386 has only through
// socketcall), or nullopt for send and recv, which neither table has.
std::optional<uint32_t> socketcall_target(uint64_t subcall);

// The printed index of i386 argument register `reg` (captures name the register), or -1.
int compat_printed_index(uint32_t key, int reg);

}  // namespace estrace::syscalls
