// Whole-call decoders (format/decoders.h): clone, clone3, futex, rt_sigreturn, preadv2 and
// pwritev2, chosen by their signature rows. Each prints what strace prints when the call starts
// and the rest at its end.
#include "estrace/format/decoders.h"

#include <linux/futex.h>
#include <linux/sched.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstring>
#include <iterator>
#include <string_view>

#include "estrace/abi/event.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// Prints argument i with the printer of its kind in the signature row.
void arg(const ArgContext& c, int i) {
  if (auto print = printers()[size_t(c.argsig(i).kind)].print)
    print(c, i);
  else
    print_hex(c.out, c.arg(i));
}

constexpr uint64_t kCsignal = 0xff;

// CLONE_VM|...|SIGCHLD: the low byte of clone's flags is the child's exit signal.
void print_clone_flags(const ArgContext& c, uint64_t flags, bool with_signal) {
  uint64_t sig = with_signal ? flags & kCsignal : 0;
  uint64_t rest = with_signal ? flags & ~kCsignal : flags;
  bool printed = rest && print_flags(c.out, c.style.xlat, xlat::kCloneFlags, rest, false);
  if (sig) {
    if (printed) put(c.out, '|');
    print_signo(c.out, c.style.xlat, static_cast<int>(sig));
  } else if (!printed) {
    put(c.out, '0');
  }
}

// x86_64 clone(flags, stack, parent_tid, child_tid, tls): strace names and reorders them.
enum { kFlags, kStack, kPtid, kCtid, kTls };

void clone_enter(const ArgContext& c) {
  put(c.out, "child_stack=");
  print_ptr(c.out, c.arg(kStack));
  put(c.out, ", flags=");
  print_clone_flags(c, c.arg(kFlags), true);
}

void clone_exit(const ArgContext& c) {
  const uint64_t flags = c.arg(kFlags);
  if (flags & CLONE_PARENT_SETTID) {
    // The kernel stored the child's id there: the value the call returns.
    put(c.out, ", parent_tid=");
    if (c.succeeded())
      fmt::format_to(to(c), "[{}]", c.call.ret);
    else
      print_ptr(c.out, c.arg(kPtid));
  }
  if (flags & CLONE_SETTLS) {
    put(c.out, ", tls=");
    print_ptr(c.out, c.arg(kTls));
  }
  if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
    put(c.out, ", child_tidptr=");
    print_ptr(c.out, c.arg(kCtid));
  }
}

// struct clone_args (linux/sched.h): u64 fields in this order.
struct CloneArgs {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
      set_tid_size, cgroup;
};

bool load_clone_args(const ArgContext& c, CloneArgs& a) {
  const model::CaptureView* d = c.data(0);
  if (!d || d->data.size() < 64) return false;
  a = {};
  std::memcpy(&a, d->data.data(), std::min(d->data.size(), sizeof a));
  return true;
}

void clone3_enter(const ArgContext& c) {
  CloneArgs a;
  if (!load_clone_args(c, a)) return print_ptr(c.out, c.arg(0));
  put(c.out, "{flags=");
  print_clone_flags(c, a.flags, false);
  auto ptr_field = [&](const char* name, uint64_t v) {
    fmt::format_to(to(c), ", {}=", name);
    print_ptr(c.out, v);
  };
  if (a.flags & CLONE_PIDFD) ptr_field("pidfd", a.pidfd);
  if (a.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) ptr_field("child_tid", a.child_tid);
  if (a.flags & CLONE_PARENT_SETTID) ptr_field("parent_tid", a.parent_tid);
  put(c.out, ", exit_signal=");
  if (a.exit_signal)
    print_signo(c.out, c.style.xlat, static_cast<int>(a.exit_signal));
  else
    put(c.out, '0');
  ptr_field("stack", a.stack);
  put(c.out, ", stack_size=");
  print_hex(c.out, a.stack_size);
  if (a.flags & CLONE_SETTLS) ptr_field("tls", a.tls);
  if (a.set_tid_size) {
    ptr_field("set_tid", a.set_tid);
    fmt::format_to(to(c), ", set_tid_size={}", a.set_tid_size);
  }
  if (a.flags & 0x200000000ULL /* CLONE_INTO_CGROUP */)
    fmt::format_to(to(c), ", cgroup={}", a.cgroup);
  put(c.out, '}');
}

