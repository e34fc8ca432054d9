// The BPF capture row, derived from the signature table: each argument kind says what to copy.
//
// Sizes and -s: strace prints at most -s bytes of a buffer and "..." after it when there was
// more. For buffers whose full length is known from an argument (write) or the return value
// (read), copying -s bytes is enough: the length tells whether "..." is due. NUL-terminated
// strings have no length, so they are copied with one byte more than -s: if that byte arrives,
// the string was longer. Paths ignore -s (strace prints them whole), fixed structs have their
// size. Everything is capped at ES_MAX_CAPTURE_BYTES (the BPF copy bound).
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {
namespace {

using K = ArgKind;

// struct kernel_sigaction on x86_64: handler, flags, restorer, mask (8 bytes each).
constexpr uint16_t kKernelSigactionSize = 32;
constexpr uint16_t kKernelSigsetSize = 8;
constexpr uint16_t kSockaddrMax = 128;  // sizeof(struct sockaddr_storage)

uint16_t clip(unsigned n) {
  return static_cast<uint16_t>(std::min<unsigned>(n, ES_MAX_CAPTURE_BYTES));
}

struct Rule {
  uint8_t kind = ES_CAP_NONE;
  uint16_t size = 0;
  bool success_only = false;  // output the call fills: nothing to read when it failed
  bool len_from_aux = false;  // slot.len_arg = ArgSig.aux
  uint8_t when = 0;           // 0: by the call's flags; else forced (in/out arguments)
};

// An in/out argument: its value before (enter) and after (exit) are both printed.
constexpr uint8_t kBoth = ES_AT_ENTER | ES_AT_EXIT;
// Sizes of the x86_64 structures copied whole (uapi layouts).
constexpr uint16_t kStatxSize = 256, kSysinfoSize = 112, kUtsnameSize = 390, kRusageSize = 144,
                   kEpollEventSize = 12, kItimerspecSize = 32, kFdSetMax = 128, kTimevalSize = 16,
                   kFlockSize = 32, kCloneArgsMax = 128, kCpuSetMax = 128, kIovecSize = 16,
                   kMsgControlMax = 1024;
constexpr unsigned kSockoptMin = 16;
// i386 layouts: old_timespec32, compat_rlimit, struct stat64, compat_sigaction (handler, flags,
// restorer, 8-byte mask), struct user_desc.
constexpr uint16_t kTimespec32Size = 8, kRlimit32Size = 8, kStat64Size = 96, kSigaction32Size = 20,
                   kUserDescSize = 16;

// Captures that read pointers or longs inside user memory at x86_64's width (struct flock):
// an ia32 call's would be misread, so its argument prints as an address instead. Pointer
// arrays, iovecs and msghdrs are read at 32 bits for it (ES_CAPF_PTR32).
bool reads_64bit_layout(K kind) { return kind == K::FcntlArg; }
bool has_32bit_variant(K kind) {
  return kind == K::Argv || kind == K::Envp || kind == K::Iovec || kind == K::Msghdr;
}

// The register an argument's pointer (or length) is in: ia32 rows may print their arguments
// in another order than the registers hold them (compat.h).
es_u8 reg_of(uint32_t nr, int i) {
  return static_cast<es_u8>(is_compat_key(nr) ? compat_arg_source(nr, i).reg : i);
}

Rule rule_for(const ArgSig& a, unsigned limit, bool verbose) {
  const bool o = a.dir == kOut;
  switch (a.kind) {
    case K::Path:
      return {ES_CAP_PATH, ES_PATH_MAX, o, false};
    case K::Str:
      return {ES_CAP_STRING, clip(limit + 1), o, false};
    case K::BufIn:
      return {ES_CAP_BUF_ARG, clip(limit), false, true};
    case K::BufOut:
    case K::BufOutHex:
      return {ES_CAP_BUF_RET, clip(limit), true, false};
    case K::Argv:
      return {ES_CAP_STRING_ARRAY, clip(limit), false, false};
    case K::Envp:
      return verbose ? Rule{ES_CAP_STRING_ARRAY, clip(limit), false, false}
                     : Rule{ES_CAP_ARRAY_COUNT, 0, false, false};
    case K::Stat:
      return {ES_CAP_FIXED, sizeof(struct stat), true, false};
    case K::Sigset:
      return {ES_CAP_FIXED, kKernelSigsetSize, o, false};
    case K::Sigaction:
      return {ES_CAP_FIXED, kKernelSigactionSize, o, false};
    case K::Rlimit:  // struct rlimit and struct timespec: two 64-bit words each
    case K::Timespec:
      return {ES_CAP_FIXED, 16, o, false};
    case K::PollFds:
      return {ES_CAP_BUF_ARG_FIXED, 8, false, true};
    case K::SockaddrIn:
      return {ES_CAP_BUF_ARG, kSockaddrMax, false, true};
    case K::SockaddrOut:
      return {ES_CAP_BUF_ARGPTR, kSockaddrMax, true, true};
    case K::SocklenPtr:
      return {ES_CAP_FIXED, 4, true, false};
    case K::PipeFds:
      return {ES_CAP_FIXED, 8, true, false};
    case K::WaitStatus:
    case K::IntPtrOut:
      return {ES_CAP_FIXED, 4, true, false};
    // The entry count needs the records themselves: as much of the buffer as a copy allows.
    case K::Dirents:
      return {ES_CAP_BUF_RET, ES_MAX_CAPTURE_BYTES, true, false};
    case K::Statx:
      return {ES_CAP_FIXED, kStatxSize, true, false};
    case K::Sysinfo:
      return {ES_CAP_FIXED, kSysinfoSize, true, false};
    case K::Utsname:
      return {ES_CAP_FIXED, kUtsnameSize, true, false};
    case K::Rusage:
      return {ES_CAP_FIXED, kRusageSize, true, false};
    case K::EpollEvent:
      return {ES_CAP_FIXED, kEpollEventSize, false, false};
    // epoll_wait fills `ret` events: the array is copied up to maxevents items.
    case K::EpollEvents:
      return {ES_CAP_BUF_ARG_FIXED, kEpollEventSize, true, true};
    case K::Itimerspec:
      return {ES_CAP_FIXED, kItimerspecSize, o, false};
    case K::Timeval:
      return {ES_CAP_FIXED, kTimevalSize, o, false, kBoth};
    case K::SchedParam:
      return {ES_CAP_FIXED, 4, o, false};
    case K::CpuSet:
      return o ? Rule{ES_CAP_BUF_RET, kCpuSetMax, true, false}
               : Rule{ES_CAP_BUF_ARG, kCpuSetMax, false, true};
    // fd_set: nfds bits, at most the 1024 of a glibc fd_set; before and after the call.
    case K::FdSet:
      return {ES_CAP_BUF_ARG, kFdSetMax, false, true, kBoth};
    case K::SocklenInOut:
      return {ES_CAP_FIXED, 4, false, false, kBoth};
    // The array and what each base points at: -s bytes of each (writes), or the bytes the
    // call moved spread over the items in order (reads).
    case K::Iovec:
      return o ? Rule{ES_CAP_IOVEC_RET, clip(limit), true, true}
               : Rule{ES_CAP_IOVEC_ARG, clip(limit), false, true};
    case K::SigFrame:
      return {ES_CAP_USER_SP, 8, false, true};
    // The header, its address and its iovecs' bytes (-s each; a receive's return value).
    case K::Msghdr:
      return o ? Rule{ES_CAP_MSGHDR_RET, clip(limit), true, false}
               : Rule{ES_CAP_MSGHDR_ARG, clip(limit), false, false};
    // Each message's header, address, control bytes and iovecs, read at exit: a send's
    // msg_len is written by the call (count: args[aux]), a receive's first `ret` messages.
    // `size` is how many messages: strace shows -s of them, all of them under -v.
    case K::Mmsghdr: {
      const auto messages =
          static_cast<uint16_t>(verbose ? ES_MMSG_MAX : std::min(limit, 1u * ES_MMSG_MAX));
      return o ? Rule{ES_CAP_MMSGHDR_RET, messages, true, false}
               : Rule{ES_CAP_MMSGHDR_ARG, messages, false, true};
    }
    // recvmmsg's timeout: as the call started (enter, the call may block) and the time left.
    case K::MmsgTimeout:
      return {ES_CAP_FIXED, 16, false, false, kBoth};
    // fcntl's argument is a struct flock only for the lock commands; for the others the
    // value is no address and the copy fails harmlessly (printed from the value).
    case K::FcntlArg:
      return {ES_CAP_FIXED, kFlockSize, false, false};
    case K::CloneArgs:
      return {ES_CAP_BUF_ARG, kCloneArgsMax, false, true};
    // Socket option values: -s bytes for strings, at least enough for the structs printed
    // (struct linger, struct ucred).
    case K::SockoptIn:
      return {ES_CAP_BUF_ARG, clip(std::max(limit, kSockoptMin)), false, true};
    case K::SockoptOut:
      return {ES_CAP_BUF_ARGPTR, clip(std::max(limit, kSockoptMin)), true, true};
    // ia32 layouts (compat.h).
    case K::Timespec32:
      return {ES_CAP_FIXED, kTimespec32Size, o, false};
    case K::Rlimit32:
      return {ES_CAP_FIXED, kRlimit32Size, o, false};
    case K::Stat64:
      return {ES_CAP_FIXED, kStat64Size, true, false};
    case K::Sigaction32:
      return {ES_CAP_FIXED, kSigaction32Size, o, false};
    case K::UserDesc:  // set_thread_area reads it and writes entry_number back
      return {ES_CAP_FIXED, kUserDescSize, o, false, kBoth};
    case K::LoffOut:
      return {ES_CAP_FIXED, 8, true, false};
    case K::OldSigFrame:
      return {ES_CAP_USER_SP, 4, false, true};
    case K::SocketcallArgs:  // six 32-bit words
      return {ES_CAP_FIXED, 24, false, false};
    // futex's fourth argument is a timeout for the waiting commands (printed by the decoder).
    default:
      return {};
  }
}

// The next free capture slot of `spec`. A row that needs more than ES_MAX_CAPTURES is a mistake
// in the tables: it fails loudly where the specs are built, at start-up, instead of losing a
// capture (a unit test builds every row's widest spec).
es_capture_slot& free_slot(es_syscall_spec& spec, uint32_t nr) {
  for (es_capture_slot& s : spec.slots)
    if (s.kind == ES_CAP_NONE) return s;
  throw std::length_error("estrace: " + std::string(name_of(nr)) + " needs more than " +
                          std::to_string(ES_MAX_CAPTURES) + " capture slots");
}

}  // namespace

es_syscall_spec capture_spec(uint32_t nr, unsigned string_limit, bool verbose) {
  es_syscall_spec spec{};
  const Signature* sig = signature(nr);
  if (!sig) return spec;
  spec.flags = ES_SPEC_TRACED;
  if (sig->flags & kMayBlock) spec.flags |= ES_SPEC_ENTER_RECORD;
  if (sig->flags & kNoReturn) spec.flags |= ES_SPEC_NO_RETURN;
  // execve replaces the memory its arguments live in: read them before it does.
  const bool at_enter = sig->flags & kAtEnter;

  for (int i = 0; i < sig->nargs; ++i) {
    if (is_compat_key(nr) && reads_64bit_layout(sig->args[i].kind)) continue;
    Rule r = rule_for(sig->args[i], string_limit, verbose);
    if (r.kind == ES_CAP_NONE) continue;
    es_capture_slot& s = free_slot(spec, nr);
    s.kind = r.kind;
    s.arg = reg_of(nr, i);
    s.len_arg = r.len_from_aux ? reg_of(nr, sig->args[i].aux) : 0;
    s.when = at_enter ? ES_AT_ENTER : ES_AT_EXIT;
    // A call that may block is shown "<unfinished ...>" with what it reads: copy those
    // arguments at enter too (the exit's copy still wins for the finished line).
    if ((sig->flags & kMayBlock) && sig->args[i].dir != kOut) s.when |= ES_AT_ENTER;
    if (r.when) s.when = r.when;
    s.size = r.size;
    s.flags = r.success_only ? ES_CAPF_SUCCESS_ONLY : 0;
    if (is_compat_key(nr) && has_32bit_variant(sig->args[i].kind)) s.flags |= ES_CAPF_PTR32;
    // A msghdr's control messages travel in a capture of their own, copied when the
    // header is (a receive's at exit, with msg_controllen as the kernel set it).
    if (r.kind == ES_CAP_MSGHDR_ARG || r.kind == ES_CAP_MSGHDR_RET) {
      es_capture_slot& control = free_slot(spec, nr);
      control = s;
      control.kind = ES_CAP_MSG_CONTROL;
      control.size = kMsgControlMax;
    }
  }
  return spec;
}

es_syscall_spec capture_spec(uint32_t nr, unsigned string_limit) {
  return capture_spec(nr, string_limit, false);
}

}  // namespace estrace::syscalls

