// The x86_64 signature table: one row per syscall, numbers from <asm/unistd_64.h>.
// Argument counts and classes follow strace 6.1's syscallent (what `-e trace=%file` selects and
// how many arguments it prints); argument kinds follow the kernel prototypes. A syscall without a
// dedicated printer still gets the right count: pointers print as addresses, ints as decimals.
#include <asm/unistd_64.h>

#include <algorithm>
#include <array>
#include <initializer_list>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/signature.h"

// Syscalls newer than the installed uapi header (Debian 12 ships 6.1: up to 450). The numbers
// are the kernel's arch/x86/entry/syscalls/syscall_64.tbl; a newer header wins.
#ifndef __NR_cachestat
#define __NR_cachestat 451
#endif
#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif
#ifndef __NR_map_shadow_stack
#define __NR_map_shadow_stack 453
#endif
#ifndef __NR_futex_wake
#define __NR_futex_wake 454
#endif
#ifndef __NR_futex_wait
#define __NR_futex_wait 455
#endif
#ifndef __NR_futex_requeue
#define __NR_futex_requeue 456
#endif
#ifndef __NR_statmount
#define __NR_statmount 457
#endif
#ifndef __NR_listmount
#define __NR_listmount 458
#endif
#ifndef __NR_lsm_get_self_attr
#define __NR_lsm_get_self_attr 459
#endif
#ifndef __NR_lsm_set_self_attr
#define __NR_lsm_set_self_attr 460
#endif
#ifndef __NR_lsm_list_modules
#define __NR_lsm_list_modules 461
#endif
#ifndef __NR_mseal
#define __NR_mseal 462
#endif
#ifndef __NR_setxattrat
#define __NR_setxattrat 463
#endif
#ifndef __NR_getxattrat
#define __NR_getxattrat 464
#endif
#ifndef __NR_listxattrat
#define __NR_listxattrat 465
#endif
#ifndef __NR_removexattrat
#define __NR_removexattrat 466
#endif
#ifndef __NR_open_tree_attr
#define __NR_open_tree_attr 467
#endif
#ifndef __NR_file_getattr
#define __NR_file_getattr 468
#endif
#ifndef __NR_file_setattr
#define __NR_file_setattr 469
#endif

// The fallbacks continue the header's numbering: if a header defines the last one it knows
// differently, the fallbacks above are wrong too.
static_assert(__NR_set_mempolicy_home_node == 450, "x86_64 <asm/unistd_64.h> expected");
static_assert(__NR_cachestat == 451 && __NR_file_setattr == 469, "x86_64 numbering");

