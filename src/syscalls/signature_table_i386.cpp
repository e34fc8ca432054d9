// The i386 table: every ia32 call, numbers from <asm/unistd_32.h> (and newer_numbers.h). A call
// whose arguments are the x86_64 call's once pointers are zero-extended uses the x86_64 row of
// its name; the exceptions below say otherwise: the x86_64 row of another name (getuid32 is
// getuid), that row with 64-bit values split over two registers (pread64), or a row of their own
// where the i386 layout differs (mmap2's page offset, struct stat64, 32-bit timespec and rlimit).
//
// Rows of their own whose structures estrace does not decode yet print them as addresses (old
// stat, sysinfo, rusage, 32-bit iovec and msghdr). socketcall is shown as the call it
// multiplexes (decode/), its pointers as addresses; ipc prints its raw arguments (strace shows
// the multiplexed call). See compat.h.
#include <asm/unistd_32.h>
#include <linux/net.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"
#include "newer_numbers.h"
#include "rows.h"

static_assert(__NR_set_mempolicy_home_node == 450, "i386 <asm/unistd_32.h> expected");
static_assert(__NR_mmap2 == 192 && __NR_set_thread_area == 243, "i386 numbering");

namespace estrace::syscalls {
namespace {

using namespace rows;  // the row shorthands

// Every i386 call by name, in number order; the header gives each its number.
// clang-format off
#define ES_I386_NAMES(X) \
    X(restart_syscall) X(exit) X(fork) X(read) X(write) X(open) X(close) X(waitpid) X(creat) \
    X(link) X(unlink) X(execve) X(chdir) X(time) X(mknod) X(chmod) X(lchown) X(break) X(oldstat) \
    X(lseek) X(getpid) X(mount) X(umount) X(setuid) X(getuid) X(stime) X(ptrace) X(alarm) \
    X(oldfstat) X(pause) X(utime) X(stty) X(gtty) X(access) X(nice) X(ftime) X(sync) X(kill) \
    X(rename) X(mkdir) X(rmdir) X(dup) X(pipe) X(times) X(prof) X(brk) X(setgid) X(getgid) \
    X(signal) X(geteuid) X(getegid) X(acct) X(umount2) X(lock) X(ioctl) X(fcntl) X(mpx) X(setpgid) \
    X(ulimit) X(oldolduname) X(umask) X(chroot) X(ustat) X(dup2) X(getppid) X(getpgrp) X(setsid) \
    X(sigaction) X(sgetmask) X(ssetmask) X(setreuid) X(setregid) X(sigsuspend) X(sigpending) \
    X(sethostname) X(setrlimit) X(getrlimit) X(getrusage) X(gettimeofday) X(settimeofday) \
    X(getgroups) X(setgroups) X(select) X(symlink) X(oldlstat) X(readlink) X(uselib) X(swapon) \
    X(reboot) X(readdir) X(mmap) X(munmap) X(truncate) X(ftruncate) X(fchmod) X(fchown) \
    X(getpriority) X(setpriority) X(profil) X(statfs) X(fstatfs) X(ioperm) X(socketcall) X(syslog) \
    X(setitimer) X(getitimer) X(stat) X(lstat) X(fstat) X(olduname) X(iopl) X(vhangup) X(idle) \
    X(vm86old) X(wait4) X(swapoff) X(sysinfo) X(ipc) X(fsync) X(sigreturn) X(clone) \
    X(setdomainname) X(uname) X(modify_ldt) X(adjtimex) X(mprotect) X(sigprocmask) \
    X(create_module) X(init_module) X(delete_module) X(get_kernel_syms) X(quotactl) X(getpgid) \
    X(fchdir) X(bdflush) X(sysfs) X(personality) X(afs_syscall) X(setfsuid) X(setfsgid) X(_llseek) \
    X(getdents) X(_newselect) X(flock) X(msync) X(readv) X(writev) X(getsid) X(fdatasync) \
    X(_sysctl) X(mlock) X(munlock) X(mlockall) X(munlockall) X(sched_setparam) X(sched_getparam) \
    X(sched_setscheduler) X(sched_getscheduler) X(sched_yield) X(sched_get_priority_max) \
    X(sched_get_priority_min) X(sched_rr_get_interval) X(nanosleep) X(mremap) X(setresuid) \
    X(getresuid) X(vm86) X(query_module) X(poll) X(nfsservctl) X(setresgid) X(getresgid) X(prctl) \
    X(rt_sigreturn) X(rt_sigaction) X(rt_sigprocmask) X(rt_sigpending) X(rt_sigtimedwait) \
    X(rt_sigqueueinfo) X(rt_sigsuspend) X(pread64) X(pwrite64) X(chown) X(getcwd) X(capget) \
    X(capset) X(sigaltstack) X(sendfile) X(getpmsg) X(putpmsg) X(vfork) X(ugetrlimit) X(mmap2) \
    X(truncate64) X(ftruncate64) X(stat64) X(lstat64) X(fstat64) X(lchown32) X(getuid32) \
    X(getgid32) X(geteuid32) X(getegid32) X(setreuid32) X(setregid32) X(getgroups32) \
    X(setgroups32) X(fchown32) X(setresuid32) X(getresuid32) X(setresgid32) X(getresgid32) \
    X(chown32) X(setuid32) X(setgid32) X(setfsuid32) X(setfsgid32) X(pivot_root) X(mincore) \
    X(madvise) X(getdents64) X(fcntl64) X(gettid) X(readahead) X(setxattr) X(lsetxattr) \
    X(fsetxattr) X(getxattr) X(lgetxattr) X(fgetxattr) X(listxattr) X(llistxattr) X(flistxattr) \
    X(removexattr) X(lremovexattr) X(fremovexattr) X(tkill) X(sendfile64) X(futex) \
    X(sched_setaffinity) X(sched_getaffinity) X(set_thread_area) X(get_thread_area) X(io_setup) \
    X(io_destroy) X(io_getevents) X(io_submit) X(io_cancel) X(fadvise64) X(exit_group) \
    X(lookup_dcookie) X(epoll_create) X(epoll_ctl) X(epoll_wait) X(remap_file_pages) \
    X(set_tid_address) X(timer_create) X(timer_settime) X(timer_gettime) X(timer_getoverrun) \
    X(timer_delete) X(clock_settime) X(clock_gettime) X(clock_getres) X(clock_nanosleep) \
    X(statfs64) X(fstatfs64) X(tgkill) X(utimes) X(fadvise64_64) X(vserver) X(mbind) \
    X(get_mempolicy) X(set_mempolicy) X(mq_open) X(mq_unlink) X(mq_timedsend) X(mq_timedreceive) \
    X(mq_notify) X(mq_getsetattr) X(kexec_load) X(waitid) X(add_key) X(request_key) X(keyctl) \
    X(ioprio_set) X(ioprio_get) X(inotify_init) X(inotify_add_watch) X(inotify_rm_watch) \
    X(migrate_pages) X(openat) X(mkdirat) X(mknodat) X(fchownat) X(futimesat) X(fstatat64) \
    X(unlinkat) X(renameat) X(linkat) X(symlinkat) X(readlinkat) X(fchmodat) X(faccessat) \
    X(pselect6) X(ppoll) X(unshare) X(set_robust_list) X(get_robust_list) X(splice) \
    X(sync_file_range) X(tee) X(vmsplice) X(move_pages) X(getcpu) X(epoll_pwait) X(utimensat) \
    X(signalfd) X(timerfd_create) X(eventfd) X(fallocate) X(timerfd_settime) X(timerfd_gettime) \
    X(signalfd4) X(eventfd2) X(epoll_create1) X(dup3) X(pipe2) X(inotify_init1) X(preadv) \
    X(pwritev) X(rt_tgsigqueueinfo) X(perf_event_open) X(recvmmsg) X(fanotify_init) \
    X(fanotify_mark) X(prlimit64) X(name_to_handle_at) X(open_by_handle_at) X(clock_adjtime) \
    X(syncfs) X(sendmmsg) X(setns) X(process_vm_readv) X(process_vm_writev) X(kcmp) \
    X(finit_module) X(sched_setattr) X(sched_getattr) X(renameat2) X(seccomp) X(getrandom) \
    X(memfd_create) X(bpf) X(execveat) X(socket) X(socketpair) X(bind) X(connect) X(listen) \
    X(accept4) X(getsockopt) X(setsockopt) X(getsockname) X(getpeername) X(sendto) X(sendmsg) \
    X(recvfrom) X(recvmsg) X(shutdown) X(userfaultfd) X(membarrier) X(mlock2) X(copy_file_range) \
    X(preadv2) X(pwritev2) X(pkey_mprotect) X(pkey_alloc) X(pkey_free) X(statx) X(arch_prctl) \
    X(io_pgetevents) X(rseq) X(semget) X(semctl) X(shmget) X(shmctl) X(shmat) X(shmdt) X(msgget) \
    X(msgsnd) X(msgrcv) X(msgctl) X(clock_gettime64) X(clock_settime64) X(clock_adjtime64) \
    X(clock_getres_time64) X(clock_nanosleep_time64) X(timer_gettime64) X(timer_settime64) \
    X(timerfd_gettime64) X(timerfd_settime64) X(utimensat_time64) X(pselect6_time64) \
    X(ppoll_time64) X(io_pgetevents_time64) X(recvmmsg_time64) X(mq_timedsend_time64) \
    X(mq_timedreceive_time64) X(semtimedop_time64) X(rt_sigtimedwait_time64) X(futex_time64) \
    X(sched_rr_get_interval_time64) X(pidfd_send_signal) X(io_uring_setup) X(io_uring_enter) \
    X(io_uring_register) X(open_tree) X(move_mount) X(fsopen) X(fsconfig) X(fsmount) X(fspick) \
    X(pidfd_open) X(clone3) X(close_range) X(openat2) X(pidfd_getfd) X(faccessat2) \
    X(process_madvise) X(epoll_pwait2) X(mount_setattr) X(quotactl_fd) X(landlock_create_ruleset) \
    X(landlock_add_rule) X(landlock_restrict_self) X(memfd_secret) X(process_mrelease) \
    X(futex_waitv) X(set_mempolicy_home_node) \
    X(cachestat) X(fchmodat2) X(map_shadow_stack) X(futex_wake) X(futex_wait) X(futex_requeue) \
    X(statmount) X(listmount) X(lsm_get_self_attr) X(lsm_set_self_attr) X(lsm_list_modules) \
    X(mseal) X(setxattrat) X(getxattrat) X(listxattrat) X(removexattrat) X(open_tree_attr) \
    X(file_getattr) X(file_setattr)
// clang-format on

struct Named {
  uint16_t nr;
  const char* name;
};
#define ES_NAMED(name) Named{__NR_##name, #name},
constexpr Named kNames[] = {ES_I386_NAMES(ES_NAMED)};
#undef ES_NAMED

// Printed argument i comes from register src[i]; P(lo) joins registers lo (low half) and lo + 1
// (high half) into one 64-bit value, PHI(hi) the same with the high half first (_llseek).
constexpr uint8_t kPair = 0x80, kPairHighFirst = 0x40, kRegMask = 0x0f;
constexpr uint8_t P(uint8_t lo) { return kPair | lo; }
constexpr uint8_t PHI(uint8_t hi) { return kPairHighFirst | hi; }

struct Remap {
  uint8_t n = 0;  // 0: identity
  std::array<uint8_t, 6> src{};
};
constexpr Remap remap(std::initializer_list<uint8_t> src) {
  Remap r;
  for (uint8_t s : src) r.src[r.n++] = s;
  return r;
}

// An i386 call not described by the x86_64 row of its own name.
struct Exception {
  uint16_t nr;
  const char* like = nullptr;  // the x86_64 row (and whole-call decoder) it shares
  Remap remap{};               // where its printed arguments come from
  Signature own{};             // its own row when own.name is set (then `like` is the decoder)
};

constexpr Exception like(unsigned nr, const char* x86_64) { return {uint16_t(nr), x86_64}; }
constexpr Exception split(unsigned nr, const char* x86_64, Remap r) {
  return {uint16_t(nr), x86_64, r};
}
constexpr Exception own(Signature s, Remap r = {}, const char* decoder = nullptr) {
  return {s.nr, decoder, r, s};
}
// A call estrace has no decoder for: its arguments in hex, as strace's printargs.
constexpr Exception raw(unsigned nr, const char* name, uint32_t classes, int nargs) {
  Signature s = row(nr, name, classes, 0, RI, {});
  s.nargs = static_cast<uint8_t>(nargs);
  for (int i = 0; i < nargs; ++i) s.args[i] = HEX;
  return {uint16_t(nr), nullptr, {}, s};
}

#define LIKE(name, x86_64) like(__NR_##name, #x86_64)
#define SPLIT(name, x86_64, ...) split(__NR_##name, #x86_64, remap({__VA_ARGS__}))
#define OWN(name, cls, fl, ret, ...) own(row(__NR_##name, #name, cls, fl, ret, {__VA_ARGS__}))
#define RAW(name, cls, n) raw(__NR_##name, #name, cls, n)

const Exception kExceptions[] = {
    // Old calls the x86_64 table lacks, or has with another layout.
    OWN(waitpid, TP, BL, RI, INT, out(K::WaitStatus), in(K::WaitOptions)),
    RAW(break, 0, 0),
    OWN(oldstat, TF | TST | TSTA, 0, RI, PATH, OPTR),
    OWN(umount, TF, 0, RI, PATH),
    OWN(stime, TCL, 0, RI, PTR),
    OWN(oldfstat, TD | TFST | TSTA, 0, RI, FD, OPTR),
    RAW(stty, 0, 2),
    RAW(gtty, 0, 2),
    OWN(nice, 0, 0, RI, INT),
    RAW(ftime, 0, 1),
    RAW(prof, 0, 0),
    OWN(signal, TS, 0, RI, SIG, PTR),
    RAW(lock, 0, 0),
    RAW(mpx, 0, 0),
    RAW(ulimit, 0, 2),
    OWN(oldolduname, 0, 0, RI, OPTR),
    OWN(sigaction, TS, 0, RI, SIG, PTR, OPTR),
    OWN(sgetmask, TS, 0, RI, ),
    OWN(ssetmask, TS, 0, RI, HEX),
    OWN(sigsuspend, TS, BL, RI, INT, INT, HEX),
    OWN(sigpending, TS, 0, RI, OPTR),
    OWN(setrlimit, 0, 0, RI, in(K::RlimitRes), in(K::Rlimit32)),
    OWN(getrlimit, 0, 0, RI, in(K::RlimitRes), out(K::Rlimit32)),
    OWN(getrusage, 0, 0, RI, in(K::RusageWho), OPTR),  // struct compat_rusage: not decoded
    OWN(select, TD, BL, RI, PTR),  // old_select: one pointer to the five arguments
    OWN(oldlstat, TF | TLST | TSTA, 0, RI, PATH, OPTR),
    OWN(readdir, TD, 0, RI, FD, OPTR, UINT),
    OWN(mmap, TD | TM, 0, RH, PTR),  // old_mmap: one pointer to the six arguments
    // Printed as the call it multiplexes (decode/): may block, as accept and recvfrom do.
    OWN(socketcall, TN, BL, RI, INT, in(K::SocketcallArgs)),
    // struct compat_stat: printed as an address.
    OWN(stat, TF | TST | TSTA, 0, RI, PATH, OPTR),
    OWN(lstat, TF | TLST | TSTA, 0, RI, PATH, OPTR),
    OWN(fstat, TD | TFST | TSTA, 0, RI, FD, OPTR),
    OWN(olduname, 0, 0, RI, OPTR),
    RAW(idle, 0, 0),
    RAW(vm86old, 0, 1),
    OWN(wait4, TP, BL, RP, PID, out(K::WaitStatus), in(K::WaitOptions), OPTR),
    OWN(sysinfo, 0, 0, RI, OPTR),  // struct compat_sysinfo: not decoded
    RAW(ipc, TI, 6),               // the multiplexed call is not decoded
    // The ia32 sigframe's sigcontext starts at sp once the restorer popped the signal number;
    // its oldmask is 80 bytes in (10 words). The mask of signals 33-64 (extramask) is not read.
    OWN(sigreturn, TS, AE, RI, in(K::OldSigFrame, 10)),
    // i386 passes tls before child_tid: x86_64's clone decoder once they are swapped back.
    SPLIT(clone, clone, 0, 1, 2, 4, 3),
    OWN(sigprocmask, TS, 0, RI, in(K::SigHow), PTR, OPTR),
    RAW(bdflush, 0, 2),
    own(row(__NR__llseek, "_llseek", TD, 0, RI, {FD, LONG, out(K::LoffOut), in(K::Whence)}),
        remap({0, PHI(1), 3, 4})),
    OWN(getdents, TD, 0, RI, FD, OPTR, UINT),  // struct linux_dirent (32-bit): not decoded
    OWN(_newselect, TD, BL, RI, INT, in(K::FdSet, 0), in(K::FdSet, 0), in(K::FdSet, 0), PTR),
    // struct compat_iovec: captured as two u32 per item (ES_CAPF_PTR32), printed as x86_64's.
    OWN(readv, TD, BL | IO, RI, FD, out(K::Iovec, 2), INT),
    OWN(writev, TD, IO, RI, FD, in(K::Iovec, 2), INT),
    OWN(nanosleep, 0, BL, RI, in(K::Timespec32), OPTR),
    RAW(vm86, 0, 2),
    // The frame's mask is at sp + 248 here (ia32 rt_sigframe after its return address: sig,
    // pinfo, puc, 128 bytes of siginfo, then ucontext's flags, link, 12-byte stack and 88-byte
    // sigcontext): 31 words.
    own(row(__NR_rt_sigreturn, "rt_sigreturn", TS, AE, RI, {in(K::SigFrame, 31)}), {},
        "rt_sigreturn"),
    OWN(rt_sigaction, TS, 0, RI, SIG, in(K::Sigaction32), out(K::Sigaction32), ULONG),
    OWN(rt_sigtimedwait, TS, BL, RI, in(K::Sigset, 3), OPTR, in(K::Timespec32), ULONG),
    SPLIT(pread64, pread64, 0, 1, 2, P(3)),
    SPLIT(pwrite64, pwrite64, 0, 1, 2, P(3)),
    OWN(ugetrlimit, 0, 0, RI, in(K::RlimitRes), out(K::Rlimit32)),
    OWN(mmap2, TD | TM, 0, RH, PTR, ULONG, in(K::MmapProt), in(K::MmapFlags), FD, in(K::MmapPgoff)),
    SPLIT(truncate64, truncate, 0, P(1)),
    SPLIT(ftruncate64, ftruncate, 0, P(1)),
    OWN(stat64, TF | TST | TSTA, 0, RI, PATH, out(K::Stat64)),
    OWN(lstat64, TF | TLST | TSTA, 0, RI, PATH, out(K::Stat64)),
    OWN(fstat64, TD | TFST | TSTA, 0, RI, FD, out(K::Stat64)),
    // The 32-bit uid calls are x86_64's; the old 16-bit ones keep their own names.
    LIKE(lchown32, lchown),
    LIKE(getuid32, getuid),
    LIKE(getgid32, getgid),
    LIKE(geteuid32, geteuid),
    LIKE(getegid32, getegid),
    LIKE(setreuid32, setreuid),
    LIKE(setregid32, setregid),
    LIKE(getgroups32, getgroups),
    LIKE(setgroups32, setgroups),
    LIKE(fchown32, fchown),
    LIKE(setresuid32, setresuid),
    LIKE(getresuid32, getresuid),
    LIKE(setresgid32, setresgid),
    LIKE(getresgid32, getresgid),
    LIKE(chown32, chown),
    LIKE(setuid32, setuid),
    LIKE(setgid32, setgid),
    LIKE(setfsuid32, setfsuid),
    LIKE(setfsgid32, setfsgid),
    LIKE(fcntl64, fcntl),
    SPLIT(readahead, readahead, 0, P(1), 3),
    LIKE(sendfile64, sendfile),
    own(row(__NR_futex, "futex", 0, BL, RI,
            {PTR, in(K::FutexOp), UINT, in(K::Timespec32), PTR, UINT}),
        {}, "futex"),
    OWN(set_thread_area, 0, 0, RI, in(K::UserDesc)),
    OWN(get_thread_area, 0, 0, RI, out(K::UserDesc)),
    SPLIT(fadvise64, fadvise64, 0, P(1), 3, 4),
    SPLIT(lookup_dcookie, lookup_dcookie, P(0), 2, 3),
    OWN(clock_settime, TCL, 0, RI, CLK, in(K::Timespec32)),
    OWN(clock_gettime, TCL, 0, RI, CLK, out(K::Timespec32)),
    OWN(clock_getres, TCL, 0, RI, CLK, out(K::Timespec32)),
    OWN(clock_nanosleep, 0, BL, RI, CLK, HEX, in(K::Timespec32), OPTR),
    OWN(statfs64, TF | TSF | TSFA, 0, RI, PATH, ULONG, OPTR),
    OWN(fstatfs64, TD | TFSF | TSFA, 0, RI, FD, ULONG, OPTR),
    SPLIT(fadvise64_64, fadvise64, 0, P(1), P(3), 5),
    OWN(fstatat64, TD | TF | TFST | TSTA, 0, RI, DIRFD, PATH, out(K::Stat64), ATFL),
    OWN(pselect6, TD, BL, RI, INT, in(K::FdSet, 0), in(K::FdSet, 0), in(K::FdSet, 0),
        in(K::Timespec32), PTR),
    OWN(ppoll, TD, BL, RI, in(K::PollFds, 1), UINT, in(K::Timespec32), in(K::Sigset, 4), ULONG),
    SPLIT(sync_file_range, sync_file_range, 0, P(1), P(3), 5),
    SPLIT(fallocate, fallocate, 0, 1, P(2), P(4)),
    // struct itimerspec32: printed as addresses.
    OWN(timerfd_settime, TD, 0, RI, FD, in(K::TimerfdSetFlags), PTR, OPTR),
    OWN(timerfd_gettime, TD, 0, RI, FD, OPTR),
    own(row(__NR_preadv, "preadv", TD, BL | IO, RI, {FD, out(K::Iovec, 2), INT, LONG}),
        remap({0, 1, 2, P(3)})),
    own(row(__NR_pwritev, "pwritev", TD, IO, RI, {FD, in(K::Iovec, 2), INT, LONG}),
        remap({0, 1, 2, P(3)})),
    SPLIT(fanotify_mark, fanotify_mark, 0, 1, P(2), 4, 5),
    // struct compat_mmsghdr: printed as an address (the capture knows x86_64's layout only).
    OWN(recvmmsg, TN, BL, RI, FD, OPTR, UINT, in(K::MsgFlags), in(K::Timespec32)),
    OWN(sendmmsg, TN, 0, RI, FD, PTR, UINT, in(K::MsgFlags)),
    // struct compat_msghdr: captured widened to x86_64's layout (ES_CAPF_PTR32).
    OWN(sendmsg, TN, IO, RI, FD, in(K::Msghdr), in(K::MsgFlags)),
    OWN(recvmsg, TN, BL | IO, RI, FD, out(K::Msghdr), in(K::MsgFlags)),
    own(row(__NR_preadv2, "preadv2", TD, BL | IO, RI, {FD, out(K::Iovec, 2), INT, LONG, HEX}),
        remap({0, 1, 2, P(3), 5})),
    own(row(__NR_pwritev2, "pwritev2", TD, IO, RI, {FD, in(K::Iovec, 2), INT, LONG, HEX}),
        remap({0, 1, 2, P(3), 5})),
    // y2038: the _time64 calls take x86_64's 64-bit structures.
    LIKE(clock_gettime64, clock_gettime),
    LIKE(clock_settime64, clock_settime),
    LIKE(clock_adjtime64, clock_adjtime),
    LIKE(clock_getres_time64, clock_getres),
    LIKE(clock_nanosleep_time64, clock_nanosleep),
    LIKE(timer_gettime64, timer_gettime),
    LIKE(timer_settime64, timer_settime),
    LIKE(timerfd_gettime64, timerfd_gettime),
    LIKE(timerfd_settime64, timerfd_settime),
    LIKE(utimensat_time64, utimensat),
    LIKE(pselect6_time64, pselect6),
    LIKE(ppoll_time64, ppoll),
    LIKE(io_pgetevents_time64, io_pgetevents),
    // struct compat_mmsghdr: printed as an address (the capture knows x86_64's layout only).
    own(row(__NR_recvmmsg_time64, "recvmmsg_time64", TN, BL, RI,
            {FD, OPTR, UINT, in(K::MsgFlags), in(K::Timespec)})),
    LIKE(mq_timedsend_time64, mq_timedsend),
    LIKE(mq_timedreceive_time64, mq_timedreceive),
    LIKE(semtimedop_time64, semtimedop),
    LIKE(rt_sigtimedwait_time64, rt_sigtimedwait),
    LIKE(futex_time64, futex),
    LIKE(sched_rr_get_interval_time64, sched_rr_get_interval),
};
#undef LIKE
#undef SPLIT
#undef OWN
#undef RAW

// 32-bit signed arguments: sign-extended, so -1, AT_FDCWD and negative offsets print as such.
bool is_signed(ArgKind k) {
  return k == ArgKind::Int || k == ArgKind::Long || k == ArgKind::Fd || k == ArgKind::Dirfd ||
         k == ArgKind::Pid;
}

struct Entry {
  Signature sig;
  Remap remap;
  int shared = -1;  // the x86_64 number whose decoder it uses, or -1
};

// Built once: the rows by key, and every name.
struct Table {
  std::vector<Signature> rows;               // number order
  std::array<int, ES_MAX_SYSCALLS> by_nr{};  // index in `entries`, -1 for none
  std::vector<Entry> entries;
  std::unordered_map<std::string_view, uint32_t> by_name;