namespace estrace::syscalls {

bool add_fd_identity(uint32_t nr, es_syscall_spec& spec) {
  const Signature* sig = signature(nr);
  if (!sig) return false;
  es_capture_slot slot{};
  slot.when = ES_AT_EXIT;
  slot.arg = ES_ARG_RESULT;
  if (sig->ret == RetKind::Fd) {
    slot.kind = ES_CAP_FD_FILE_RET;
  } else {
    for (int i = 0; i < sig->nargs; ++i) {
      const ArgSig& a = sig->args[i];
      if (a.kind == ArgKind::PipeFds) {
        slot.kind = ES_CAP_FD_FILE_PAIR;
        slot.len_arg = static_cast<es_u8>(i);
      }
      // A receive's SCM_RIGHTS descriptors: one struct msghdr, or `ret` struct mmsghdr.
      // (Not an ia32 call's: the BPF walk knows x86_64's cmsghdr only.)
      if (a.dir == kOut && (a.kind == ArgKind::Msghdr || a.kind == ArgKind::Mmsghdr) &&
          !is_compat_key(nr)) {
        slot.kind = ES_CAP_FD_FILE_RECV;
        slot.len_arg = static_cast<es_u8>(i);
        slot.size = a.kind == ArgKind::Mmsghdr ? sizeof(struct mmsghdr) : 0;
      }
    }
  }
  if (slot.kind == ES_CAP_NONE) return false;
  free_slot(spec, nr) = slot;
  return true;
}

bool add_socket_identity(uint32_t nr, es_syscall_spec& spec) {
  const Signature* sig = signature(nr);
  if (!sig) return false;
  spec.fd_args = 0;
  for (int i = 0; i < sig->nargs; ++i)
    if (sig->args[i].kind == ArgKind::Fd) spec.fd_args |= static_cast<es_u8>(1u << reg_of(nr, i));
  return spec.fd_args != 0;
}

}  // namespace estrace::syscalls