// " => {parent_tid=[30119]}, 88": what the kernel stored, then the size.
void clone3_exit(const ArgContext& c) {
  CloneArgs a;
  if (load_clone_args(c, a) && c.succeeded() && (a.flags & CLONE_PARENT_SETTID))
    fmt::format_to(to(c), " => {{parent_tid=[{}]}}", c.call.ret);
  fmt::format_to(to(c), ", {}", c.arg(1));
}

// futex(uaddr, op, val, timeout|val2, uaddr2, val3): which of them a command uses, in strace's
// words. `timeout` is a struct timespec for the waiting commands.
enum FutexShape : uint8_t {
  kValOnly,        // WAKE, FD
  kValTimeout,     // WAIT
  kTimeoutOnly,    // LOCK_PI, LOCK_PI2
  kNone,           // UNLOCK_PI, TRYLOCK_PI
  kWaitBitset,     // WAIT_BITSET: val, timeout, bitset
  kWakeBitset,     // WAKE_BITSET: val, bitset (uaddr2 skipped)
  kRequeue,        // REQUEUE: val, val2, uaddr2
  kCmpRequeue,     // CMP_REQUEUE(_PI): val, val2, uaddr2, val3
  kWakeOp,         // WAKE_OP: val, val2, uaddr2, encoded op
  kWaitRequeuePi,  // WAIT_REQUEUE_PI: val, timeout, uaddr2
};

struct FutexRow {
  uint32_t cmd;
  FutexShape shape;
};
constexpr FutexRow kFutexShapes[] = {
    {FUTEX_WAIT, kValTimeout},
    {FUTEX_WAKE, kValOnly},
    {FUTEX_FD, kValOnly},
    {FUTEX_REQUEUE, kRequeue},
    {FUTEX_CMP_REQUEUE, kCmpRequeue},
    {FUTEX_WAKE_OP, kWakeOp},
    {FUTEX_LOCK_PI, kTimeoutOnly},
    {FUTEX_UNLOCK_PI, kNone},
    {FUTEX_TRYLOCK_PI, kNone},
    {FUTEX_WAIT_BITSET, kWaitBitset},
    {FUTEX_WAKE_BITSET, kWakeBitset},
    {FUTEX_WAIT_REQUEUE_PI, kWaitRequeuePi},
    {FUTEX_CMP_REQUEUE_PI, kCmpRequeue},
    {FUTEX_LOCK_PI2, kTimeoutOnly},
};

void futex_timeout(const ArgContext& c) {
  put(c.out, ", ");
  arg(c, 3);  // the Timespec printer: NULL, {tv_sec=.., tv_nsec=..} or the address
}

void futex_bitset(const ArgContext& c) {
  auto v = static_cast<uint32_t>(c.arg(5));
  if (v == FUTEX_BITSET_MATCH_ANY)
    put(c.out, ", FUTEX_BITSET_MATCH_ANY");
  else
    fmt::format_to(to(c), ", {:#x}", v);
}

constexpr const char* kWakeOps[] = {"FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR", "FUTEX_OP_ANDN",
                                    "FUTEX_OP_XOR"};
constexpr const char* kWakeCmps[] = {"FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT",
                                     "FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE"};

// {FUTEX_OP_SET, 0, FUTEX_OP_CMP_GT, 1}
void futex_wake_op(const ArgContext& c) {
  auto v = static_cast<uint32_t>(c.arg(5));
  uint32_t op = (v >> 28) & 7, cmp = (v >> 24) & 15, oparg = (v >> 12) & 0xfff, cmparg = v & 0xfff;
  put(c.out, ", {");
  if (v & (FUTEX_OP_OPARG_SHIFT << 28)) put(c.out, "FUTEX_OP_OPARG_SHIFT|");
  if (op < std::size(kWakeOps))
    put(c.out, kWakeOps[op]);
  else
    fmt::format_to(to(c), "{:#x} /* FUTEX_OP_??? */", op);
  fmt::format_to(to(c), ", {}, ", oparg);
  if (cmp < std::size(kWakeCmps))
    put(c.out, kWakeCmps[cmp]);
  else
    fmt::format_to(to(c), "{:#x} /* FUTEX_OP_CMP_??? */", cmp);
  fmt::format_to(to(c), ", {}}}", cmparg);
}