  Table() {
    by_nr.fill(-1);
    for (const Named& n : kNames) {
      Entry e;
      const Exception* x = nullptr;
      for (const Exception& ex : kExceptions)
        if (ex.nr == n.nr) x = &ex;
      const char* like = x && x->like ? x->like : n.name;
      auto x86 = number_of(like);
      if (x && x->own.name) {
        e.sig = x->own;
        // An own row with a `like` is printed by that x86_64 row's whole-call decoder.
        if (const Signature* s = x->like && x86 ? signature(*x86) : nullptr)
          e.sig.decoder = s->decoder;
      } else if (const Signature* s = x86 ? signature(*x86) : nullptr) {
        e.sig = *s;
      } else {
        // Unreachable with the tables as written (a unit test walks every name): printargs.
        e.sig = Signature{};
        e.sig.nargs = 6;
        for (auto& a : e.sig.args) a = HEX;
      }
      if (x86 && (!x || x->like)) e.shared = static_cast<int>(*x86);
      if (x) e.remap = x->remap;
      e.sig.nr = static_cast<uint16_t>(compat_key(n.nr));
      e.sig.name = n.name;
      entries.push_back(e);
      by_name.emplace(n.name, compat_key(n.nr));
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.sig.nr < b.sig.nr; });
    for (size_t i = 0; i < entries.size(); ++i) {
      by_nr[arch_number(entries[i].sig.nr)] = static_cast<int>(i);
      rows.push_back(entries[i].sig);
    }
  }
};

const Table& table() {
  static const Table t;
  return t;
}

const Entry* entry(uint32_t key) {
  if (!is_compat_key(key) || arch_number(key) >= ES_MAX_SYSCALLS) return nullptr;
  int i = table().by_nr[arch_number(key)];
  return i < 0 ? nullptr : &table().entries[static_cast<size_t>(i)];
}

// socketcall's SYS_* numbers and the calls they stand for.
struct Subcall {
  int nr;
  const char* name;
};
constexpr Subcall kSubcalls[] = {
    {SYS_SOCKET, "socket"},
    {SYS_BIND, "bind"},
    {SYS_CONNECT, "connect"},
    {SYS_LISTEN, "listen"},
    {SYS_ACCEPT, "accept"},
    {SYS_GETSOCKNAME, "getsockname"},
    {SYS_GETPEERNAME, "getpeername"},
    {SYS_SOCKETPAIR, "socketpair"},
    {SYS_SEND, "send"},
    {SYS_RECV, "recv"},
    {SYS_SENDTO, "sendto"},
    {SYS_RECVFROM, "recvfrom"},
    {SYS_SHUTDOWN, "shutdown"},
    {SYS_SETSOCKOPT, "setsockopt"},
    {SYS_GETSOCKOPT, "getsockopt"},
    {SYS_SENDMSG, "sendmsg"},
    {SYS_RECVMSG, "recvmsg"},
    {SYS_ACCEPT4, "accept4"},
    {SYS_RECVMMSG, "recvmmsg"},
    {SYS_SENDMMSG, "sendmmsg"},
};

}  // namespace