namespace estrace::syscalls {
namespace {

using K = ArgKind;
constexpr ArgSig in(K k, uint8_t aux = 0) { return {k, kIn, aux}; }
constexpr ArgSig out(K k, uint8_t aux = 0) { return {k, kOut, aux}; }

// The common argument shapes, so rows read like prototypes.
constexpr ArgSig FD = in(K::Fd), INT = in(K::Int), UINT = in(K::Uint), LONG = in(K::Long),
                 ULONG = in(K::Ulong), HEX = in(K::Hex), PTR = in(K::Ptr), OPTR = out(K::Ptr),
                 PATH = in(K::Path), STR = in(K::Str), DIRFD = in(K::Dirfd), MODE = in(K::Octal),
                 ATFL = in(K::AtFlags), SIG = in(K::Signo), CLK = in(K::ClockId);

// strace's TRACE_* classes under their syscallent names.
constexpr uint32_t TD = kDesc, TF = kFile, TI = kIpc, TN = kNetwork, TP = kProcess, TS = kSignal,
                   TM = kMemory, TC = kCreds, TCL = kClock, TST = kStat, TLST = kLstat,
                   TFST = kFstat, TSTA = kStatLike, TSF = kStatfs, TFSF = kFstatfs,
                   TSFA = kStatfsLike, PU = kPure;

constexpr uint8_t BL = kMayBlock, NR = kNoReturn, AE = kAtEnter;
constexpr RetKind RI = RetKind::Int, RF = RetKind::Fd, RH = RetKind::Hex, RO = RetKind::Octal;

constexpr Signature row(unsigned nr, const char* name, uint32_t classes, uint8_t flags, RetKind ret,
                        std::initializer_list<ArgSig> args) {
  Signature s;
  s.nr = static_cast<uint16_t>(nr);
  s.name = name;
  s.classes = classes;
  s.flags = flags;
  s.ret = ret;
  s.nargs = static_cast<uint8_t>(args.size());
  int i = 0;
  for (const ArgSig& a : args) s.args[i++] = a;
  return s;
}

#define SC(name, cls, fl, ret, ...) row(__NR_##name, #name, cls, fl, ret, {__VA_ARGS__})

constexpr Signature kRows[] = {
    SC(read, TD, BL, RI, FD, out(K::BufOut), ULONG),
    SC(write, TD, 0, RI, FD, in(K::BufIn, 2), ULONG),
    SC(open, TD | TF, 0, RF, PATH, in(K::OpenFlags), in(K::OpenMode, 1)),
    SC(close, TD, 0, RI, FD),
    SC(stat, TF | TST | TSTA, 0, RI, PATH, out(K::Stat)),
    SC(fstat, TD | TFST | TSTA, 0, RI, FD, out(K::Stat)),
    SC(lstat, TF | TLST | TSTA, 0, RI, PATH, out(K::Stat)),
    SC(poll, TD, BL, RI, in(K::PollFds, 1), UINT, INT),
    SC(lseek, TD, 0, RI, FD, LONG, in(K::Whence)),
    SC(mmap, TD | TM, 0, RH, PTR, ULONG, in(K::MmapProt), in(K::MmapFlags), FD, HEX),
    SC(mprotect, TM, 0, RI, PTR, ULONG, in(K::MmapProt)),
    SC(munmap, TM, 0, RI, PTR, ULONG),
    SC(brk, TM, 0, RH, PTR),
    SC(rt_sigaction, TS, 0, RI, SIG, in(K::Sigaction), out(K::Sigaction), ULONG),
    SC(rt_sigprocmask, TS, 0, RI, in(K::SigHow), in(K::Sigset, 3), out(K::Sigset, 3), ULONG),
    // The mask sits in the signal frame at sp + 296 (x86_64 rt_sigframe: pretcode is popped,
    // then ucontext's flags, link, stack and sigcontext precede uc_sigmask): 37 words.
    SC(rt_sigreturn, TS, AE, RI, in(K::SigFrame, 37)),
    SC(ioctl, TD, 0, RI, FD, in(K::IoctlReq), in(K::IoctlArg, 1)),
    SC(pread64, TD, BL, RI, FD, out(K::BufOut), ULONG, LONG),
    SC(pwrite64, TD, 0, RI, FD, in(K::BufIn, 2), ULONG, LONG),
    SC(readv, TD, BL, RI, FD, out(K::Iovec, 2), INT),
    SC(writev, TD, 0, RI, FD, in(K::Iovec, 2), INT),
    SC(access, TF, 0, RI, PATH, in(K::AccessMode)),
    SC(pipe, TD, 0, RI, out(K::PipeFds)),
    SC(select, TD, BL, RI, INT, in(K::FdSet, 0), in(K::FdSet, 0), in(K::FdSet, 0), in(K::Timeval)),
    SC(sched_yield, 0, 0, RI, ),
    SC(mremap, TM, 0, RH, PTR, ULONG, ULONG, in(K::MremapFlags), PTR),
    SC(msync, TM, 0, RI, PTR, ULONG, in(K::MsyncFlags)),
    SC(mincore, TM, 0, RI, PTR, ULONG, OPTR),
    SC(madvise, TM, 0, RI, PTR, ULONG, in(K::MadviseAdvice)),
    SC(shmget, TI, 0, RI, HEX, ULONG, HEX),
    SC(shmat, TI | TM, 0, RH, INT, PTR, HEX),
    SC(shmctl, TI, 0, RI, INT, INT, PTR),
    SC(dup, TD, 0, RF, FD),
    SC(dup2, TD, 0, RF, FD, FD),
    SC(pause, TS, BL, RI, ),
    SC(nanosleep, 0, BL, RI, in(K::Timespec), OPTR),
    SC(getitimer, 0, 0, RI, INT, OPTR),
    SC(alarm, 0, 0, RI, UINT),
    SC(setitimer, 0, 0, RI, INT, PTR, OPTR),
    SC(getpid, PU, 0, RI, ),
    SC(sendfile, TD | TN, 0, RI, FD, FD, PTR, ULONG),
    SC(socket, TN, 0, RF, in(K::SockDomain), in(K::SockType), in(K::SockProto, 0)),
    SC(connect, TN, BL, RI, FD, in(K::SockaddrIn, 2), UINT),
    SC(accept, TN, BL, RF, FD, out(K::SockaddrOut, 2), out(K::SocklenInOut)),
    SC(sendto, TN, 0, RI, FD, in(K::BufIn, 2), ULONG, in(K::MsgFlags), in(K::SockaddrIn, 5), UINT),
    SC(recvfrom, TN, BL, RI, FD, out(K::BufOut), ULONG, in(K::MsgFlags), out(K::SockaddrOut, 5),
       out(K::SocklenInOut)),
    SC(sendmsg, TN, 0, RI, FD, in(K::Msghdr), in(K::MsgFlags)),
    SC(recvmsg, TN, BL, RI, FD, out(K::Msghdr), in(K::MsgFlags)),
    SC(shutdown, TN, 0, RI, FD, in(K::ShutdownHow)),
    SC(bind, TN, 0, RI, FD, in(K::SockaddrIn, 2), UINT),
    SC(listen, TN, 0, RI, FD, INT),
    SC(getsockname, TN, 0, RI, FD, out(K::SockaddrOut, 2), out(K::SocklenInOut)),
    SC(getpeername, TN, 0, RI, FD, out(K::SockaddrOut, 2), out(K::SocklenInOut)),
    SC(socketpair, TN, 0, RI, in(K::SockDomain), in(K::SockType), in(K::SockProto, 0),
       out(K::PipeFds)),
    SC(setsockopt, TN, 0, RI, FD, in(K::SockoptLevel), in(K::SockoptName, 1), in(K::SockoptIn, 4),
       INT),
    SC(getsockopt, TN, 0, RI, FD, in(K::SockoptLevel), in(K::SockoptName, 1), out(K::SockoptOut, 4),
       out(K::SocklenInOut)),
    SC(clone, TP, 0, RI, in(K::CloneFlags), PTR, PTR, OPTR, HEX),
    SC(fork, TP, 0, RI, ),
    SC(vfork, TP, BL, RI, ),
    SC(execve, TF | TP, AE, RI, PATH, in(K::Argv), in(K::Envp)),
    SC(exit, TP, NR, RI, INT),
    SC(wait4, TP, BL, RI, INT, out(K::WaitStatus), in(K::WaitOptions), out(K::Rusage)),
    SC(kill, TS | TP, 0, RI, INT, SIG),
    SC(uname, 0, 0, RI, out(K::Utsname)),
    SC(semget, TI, 0, RI, HEX, INT, HEX),
    SC(semop, TI, BL, RI, INT, PTR, ULONG),
    SC(semctl, TI, 0, RI, INT, INT, INT, HEX),
    SC(shmdt, TI | TM, 0, RI, PTR),
    SC(msgget, TI, 0, RI, HEX, HEX),
    SC(msgsnd, TI, 0, RI, INT, PTR, ULONG, HEX),
    SC(msgrcv, TI, BL, RI, INT, OPTR, ULONG, LONG, HEX),
    SC(msgctl, TI, 0, RI, INT, INT, PTR),
    SC(fcntl, TD, 0, RI, FD, in(K::FcntlCmd), in(K::FcntlArg, 1)),
    SC(flock, TD, BL, RI, FD, in(K::FlockOp)),
    SC(fsync, TD, 0, RI, FD),
    SC(fdatasync, TD, 0, RI, FD),
    SC(truncate, TF, 0, RI, PATH, LONG),
    SC(ftruncate, TD, 0, RI, FD, LONG),
    SC(getdents, TD, 0, RI, FD, out(K::Dirents), UINT),
    SC(getcwd, TF, 0, RI, out(K::Path), ULONG),
    SC(chdir, TF, 0, RI, PATH),
    SC(fchdir, TD, 0, RI, FD),
    SC(rename, TF, 0, RI, PATH, PATH),
    SC(mkdir, TF, 0, RI, PATH, MODE),
    SC(rmdir, TF, 0, RI, PATH),
    SC(creat, TD | TF, 0, RF, PATH, MODE),
    SC(link, TF, 0, RI, PATH, PATH),
    SC(unlink, TF, 0, RI, PATH),
    SC(symlink, TF, 0, RI, PATH, PATH),
    SC(readlink, TF, 0, RI, PATH, out(K::BufOut), ULONG),
    SC(chmod, TF, 0, RI, PATH, MODE),
    SC(fchmod, TD, 0, RI, FD, MODE),
    SC(chown, TF, 0, RI, PATH, INT, INT),
    SC(fchown, TD, 0, RI, FD, INT, INT),
    SC(lchown, TF, 0, RI, PATH, INT, INT),
    SC(umask, 0, 0, RO, MODE),
    SC(gettimeofday, TCL, 0, RI, OPTR, OPTR),
    SC(getrlimit, 0, 0, RI, in(K::RlimitRes), out(K::Rlimit)),
    SC(getrusage, 0, 0, RI, in(K::RusageWho), out(K::Rusage)),
    SC(sysinfo, 0, 0, RI, out(K::Sysinfo)),
    SC(times, 0, 0, RI, OPTR),
    SC(ptrace, 0, 0, RI, INT, INT, PTR, PTR),
    SC(getuid, TC | PU, 0, RI, ),
    SC(syslog, 0, 0, RI, INT, OPTR, INT),
    SC(getgid, TC | PU, 0, RI, ),
    SC(setuid, TC, 0, RI, INT),
    SC(setgid, TC, 0, RI, INT),
    SC(geteuid, TC | PU, 0, RI, ),
    SC(getegid, TC | PU, 0, RI, ),
    SC(setpgid, 0, 0, RI, INT, INT),
    SC(getppid, PU, 0, RI, ),
    SC(getpgrp, PU, 0, RI, ),
    SC(setsid, 0, 0, RI, ),
    SC(setreuid, TC, 0, RI, INT, INT),
    SC(setregid, TC, 0, RI, INT, INT),
    SC(getgroups, TC, 0, RI, INT, OPTR),
    SC(setgroups, TC, 0, RI, INT, PTR),
    SC(setresuid, TC, 0, RI, INT, INT, INT),
    SC(getresuid, TC, 0, RI, OPTR, OPTR, OPTR),
    SC(setresgid, TC, 0, RI, INT, INT, INT),
    SC(getresgid, TC, 0, RI, OPTR, OPTR, OPTR),
    SC(getpgid, 0, 0, RI, INT),
    SC(setfsuid, TC, 0, RI, INT),
    SC(setfsgid, TC, 0, RI, INT),
    SC(getsid, 0, 0, RI, INT),
    SC(capget, TC, 0, RI, PTR, OPTR),
    SC(capset, TC, 0, RI, PTR, PTR),
    SC(rt_sigpending, TS, 0, RI, out(K::Sigset, 1), ULONG),
    SC(rt_sigtimedwait, TS, BL, RI, in(K::Sigset, 3), OPTR, in(K::Timespec), ULONG),
    SC(rt_sigqueueinfo, TS | TP, 0, RI, INT, SIG, PTR),
    SC(rt_sigsuspend, TS, BL, RI, in(K::Sigset, 1), ULONG),
    SC(sigaltstack, TS, 0, RI, PTR, OPTR),
    SC(utime, TF, 0, RI, PATH, PTR),
    SC(mknod, TF, 0, RI, PATH, MODE, HEX),
    SC(uselib, TF, 0, RI, PATH),
    SC(personality, 0, 0, RI, HEX),
    SC(ustat, TSFA, 0, RI, HEX, OPTR),
    SC(statfs, TF | TSF | TSFA, 0, RI, PATH, OPTR),
    SC(fstatfs, TD | TFSF | TSFA, 0, RI, FD, OPTR),
    SC(sysfs, 0, 0, RI, INT, HEX, HEX),
    SC(getpriority, 0, 0, RI, INT, INT),
    SC(setpriority, 0, 0, RI, INT, INT, INT),
    SC(sched_setparam, 0, 0, RI, INT, in(K::SchedParam)),
    SC(sched_getparam, 0, 0, RI, INT, out(K::SchedParam)),
    SC(sched_setscheduler, 0, 0, RI, INT, in(K::SchedPolicy), in(K::SchedParam)),
    SC(sched_getscheduler, 0, 0, RI, in(K::SchedRet)),
    SC(sched_get_priority_max, 0, 0, RI, INT),
    SC(sched_get_priority_min, 0, 0, RI, INT),
    SC(sched_rr_get_interval, 0, 0, RI, INT, OPTR),
    SC(mlock, TM, 0, RI, PTR, ULONG),
    SC(munlock, TM, 0, RI, PTR, ULONG),
    SC(mlockall, TM, 0, RI, HEX),
    SC(munlockall, TM, 0, RI, ),
    SC(vhangup, 0, 0, RI, ),
    SC(modify_ldt, 0, 0, RI, INT, PTR, ULONG),
    SC(pivot_root, TF, 0, RI, PATH, PATH),
    SC(_sysctl, 0, 0, RI, PTR),
    SC(prctl, TC, 0, RI, INT, HEX, HEX, HEX, HEX),
    SC(arch_prctl, 0, 0, RI, in(K::ArchPrctlCode), in(K::ArchPrctlArg, 0)),
    SC(adjtimex, TCL, 0, RI, PTR),
    SC(setrlimit, 0, 0, RI, in(K::RlimitRes), in(K::Rlimit)),
    SC(chroot, TF, 0, RI, PATH),
    SC(sync, 0, 0, RI, ),
    SC(acct, TF, 0, RI, PATH),
    SC(settimeofday, TCL, 0, RI, PTR, PTR),
    SC(mount, TF, 0, RI, PATH, PATH, STR, HEX, PTR),
    SC(umount2, TF, 0, RI, PATH, HEX),
    SC(swapon, TF, 0, RI, PATH, HEX),
    SC(swapoff, TF, 0, RI, PATH),
    SC(reboot, 0, 0, RI, HEX, HEX, HEX, PTR),
    SC(sethostname, 0, 0, RI, in(K::BufIn, 1), INT),
    SC(setdomainname, 0, 0, RI, in(K::BufIn, 1), INT),
    SC(iopl, 0, 0, RI, INT),
    SC(ioperm, 0, 0, RI, ULONG, ULONG, INT),
    SC(create_module, 0, 0, RI, STR, ULONG),
    SC(init_module, 0, 0, RI, PTR, ULONG, STR),
    SC(delete_module, 0, 0, RI, STR, HEX),
    SC(get_kernel_syms, 0, 0, RI, PTR),
    SC(query_module, 0, 0, RI, STR, INT, PTR, ULONG, PTR),
    SC(quotactl, TF, 0, RI, HEX, PATH, INT, PTR),
    SC(nfsservctl, 0, 0, RI, INT, PTR, PTR),
    SC(getpmsg, TN, 0, RI, HEX, HEX, HEX, HEX, HEX),
    SC(putpmsg, TN, 0, RI, HEX, HEX, HEX, HEX, HEX),
    SC(afs_syscall, 0, 0, RI, HEX, HEX, HEX, HEX, HEX),
    SC(tuxcall, 0, 0, RI, HEX, HEX, HEX),
    SC(security, 0, 0, RI, HEX, HEX, HEX),
    SC(gettid, PU, 0, RI, ),
    SC(readahead, TD, 0, RI, FD, LONG, ULONG),
    SC(setxattr, TF, 0, RI, PATH, STR, in(K::BufIn, 3), ULONG, HEX),
    SC(lsetxattr, TF, 0, RI, PATH, STR, in(K::BufIn, 3), ULONG, HEX),
    SC(fsetxattr, TD, 0, RI, FD, STR, in(K::BufIn, 3), ULONG, HEX),
    SC(getxattr, TF, 0, RI, PATH, STR, out(K::BufOut), ULONG),
    SC(lgetxattr, TF, 0, RI, PATH, STR, out(K::BufOut), ULONG),
    SC(fgetxattr, TD, 0, RI, FD, STR, out(K::BufOut), ULONG),
    SC(listxattr, TF, 0, RI, PATH, out(K::BufOut), ULONG),
    SC(llistxattr, TF, 0, RI, PATH, out(K::BufOut), ULONG),
    SC(flistxattr, TD, 0, RI, FD, out(K::BufOut), ULONG),
    SC(removexattr, TF, 0, RI, PATH, STR),
    SC(lremovexattr, TF, 0, RI, PATH, STR),
    SC(fremovexattr, TD, 0, RI, FD, STR),
    SC(tkill, TS | TP, 0, RI, INT, SIG),
    SC(time, TCL, 0, RI, OPTR),
    SC(futex, 0, BL, RI, PTR, in(K::FutexOp), UINT, in(K::Timespec), PTR, UINT),
    SC(sched_setaffinity, 0, 0, RI, INT, UINT, in(K::CpuSet, 1)),
    SC(sched_getaffinity, 0, 0, RI, INT, UINT, out(K::CpuSet)),
    SC(set_thread_area, 0, 0, RI, PTR),
    SC(io_setup, TM, 0, RI, UINT, OPTR),
    SC(io_destroy, TM, 0, RI, HEX),
    SC(io_getevents, 0, BL, RI, HEX, LONG, LONG, OPTR, PTR),
    SC(io_submit, 0, 0, RI, HEX, LONG, PTR),
    SC(io_cancel, 0, 0, RI, HEX, PTR, OPTR),
    SC(get_thread_area, 0, 0, RI, OPTR),
    SC(lookup_dcookie, 0, 0, RI, HEX, OPTR, ULONG),
    SC(epoll_create, TD, 0, RF, INT),
    SC(epoll_ctl_old, 0, 0, RI, HEX, HEX, HEX, HEX),
    SC(epoll_wait_old, 0, 0, RI, HEX, HEX, HEX, HEX),
    SC(remap_file_pages, TM, 0, RI, PTR, ULONG, HEX, ULONG, HEX),
    SC(getdents64, TD, 0, RI, FD, out(K::Dirents), UINT),
    SC(set_tid_address, 0, 0, RI, PTR),
    SC(restart_syscall, 0, 0, RI, ),
    SC(semtimedop, TI, BL, RI, INT, PTR, ULONG, PTR),
    SC(fadvise64, TD, 0, RI, FD, LONG, LONG, in(K::FadviseAdvice)),
    SC(timer_create, 0, 0, RI, CLK, PTR, OPTR),
    SC(timer_settime, 0, 0, RI, INT, HEX, PTR, OPTR),
    SC(timer_gettime, 0, 0, RI, INT, OPTR),
    SC(timer_getoverrun, 0, 0, RI, INT),
    SC(timer_delete, 0, 0, RI, INT),
    SC(clock_settime, TCL, 0, RI, CLK, in(K::Timespec)),
    SC(clock_gettime, TCL, 0, RI, CLK, out(K::Timespec)),
    SC(clock_getres, TCL, 0, RI, CLK, out(K::Timespec)),
    SC(clock_nanosleep, 0, BL, RI, CLK, HEX, in(K::Timespec), OPTR),
    SC(exit_group, TP, NR, RI, INT),
    SC(epoll_wait, TD, BL, RI, FD, out(K::EpollEvents, 2), INT, INT),
    SC(epoll_ctl, TD, 0, RI, FD, in(K::EpollCtlOp), FD, in(K::EpollEvent)),
    SC(tgkill, TS | TP, 0, RI, INT, INT, SIG),
    SC(utimes, TF, 0, RI, PATH, PTR),
    SC(vserver, 0, 0, RI, HEX, HEX, HEX, HEX, HEX),
    SC(mbind, TM, 0, RI, PTR, ULONG, INT, PTR, ULONG, HEX),
    SC(set_mempolicy, TM, 0, RI, INT, PTR, ULONG),
    SC(get_mempolicy, TM, 0, RI, OPTR, OPTR, ULONG, PTR, HEX),
    SC(mq_open, TD, 0, RF, STR, in(K::OpenFlags), MODE, PTR),
    SC(mq_unlink, 0, 0, RI, STR),
    SC(mq_timedsend, TD, 0, RI, FD, in(K::BufIn, 2), ULONG, UINT, PTR),
    SC(mq_timedreceive, TD, BL, RI, FD, out(K::BufOut), ULONG, OPTR, PTR),
    SC(mq_notify, TD, 0, RI, FD, PTR),
    SC(mq_getsetattr, TD, 0, RI, FD, PTR, OPTR),
    SC(kexec_load, 0, 0, RI, ULONG, ULONG, PTR, HEX),
    SC(waitid, TP, BL, RI, INT, INT, OPTR, in(K::WaitOptions), OPTR),
    SC(add_key, 0, 0, RI, STR, STR, in(K::BufIn, 3), ULONG, INT),
    SC(request_key, 0, 0, RI, STR, STR, STR, INT),
    SC(keyctl, 0, 0, RI, INT, HEX, HEX, HEX, HEX),
    SC(ioprio_set, 0, 0, RI, INT, INT, INT),
    SC(ioprio_get, 0, 0, RI, INT, INT),
    SC(inotify_init, TD, 0, RF, ),
    SC(inotify_add_watch, TD | TF, 0, RI, FD, PATH, HEX),
    SC(inotify_rm_watch, TD, 0, RI, FD, INT),
    SC(migrate_pages, TM, 0, RI, INT, ULONG, PTR, PTR),
    SC(openat, TD | TF, 0, RF, DIRFD, PATH, in(K::OpenFlags), in(K::OpenMode, 2)),
    SC(mkdirat, TD | TF, 0, RI, DIRFD, PATH, MODE),
    SC(mknodat, TD | TF, 0, RI, DIRFD, PATH, MODE, HEX),
    SC(fchownat, TD | TF, 0, RI, DIRFD, PATH, INT, INT, ATFL),
    SC(futimesat, TD | TF, 0, RI, DIRFD, PATH, PTR),
    SC(newfstatat, TD | TF | TFST | TSTA, 0, RI, DIRFD, PATH, out(K::Stat), ATFL),
    SC(unlinkat, TD | TF, 0, RI, DIRFD, PATH, ATFL),
    SC(renameat, TD | TF, 0, RI, DIRFD, PATH, DIRFD, PATH),
    SC(linkat, TD | TF, 0, RI, DIRFD, PATH, DIRFD, PATH, ATFL),
    SC(symlinkat, TD | TF, 0, RI, PATH, DIRFD, PATH),
    SC(readlinkat, TD | TF, 0, RI, DIRFD, PATH, out(K::BufOut), ULONG),
    SC(fchmodat, TD | TF, 0, RI, DIRFD, PATH, MODE),
    SC(faccessat, TD | TF, 0, RI, DIRFD, PATH, in(K::AccessMode)),
    SC(pselect6, TD, BL, RI, INT, in(K::FdSet, 0), in(K::FdSet, 0), in(K::FdSet, 0),
       in(K::Timespec), in(K::SigsetSize)),
    SC(ppoll, TD, BL, RI, in(K::PollFds, 1), UINT, in(K::Timespec), in(K::Sigset, 4), ULONG),
    SC(unshare, 0, 0, RI, in(K::CloneFlags)),
    SC(set_robust_list, 0, 0, RI, PTR, ULONG),
    SC(get_robust_list, 0, 0, RI, INT, OPTR, OPTR),
    SC(splice, TD, 0, RI, FD, PTR, FD, PTR, ULONG, HEX),
    SC(tee, TD, 0, RI, FD, FD, ULONG, HEX),
    SC(sync_file_range, TD, 0, RI, FD, LONG, LONG, HEX),
    SC(vmsplice, TD, 0, RI, FD, PTR, ULONG, HEX),
    SC(move_pages, TM, 0, RI, INT, ULONG, PTR, PTR, OPTR, HEX),
    SC(utimensat, TD | TF, 0, RI, DIRFD, PATH, PTR, ATFL),
    SC(epoll_pwait, TD, BL, RI, FD, out(K::EpollEvents, 2), INT, INT, in(K::Sigset, 5), ULONG),
    SC(signalfd, TD | TS, 0, RF, FD, in(K::Sigset, 2), ULONG),
    SC(timerfd_create, TD, 0, RF, CLK, in(K::TimerfdFlags)),
    SC(eventfd, TD, 0, RF, UINT),
    SC(fallocate, TD, 0, RI, FD, INT, LONG, LONG),
    SC(timerfd_settime, TD, 0, RI, FD, in(K::TimerfdSetFlags), in(K::Itimerspec),
       out(K::Itimerspec)),
    SC(timerfd_gettime, TD, 0, RI, FD, out(K::Itimerspec)),
    SC(accept4, TN, BL, RF, FD, out(K::SockaddrOut, 2), out(K::SocklenInOut), in(K::SockFlags)),
    SC(signalfd4, TD | TS, 0, RF, FD, in(K::Sigset, 2), ULONG, HEX),
    SC(eventfd2, TD, 0, RF, UINT, in(K::EfdFlags)),
    SC(epoll_create1, TD, 0, RF, in(K::EpollFlags)),
    SC(dup3, TD, 0, RF, FD, FD, in(K::PipeFlags)),
    SC(pipe2, TD, 0, RI, out(K::PipeFds), in(K::PipeFlags)),
    SC(inotify_init1, TD, 0, RF, in(K::InotifyFlags)),
    SC(preadv, TD, BL, RI, FD, out(K::Iovec, 2), INT, LONG),
    SC(pwritev, TD, 0, RI, FD, in(K::Iovec, 2), INT, LONG),
    SC(rt_tgsigqueueinfo, TP | TS, 0, RI, INT, INT, SIG, PTR),
    SC(perf_event_open, TD, 0, RF, PTR, INT, INT, FD, HEX),
    SC(recvmmsg, TN, BL, RI, FD, out(K::Mmsghdr, 2), UINT, in(K::MsgFlags), in(K::MmsgTimeout)),
    SC(fanotify_init, TD, 0, RF, HEX, HEX),
    SC(fanotify_mark, TD | TF, 0, RI, FD, HEX, HEX, DIRFD, PATH),
    SC(prlimit64, 0, 0, RI, INT, in(K::RlimitRes), in(K::Rlimit), out(K::Rlimit)),
    SC(name_to_handle_at, TD | TF, 0, RI, DIRFD, PATH, OPTR, OPTR, ATFL),
    SC(open_by_handle_at, TD, 0, RF, FD, PTR, in(K::OpenFlags)),
    SC(clock_adjtime, TCL, 0, RI, CLK, PTR),
    SC(syncfs, TD, 0, RI, FD),
    SC(sendmmsg, TN, 0, RI, FD, in(K::Mmsghdr, 2), UINT, in(K::MsgFlags)),
    SC(setns, TD, 0, RI, FD, in(K::CloneFlags)),
    SC(getcpu, 0, 0, RI, OPTR, OPTR, PTR),
    SC(process_vm_readv, 0, 0, RI, INT, PTR, ULONG, PTR, ULONG, HEX),
    SC(process_vm_writev, 0, 0, RI, INT, PTR, ULONG, PTR, ULONG, HEX),
    SC(kcmp, 0, 0, RI, INT, INT, INT, HEX, HEX),
    SC(finit_module, TD, 0, RI, FD, STR, HEX),
    SC(sched_setattr, 0, 0, RI, INT, PTR, HEX),
    SC(sched_getattr, 0, 0, RI, INT, OPTR, UINT, HEX),
    SC(renameat2, TD | TF, 0, RI, DIRFD, PATH, DIRFD, PATH, HEX),
    SC(seccomp, 0, 0, RI, UINT, HEX, PTR),
    SC(getrandom, 0, 0, RI, out(K::BufOutHex), ULONG, in(K::GrndFlags)),
    SC(memfd_create, TD, 0, RF, STR, in(K::MemfdFlags)),
    SC(kexec_file_load, TD, 0, RI, FD, FD, ULONG, STR, HEX),
    SC(bpf, TD, 0, RI, INT, PTR, UINT),
    SC(execveat, TD | TF | TP, AE, RI, DIRFD, PATH, in(K::Argv), in(K::Envp), ATFL),
    SC(userfaultfd, TD, 0, RF, HEX),
    SC(membarrier, 0, 0, RI, INT, HEX, INT),
    SC(mlock2, TM, 0, RI, PTR, ULONG, HEX),
    SC(copy_file_range, TD, 0, RI, FD, PTR, FD, PTR, ULONG, HEX),
    SC(preadv2, TD, BL, RI, FD, out(K::Iovec, 2), INT, LONG, HEX, HEX),
    SC(pwritev2, TD, 0, RI, FD, in(K::Iovec, 2), INT, LONG, HEX, HEX),
    SC(pkey_mprotect, TM, 0, RI, PTR, ULONG, in(K::MmapProt), INT),
    SC(pkey_alloc, 0, 0, RI, HEX, HEX),
    SC(pkey_free, 0, 0, RI, INT),
    SC(statx, TD | TF | TFST | TSTA, 0, RI, DIRFD, PATH, in(K::StatxFlags), in(K::StatxMask),
       out(K::Statx)),
    SC(io_pgetevents, 0, BL, RI, HEX, LONG, LONG, OPTR, PTR, PTR),
    SC(rseq, 0, 0, RI, PTR, HEX, HEX, HEX),
    SC(pidfd_send_signal, TD | TS | TP, 0, RI, FD, SIG, PTR, HEX),
    SC(io_uring_setup, TD, 0, RF, UINT, PTR),
    SC(io_uring_enter, TD | TS, 0, RI, FD, UINT, UINT, HEX, PTR, ULONG),
    SC(io_uring_register, TD | TM, 0, RI, FD, UINT, PTR, UINT),
    SC(open_tree, TD | TF, 0, RF, DIRFD, PATH, HEX),
    SC(move_mount, TD | TF, 0, RI, DIRFD, PATH, DIRFD, PATH, HEX),
    SC(fsopen, TD, 0, RF, STR, HEX),
    SC(fsconfig, TD | TF, 0, RI, FD, UINT, STR, PTR, INT),
    SC(fsmount, TD, 0, RF, FD, HEX, HEX),
    SC(fspick, TD | TF, 0, RF, DIRFD, PATH, HEX),
    SC(pidfd_open, TD, 0, RF, INT, HEX),
    SC(clone3, TP, 0, RI, in(K::CloneArgs, 1), ULONG),
    SC(close_range, 0, 0, RI, UINT, UINT, HEX),
    SC(openat2, TD | TF, 0, RF, DIRFD, PATH, PTR, ULONG),
    SC(pidfd_getfd, TD, 0, RF, FD, INT, HEX),
    SC(faccessat2, TD | TF, 0, RI, DIRFD, PATH, in(K::AccessMode), ATFL),
    SC(process_madvise, TD, 0, RI, FD, PTR, ULONG, in(K::MadviseAdvice), HEX),
    SC(epoll_pwait2, TD, BL, RI, FD, out(K::EpollEvents, 2), INT, PTR, in(K::Sigset, 5), ULONG),
    SC(mount_setattr, TD | TF, 0, RI, DIRFD, PATH, ATFL, PTR, ULONG),
    SC(quotactl_fd, TD, 0, RI, FD, HEX, INT, PTR),
    SC(landlock_create_ruleset, TD, 0, RF, PTR, ULONG, HEX),
    SC(landlock_add_rule, TD, 0, RI, FD, INT, PTR, HEX),
    SC(landlock_restrict_self, TD, 0, RI, FD, HEX),
    SC(memfd_secret, TD, 0, RF, HEX),
    SC(process_mrelease, TD, 0, RI, FD, HEX),
    SC(futex_waitv, 0, BL, RI, PTR, UINT, HEX, PTR, CLK),
    SC(set_mempolicy_home_node, TM, 0, RI, PTR, ULONG, ULONG, HEX),
    SC(cachestat, TD, 0, RI, FD, PTR, OPTR, HEX),
    SC(fchmodat2, TD | TF, 0, RI, DIRFD, PATH, MODE, ATFL),
    SC(map_shadow_stack, TM, 0, RH, PTR, ULONG, HEX),
    SC(futex_wake, 0, 0, RI, PTR, HEX, INT, HEX),
    SC(futex_wait, 0, BL, RI, PTR, ULONG, HEX, HEX, PTR, CLK),
    SC(futex_requeue, 0, 0, RI, PTR, HEX, INT, INT),
    SC(statmount, 0, 0, RI, PTR, OPTR, ULONG, HEX),
    SC(listmount, 0, 0, RI, PTR, OPTR, ULONG, HEX),
    SC(lsm_get_self_attr, 0, 0, RI, UINT, OPTR, PTR, HEX),
    SC(lsm_set_self_attr, 0, 0, RI, UINT, PTR, ULONG, HEX),
    SC(lsm_list_modules, 0, 0, RI, OPTR, PTR, HEX),
    SC(mseal, TM, 0, RI, PTR, ULONG, HEX),
    SC(setxattrat, TD | TF, 0, RI, DIRFD, PATH, ATFL, STR, PTR, ULONG),
    SC(getxattrat, TD | TF, 0, RI, DIRFD, PATH, ATFL, STR, OPTR, ULONG),
    SC(listxattrat, TD | TF, 0, RI, DIRFD, PATH, ATFL, out(K::BufOut), ULONG),
    SC(removexattrat, TD | TF, 0, RI, DIRFD, PATH, ATFL, STR),
    SC(open_tree_attr, TD | TF, 0, RF, DIRFD, PATH, HEX, PTR, ULONG),
    SC(file_getattr, TD | TF, 0, RI, DIRFD, PATH, OPTR, ULONG, ATFL),
    SC(file_setattr, TD | TF, 0, RI, DIRFD, PATH, PTR, ULONG, ATFL),
};
#undef SC

constexpr bool sorted_and_unique() {
  for (size_t i = 1; i < std::size(kRows); ++i)
    if (kRows[i - 1].nr >= kRows[i].nr) return false;
  return true;
}
static_assert(sorted_and_unique(), "rows must be in number order, one per syscall");
static_assert(kRows[std::size(kRows) - 1].nr < ES_MAX_SYSCALLS, "fits the BPF spec map");

// Dense index by number, built once: lookups on the hot path are one load.
struct Index {
  std::array<const Signature*, ES_MAX_SYSCALLS> by_nr{};
  Index() {
    for (const Signature& s : kRows) by_nr[s.nr] = &s;
  }
};
const Index& index() {
  static const Index idx;
  return idx;
}

}  // namespace

const Signature* signature(uint32_t nr) {
  return nr < ES_MAX_SYSCALLS ? index().by_nr[nr] : nullptr;
}

std::span<const Signature> all_signatures() { return {kRows, std::size(kRows)}; }

uint32_t table_size() { return kRows[std::size(kRows) - 1].nr + 1u; }

}  // namespace estrace::syscalls
