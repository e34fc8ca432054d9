// syscalls: the signature table. One row per x86_64 syscall: each argument's printer kind and
// direction, the return kind, classes and flags. The same row drives BPF capture (capture_spec)
// and printing (format/), so the two can never disagree about what an argument is.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace estrace::syscalls {

// How an argument is printed (format/ registers one printer per kind) and, for pointers, what
// the BPF side copies for it (capture_spec.cpp). Append-only; keep related kinds together.
enum class ArgKind : uint8_t {
  None = 0,
  // Plain values.
  Int,    // int, decimal
  Long,   // long / off_t, decimal
  Uint,   // unsigned int, decimal
  Ulong,  // size_t / unsigned long, decimal
  Hex,    // flags without a table, cookies: 0x1f (0 prints as 0)
  Ptr,    // an address strace does not follow: NULL or 0x7ffd...
  Octal,  // mode_t: 0644
  Fd,     // descriptor; -y decorates it
  Dirfd,  // descriptor or AT_FDCWD
  // Memory the call reads or fills.
  Path,       // NUL-terminated path, printed in full
  Str,        // NUL-terminated string, -s applies
  BufIn,      // bytes the call reads, length in args[aux]
  BufOut,     // bytes the call fills, length is the return value
  BufOutHex,  // like BufOut, always printed as \x.. (getrandom)
  Argv,       // execve argv: ["ls", "/"]
  Envp,       // execve envp: 0x7ffd... /* 21 vars */
  // Flag and enum values (format/xlat_*.cpp).
  OpenFlags,      // O_RDONLY|O_CLOEXEC
  OpenMode,       // 0644, shown only when args[aux] has O_CREAT or O_TMPFILE
  AccessMode,     // F_OK, R_OK|W_OK
  AtFlags,        // AT_EMPTY_PATH|AT_SYMLINK_NOFOLLOW
  MmapProt,       // PROT_READ|PROT_WRITE
  MmapFlags,      // MAP_PRIVATE|MAP_ANONYMOUS
  SockDomain,     // AF_INET
  SockType,       // SOCK_STREAM|SOCK_CLOEXEC
  SockProto,      // IPPROTO_TCP for inet domains (domain in args[aux]), else decimal
  Whence,         // SEEK_SET
  FcntlCmd,       // F_SETFD
  FcntlArg,       // depends on the command in args[aux]; hidden for argument-less commands
  IoctlReq,       // TCGETS, or _IOC(...) as strace prints unknown ones
  Signo,          // SIGINT
  SigHow,         // SIG_BLOCK
  ArchPrctlCode,  // ARCH_SET_FS
  ArchPrctlArg,   // an address for the ARCH_GET_* codes in args[aux] (NULL), else hex
  RlimitRes,      // RLIMIT_STACK
  FutexOp,        // FUTEX_WAIT_PRIVATE
  ClockId,        // CLOCK_MONOTONIC
  GrndFlags,      // GRND_NONBLOCK
  WaitOptions,    // WNOHANG|__WALL
  CloneFlags,     // CLONE_VM|CLONE_FS|...|SIGCHLD
  MsyncFlags,     // MS_SYNC
  MadviseAdvice,  // MADV_DONTNEED
  PipeFlags,      // O_CLOEXEC|O_NONBLOCK for pipe2, dup3, ...
  FlockOp,        // LOCK_EX|LOCK_NB
  ShutdownHow,    // SHUT_RDWR
  MremapFlags,    // MREMAP_MAYMOVE
  SockFlags,      // SOCK_CLOEXEC|SOCK_NONBLOCK (accept4)
  // Structures (format/struct_*.cpp).
  Stat,         // struct stat: {st_mode=S_IFREG|0644, st_size=1234, ...}
  Sigset,       // sigset_t, size in args[aux]: [INT TERM], ~[RTMIN RT_1]
  Sigaction,    // struct kernel_sigaction
  Rlimit,       // struct rlimit64: {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}
  Timespec,     // {tv_sec=1, tv_nsec=0}
  PollFds,      // struct pollfd[args[aux]]
  SockaddrIn,   // sockaddr the call reads, length in args[aux]
  SockaddrOut,  // sockaddr the call fills, length in *(socklen_t *)args[aux]
  SocklenPtr,   // [16]
  PipeFds,      // int[2]: [3, 4]
  WaitStatus,   // int *: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
  Dirents,      // getdents buffer: 0x5654... /* 29 entries */ (entry count from the buffer)
  IntPtrOut,    // int * the call fills: [42]
  // Added for issue 3 (decoding fidelity). Kinds printed by a whole-call decoder
  // (format/decoders.h) only say what to capture.
  StatxFlags,       // AT_STATX_SYNC_AS_STAT|AT_NO_AUTOMOUNT
  StatxMask,        // STATX_BASIC_STATS|STATX_MNT_ID
  Statx,            // struct statx
  Sysinfo,          // struct sysinfo
  Utsname,          // struct utsname: {sysname="Linux", nodename="vm", ...}
  RusageWho,        // RUSAGE_SELF
  Rusage,           // struct rusage
  FadviseAdvice,    // POSIX_FADV_SEQUENTIAL
  IoctlArg,         // ioctl's third: an address for known requests (args[aux]), else hex
  EpollFlags,       // EPOLL_CLOEXEC
  EpollCtlOp,       // EPOLL_CTL_ADD
  EpollEvent,       // struct epoll_event the call reads
  EpollEvents,      // struct epoll_event[] the call fills, count is the return value
  TimerfdFlags,     // TFD_CLOEXEC|TFD_NONBLOCK
  TimerfdSetFlags,  // TFD_TIMER_ABSTIME
  EfdFlags,         // EFD_CLOEXEC|EFD_NONBLOCK
  Itimerspec,       // {it_interval={...}, it_value={...}}
  SchedPolicy,      // SCHED_OTHER (sched_setscheduler's argument)
  SchedRet,         // sched_getscheduler's argument: the pid; its return "0 (SCHED_OTHER)"
  CpuSet,           // cpu_set_t the call fills, size is the return value: [0 1]
  FdSet,            // fd_set in/out, nfds in args[aux]: [3 5]
  Timeval,          // {tv_sec=1, tv_usec=0}
  SocklenInOut,     // socklen_t * read and written: [110 => 16], [110] on failure
  Iovec,            // struct iovec[args[aux]] with what each base points at (two-level capture)
  Msghdr,           // struct msghdr
  Flock,            // struct flock for fcntl's lock commands
  CloneArgs,        // struct clone_args (clone3), size in args[aux]
  SigsetSize,       // pselect6's {sigmask=..., sigsetsize=8}
  MemfdFlags,       // MFD_CLOEXEC|MFD_ALLOW_SEALING
  InotifyFlags,     // IN_NONBLOCK|IN_CLOEXEC
  SchedParam,       // struct sched_param: [0]
  SigFrame,         // rt_sigreturn's frame: its signal mask at the user stack pointer + 8 * aux
  // Socket options (format/struct_sockopt.cpp).
  SockoptLevel,  // SOL_SOCKET
  SockoptName,   // SO_REUSEADDR: the table of the level in args[aux]
  SockoptIn,     // setsockopt's optval, length in args[aux]: [1], {l_onoff=1, ...}, "lo\0"
  SockoptOut,    // getsockopt's optval, length in *(socklen_t *)args[aux] after the call
  MsgFlags,      // MSG_DONTWAIT|MSG_NOSIGNAL (send/recv flags)
  // ia32 layouts: calls of 32-bit processes (syscalls/compat.h, format/struct_compat.cpp).
  Timespec32,      // struct old_timespec32: {tv_sec=1, tv_nsec=0}
  Rlimit32,        // struct compat_rlimit: {rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}
  Stat64,          // i386 struct stat64 (stat64, fstat64, fstatat64)
  Sigaction32,     // struct compat_sigaction (rt_sigaction)
  UserDesc,        // struct user_desc, read and written (set_thread_area): "= 0 (entry_number=12)"
  LoffOut,         // loff_t * the call fills: [7] (_llseek)
  MmapPgoff,       // mmap2's offset in pages, printed in bytes: 0x1000
  OldSigFrame,     // sigreturn's frame: the old 32-bit mask at the user stack pointer + 8 * aux
  SocketcallArgs,  // socketcall's unsigned long[6]: decode/ shows the call it multiplexes
  // Message vectors (format/struct_mmsg.cpp).
  Mmsghdr,      // struct mmsghdr[args[aux]]: sendmmsg's with msg_len of the first `ret` sent;
                // recvmmsg's (out) the first `ret` received
  MmsgTimeout,  // recvmmsg's timeout as the call started; " (left {...})" after the count
  // Process ids (-Y names them: "kill(1234<bash>, SIGTERM)").
  Pid,    // a pid, tid or process group id: decimal, as Int
  Count,  // the number of ArgKinds; keep last
};