std::optional<uint32_t> socketcall_target(uint64_t subcall) {
  for (const Subcall& s : kSubcalls) {
    if (uint64_t(s.nr) != subcall) continue;
    if (auto key = compat_number_of(s.name)) return key;
    return number_of(s.name);
  }
  return std::nullopt;
}

const Signature* compat_signature(uint32_t key) {
  const Entry* e = entry(key);
  return e ? &table().rows[static_cast<size_t>(e - table().entries.data())] : nullptr;
}

std::span<const Signature> compat_signatures() { return table().rows; }

std::optional<uint32_t> compat_number_of(std::string_view name) {
  auto it = table().by_name.find(name);
  if (it == table().by_name.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> compat_shared_layout(uint32_t key) {
  const Entry* e = entry(key);
  if (!e || e->shared < 0) return std::nullopt;
  return static_cast<uint32_t>(e->shared);
}

ArgSource compat_arg_source(uint32_t key, int i) {
  const Entry* e = entry(key);
  if (!e || e->remap.n == 0 || i < 0 || i >= e->remap.n) return {static_cast<uint8_t>(i)};
  uint8_t s = e->remap.src[static_cast<size_t>(i)];
  uint8_t reg = s & kRegMask;
  if (s & kPair) return {reg, static_cast<uint8_t>(reg + 1)};
  if (s & kPairHighFirst) return {static_cast<uint8_t>(reg + 1), reg};
  return {reg};
}

void widen_compat_args(uint32_t key, std::array<uint64_t, 6>& args) {
  const Entry* e = entry(key);
  if (!e) return;
  std::array<uint64_t, 6> regs = args, wide{};
  for (int i = 0; i < 6; ++i) {
    ArgSource src = compat_arg_source(key, i);
    uint64_t lo = regs[src.reg % 6] & 0xffffffffu;
    if (src.hi != ArgSource::kNone) {
      wide[i] = lo | regs[src.hi % 6] << 32;
    } else if (i < e->sig.nargs && is_signed(e->sig.args[i].kind)) {
      wide[i] = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(lo)));
    } else {
      wide[i] = lo;
    }
  }
  args = wide;
}

int compat_printed_index(uint32_t key, int reg) {
  const Entry* e = entry(key);
  if (!e || e->remap.n == 0) return reg;
  for (int i = 0; i < e->remap.n; ++i)
    if (compat_arg_source(key, i).reg == reg) return i;
  return -1;
}

}  // namespace estrace::syscalls