void futex_enter(const ArgContext& c) {
  print_ptr(c.out, c.arg(0));
  put(c.out, ", ");
  arg(c, 1);  // FUTEX_WAIT_PRIVATE and friends
  auto cmd = static_cast<uint32_t>(c.arg(1)) & FUTEX_CMD_MASK;
  const FutexRow* row = nullptr;
  for (const FutexRow& r : kFutexShapes)
    if (r.cmd == cmd) row = &r;
  auto val = [&] { fmt::format_to(to(c), ", {}", static_cast<uint32_t>(c.arg(2))); };
  auto val2 = [&] { fmt::format_to(to(c), ", {}", static_cast<uint32_t>(c.arg(3))); };
  auto uaddr2 = [&] {
    put(c.out, ", ");
    print_ptr(c.out, c.arg(4));
  };
  if (!row) {  // unknown command: every argument, raw
    val();
    put(c.out, ", ");
    print_ptr(c.out, c.arg(3));
    uaddr2();
    put(c.out, ", ");
    print_hex(c.out, c.arg(5));
    return;
  }
  switch (row->shape) {
    case kNone:
      return;
    case kValOnly:
      return val();
    case kValTimeout:
      val();
      return futex_timeout(c);
    case kTimeoutOnly:
      return futex_timeout(c);
    case kWaitBitset:
      val();
      futex_timeout(c);
      return futex_bitset(c);
    case kWakeBitset:
      val();
      return futex_bitset(c);
    case kRequeue:
      val();
      val2();
      return uaddr2();
    case kCmpRequeue:
      val();
      val2();
      uaddr2();
      fmt::format_to(to(c), ", {}", static_cast<uint32_t>(c.arg(5)));
      return;
    case kWakeOp:
      val();
      val2();
      uaddr2();
      return futex_wake_op(c);
    case kWaitRequeuePi:
      val();
      futex_timeout(c);
      return uaddr2();
  }
}

// rt_sigreturn({mask=[]}): the mask is in the signal frame on the user stack (uc_sigmask of
// the rt_sigframe's ucontext). Printed when a capture of it is attached to argument 0 (the
// BPF side needs a stack-relative copy for that); otherwise strace's fallback text for a frame
// it cannot read, the bare address of nothing, is not guessed: "{mask=...}" is left out.
void rt_sigreturn_enter(const ArgContext& c) {
  const model::CaptureView* d = c.call.capture(0);
  if (!d || (d->result & ES_CAPR_FAULT) || d->data.size() < 8) return;
  uint64_t mask;
  std::memcpy(&mask, d->data.data(), 8);
  put(c.out, "{mask=");
  print_sigmask(c.out, c.style.xlat, mask);
  put(c.out, '}');
}

// preadv2(fd, iov, iovcnt, pos_l, pos_h, flags): strace shows the offset as one number and
// skips pos_h (always 0 on x86_64), then the RWF_* flags.
void pv2_head(const ArgContext& c) {
  arg(c, 0);
  put(c.out, ", ");
}
void pv2_tail(const ArgContext& c) {
  fmt::format_to(to(c), ", {}, {}, ", static_cast<int32_t>(c.arg(2)),
                 static_cast<int64_t>(c.arg(3)));
  print_flags(c.out, c.style.xlat, xlat::kRwfFlags, static_cast<uint32_t>(c.arg(5)));
}
void preadv2_exit(const ArgContext& c) {
  arg(c, 1);
  pv2_tail(c);
}
void pwritev2_enter(const ArgContext& c) {
  pv2_head(c);
  arg(c, 1);
  pv2_tail(c);
}

// By syscalls::Decoder, the choice a signature row makes.
constexpr std::array<CallDecoder, size_t(syscalls::Decoder::Count)> kDecoders = {{
    {},                             // None
    {clone_enter, clone_exit},      // Clone
    {clone3_enter, clone3_exit},    // Clone3
    {futex_enter, nullptr},         // Futex
    {rt_sigreturn_enter, nullptr},  // RtSigreturn
    {pv2_head, preadv2_exit},       // Preadv2
    {pwritev2_enter, nullptr},      // Pwritev2
}};

}  // namespace

const CallDecoder* call_decoder(syscalls::Decoder d) {
  if (d == syscalls::Decoder::None || size_t(d) >= kDecoders.size()) return nullptr;
  return &kDecoders[size_t(d)];
}

}  // namespace estrace::format