// Return value kinds: how "= RET" prints after the error check.
enum class RetKind : uint8_t {
  Int,       // signed decimal; -4095..-1 are errors
  Fd,        // like Int; -y decorates it
  Hex,       // addresses: mmap, brk, shmat
  Octal,     // umask
  Pid,       // like Int; -Y adds the command name (getpid, wait4)
  ChildPid,  // a new child's pid: -Y names it like its parent until it execs (fork, clone)
};

// True for the argument kinds that hold a pid (-Y names them).
constexpr bool is_pid_kind(ArgKind k) { return k == ArgKind::Pid || k == ArgKind::SchedRet; }

// What a successful call does to the caller's descriptor table or working directory, which
// -y and -P keep a copy of (decode/fd_table.h). Worked out by rows::row() from the row's
// return and argument kinds; the row names it only where those cannot tell.
enum class FdEffect : uint8_t {
  None,
  NewFd,     // the returned fd is new: named as the kernel's file table or /proc has it
  OpenPath,  // the returned fd opens the path argument (open, openat, creat, openat2)
  Dup,       // the returned fd is a copy of args[0] (dup, dup2, dup3)
  DupByCmd,  // the same when the FcntlCmd argument duplicates (fcntl F_DUPFD*)
  Close,     // args[0] is gone
  FdPair,    // the PipeFds argument holds two new fds (pipe, pipe2, socketpair)
  Received,  // SCM_RIGHTS brought fds: a receive's Msghdr or Mmsghdr argument
  Chdir,     // the working directory is the Path argument, or what the Fd argument names
  Exec,      // the process image is replaced (an Argv argument): fds > 2 may be gone
};

// The whole-call decoder a row is printed by (format/decoders.h), for the few calls whose text
// a per-argument row cannot express; None: the row's argument kinds drive the line.
enum class Decoder : uint8_t { None, Clone, Clone3, Futex, RtSigreturn, Preadv2, Pwritev2, Count };

enum Dir : uint8_t { kIn = 0, kOut = 1 };

struct ArgSig {
  ArgKind kind = ArgKind::None;
  uint8_t dir = kIn;  // kIn: printed at entry; kOut: printed when the call returns
  uint8_t aux = 0;    // another argument's index: a length, a domain, a flags word
};

enum SigFlags : uint8_t {
  kMayBlock = 1 << 0,  // may sleep for long: BPF emits an enter record (unfinished ...)
  kNoReturn = 1 << 1,  // exit, exit_group
  kAtEnter = 1 << 2,   // execve: the call destroys its arguments, capture them at entry
  kDumpsIo = 1 << 3,   // moves data through args[0]: -e read=/write= dump argument 1 (its kind
                       // says how: BufIn/BufOut, Iovec, Msghdr, Mmsghdr; its direction, which)
};

// Members widest first, so a row is 40 bytes rather than 48 (the tables hold hundreds). Rows are
// built by rows::row() (src/syscalls/rows.h), member by member, never positionally.
struct Signature {
  const char* name = nullptr;
  uint32_t classes = 0;  // Class bits (catalogue.h)
  uint16_t nr = 0;
  uint8_t nargs = 0;
  uint8_t flags = 0;  // SigFlags
  RetKind ret = RetKind::Int;
  FdEffect fd = FdEffect::None;
  Decoder decoder = Decoder::None;
  std::array<ArgSig, 6> args{};
};
static_assert(sizeof(Signature) == 40, "keep rows small: members widest first");

// The row for `nr`, or nullptr when the number has no syscall.
const Signature* signature(uint32_t nr);

// All rows, in number order.
std::span<const Signature> all_signatures();

}  // namespace estrace::syscalls
