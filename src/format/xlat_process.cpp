// Process, time and signal constants: unshare/clone flags, wait options, rlimits, arch_prctl,
// futex commands, clock ids, getrandom flags, sigprocmask, sa_flags, ioctl requests, si_codes.
#include <asm/prctl.h>
#include <linux/futex.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <csignal>
#include <ctime>

#include "estrace/format/xlat_tables.h"

#define X(c) \
  XlatEntry { static_cast<uint64_t>(c), #c }
// si_code values are negative ints for the SI_* family: compare as 32-bit patterns.
#define XI(c) \
  XlatEntry { static_cast<uint32_t>(c), #c }

namespace estrace::format::xlat {
namespace {

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000  // kernel uapi asm/signal.h; glibc keeps it private
#endif
#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif
#ifndef ARCH_GET_XCOMP_SUPP
#define ARCH_GET_XCOMP_SUPP 0x1021
#define ARCH_GET_XCOMP_PERM 0x1022
#define ARCH_REQ_XCOMP_PERM 0x1023
#endif

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif
// Numeric order, as strace prints them (CLONE_NEWTIME shares clone()'s exit-signal byte and
// only appears for clone3 and unshare, whose callers mask that byte out first).
constexpr XlatEntry kCloneFlagsE[] = {
    X(CLONE_NEWTIME),
    X(CLONE_VM),
    X(CLONE_FS),
    X(CLONE_FILES),
    X(CLONE_SIGHAND),
    X(CLONE_PIDFD),
    X(CLONE_PTRACE),
    X(CLONE_VFORK),
    X(CLONE_PARENT),
    X(CLONE_THREAD),
    X(CLONE_NEWNS),
    X(CLONE_SYSVSEM),
    X(CLONE_SETTLS),
    X(CLONE_PARENT_SETTID),
    X(CLONE_CHILD_CLEARTID),
    X(CLONE_DETACHED),
    X(CLONE_UNTRACED),
    X(CLONE_CHILD_SETTID),
    X(CLONE_NEWCGROUP),
    X(CLONE_NEWUTS),
    X(CLONE_NEWIPC),
    X(CLONE_NEWUSER),
    X(CLONE_NEWPID),
    X(CLONE_NEWNET),
    X(CLONE_IO),
    X(CLONE_CLEAR_SIGHAND),
    X(CLONE_INTO_CGROUP),
};
// unshare(2) and setns(2): the flags those calls accept, in strace's order.
constexpr XlatEntry kUnshareFlagsE[] = {
    X(CLONE_NEWTIME), X(CLONE_VM),      X(CLONE_FS),      X(CLONE_FILES),     X(CLONE_SIGHAND),
    X(CLONE_THREAD),  X(CLONE_NEWNS),   X(CLONE_SYSVSEM), X(CLONE_NEWCGROUP), X(CLONE_NEWUTS),
    X(CLONE_NEWIPC),  X(CLONE_NEWUSER), X(CLONE_NEWPID),  X(CLONE_NEWNET),
};
constexpr XlatEntry kSchedPoliciesE[] = {X(SCHED_OTHER), X(SCHED_FIFO), X(SCHED_RR),
                                         X(SCHED_BATCH), X(SCHED_IDLE), X(SCHED_DEADLINE)};
constexpr XlatEntry kRusageWhoE[] = {XI(RUSAGE_SELF), XI(RUSAGE_CHILDREN), XI(RUSAGE_THREAD)};
constexpr XlatEntry kWaitOptionsE[] = {X(WNOHANG), X(WEXITED),  X(WSTOPPED), X(WCONTINUED),
                                       X(WNOWAIT), X(__WCLONE), X(__WALL),   X(__WNOTHREAD)};
constexpr XlatEntry kRlimitsE[] = {
    X(RLIMIT_CPU),      X(RLIMIT_FSIZE), X(RLIMIT_DATA),   X(RLIMIT_STACK),
    X(RLIMIT_CORE),     X(RLIMIT_RSS),   X(RLIMIT_NPROC),  X(RLIMIT_NOFILE),
    X(RLIMIT_MEMLOCK),  X(RLIMIT_AS),    X(RLIMIT_LOCKS),  X(RLIMIT_SIGPENDING),
    X(RLIMIT_MSGQUEUE), X(RLIMIT_NICE),  X(RLIMIT_RTPRIO), X(RLIMIT_RTTIME),
};
constexpr XlatEntry kArchPrctlE[] = {
    X(ARCH_SET_GS),         X(ARCH_SET_FS),         X(ARCH_GET_FS),
    X(ARCH_GET_GS),         X(ARCH_GET_CPUID),      X(ARCH_SET_CPUID),
    X(ARCH_GET_XCOMP_SUPP), X(ARCH_GET_XCOMP_PERM), X(ARCH_REQ_XCOMP_PERM),
};
constexpr XlatEntry kFutexCmdsE[] = {
    X(FUTEX_WAIT),           X(FUTEX_WAKE),        X(FUTEX_FD),          X(FUTEX_REQUEUE),
    X(FUTEX_CMP_REQUEUE),    X(FUTEX_WAKE_OP),     X(FUTEX_LOCK_PI),     X(FUTEX_UNLOCK_PI),
    X(FUTEX_TRYLOCK_PI),     X(FUTEX_WAIT_BITSET), X(FUTEX_WAKE_BITSET), X(FUTEX_WAIT_REQUEUE_PI),
    X(FUTEX_CMP_REQUEUE_PI), X(FUTEX_LOCK_PI2),
};
constexpr XlatEntry kClockIdsE[] = {
    X(CLOCK_REALTIME),          X(CLOCK_MONOTONIC),     X(CLOCK_PROCESS_CPUTIME_ID),
    X(CLOCK_THREAD_CPUTIME_ID), X(CLOCK_MONOTONIC_RAW), X(CLOCK_REALTIME_COARSE),
    X(CLOCK_MONOTONIC_COARSE),  X(CLOCK_BOOTTIME),      X(CLOCK_REALTIME_ALARM),
    X(CLOCK_BOOTTIME_ALARM),    X(CLOCK_TAI),
};
constexpr XlatEntry kGrndFlagsE[] = {X(GRND_NONBLOCK), X(GRND_RANDOM), X(GRND_INSECURE)};
constexpr XlatEntry kSigHowE[] = {X(SIG_BLOCK), X(SIG_UNBLOCK), X(SIG_SETMASK)};
constexpr XlatEntry kSaFlagsE[] = {
    X(SA_RESTORER),  X(SA_ONSTACK), X(SA_RESTART),   X(SA_INTERRUPT), X(SA_NODEFER),
    X(SA_RESETHAND), X(SA_SIGINFO), X(SA_NOCLDSTOP), X(SA_NOCLDWAIT),
};
constexpr XlatEntry kIoctlCmdsE[] = {
    X(TCGETS),     X(TCSETS),     X(TCSETSW),   X(TCSETSF),     X(TCGETA),   X(TCSETA),
    X(TCSETAW),    X(TCSETAF),    X(TCSBRK),    X(TCXONC),      X(TCFLSH),   X(TIOCEXCL),
    X(TIOCNXCL),   X(TIOCSCTTY),  X(TIOCGPGRP), X(TIOCSPGRP),   X(TIOCOUTQ), X(TIOCSTI),
    X(TIOCGWINSZ), X(TIOCSWINSZ), X(TIOCMGET),  X(TIOCMSET),    X(FIONREAD), X(TIOCLINUX),
    X(TIOCCONS),   X(FIONBIO),    X(TIOCNOTTY), X(TIOCGSID),    X(TIOCGPTN), X(TIOCSPTLCK),
    X(FIONCLEX),   X(FIOCLEX),    X(FIOASYNC),  X(TIOCGPTPEER),
};
constexpr XlatEntry kSiCodesE[] = {
    XI(SI_USER),    XI(SI_KERNEL), XI(SI_QUEUE), XI(SI_TIMER),    XI(SI_MESGQ),
    XI(SI_ASYNCIO), XI(SI_SIGIO),  XI(SI_TKILL), XI(SI_DETHREAD), XI(SI_ASYNCNL),
};
constexpr XlatEntry kCldCodesE[] = {X(CLD_EXITED),  X(CLD_KILLED),  X(CLD_DUMPED),
                                    X(CLD_TRAPPED), X(CLD_STOPPED), X(CLD_CONTINUED)};
constexpr XlatEntry kSegvCodesE[] = {X(SEGV_MAPERR), X(SEGV_ACCERR), X(SEGV_BNDERR),
                                     X(SEGV_PKUERR)};
constexpr XlatEntry kBusCodesE[] = {X(BUS_ADRALN), X(BUS_ADRERR), X(BUS_OBJERR), X(BUS_MCEERR_AR),
                                    X(BUS_MCEERR_AO)};
constexpr XlatEntry kIllCodesE[] = {X(ILL_ILLOPC), X(ILL_ILLOPN), X(ILL_ILLADR), X(ILL_ILLTRP),
                                    X(ILL_PRVOPC), X(ILL_PRVREG), X(ILL_COPROC), X(ILL_BADSTK)};
constexpr XlatEntry kFpeCodesE[] = {X(FPE_INTDIV), X(FPE_INTOVF), X(FPE_FLTDIV), X(FPE_FLTOVF),
                                    X(FPE_FLTUND), X(FPE_FLTRES), X(FPE_FLTINV), X(FPE_FLTSUB)};
constexpr XlatEntry kTrapCodesE[] = {X(TRAP_BRKPT), X(TRAP_TRACE), X(TRAP_BRANCH), X(TRAP_HWBKPT)};
constexpr XlatEntry kPollCodesE[] = {X(POLL_IN),  X(POLL_OUT), X(POLL_MSG),
                                     X(POLL_ERR), X(POLL_PRI), X(POLL_HUP)};

}  // namespace

const Xlat kCloneFlags{kCloneFlagsE, "CLONE_???"};
const Xlat kUnshareFlags{kUnshareFlagsE, "CLONE_???"};
const Xlat kWaitOptions{kWaitOptionsE, "W???"};
const Xlat kRlimits{kRlimitsE, "RLIMIT_???"};
const Xlat kArchPrctl{kArchPrctlE, "ARCH_???"};
const Xlat kFutexCmds{kFutexCmdsE, "FUTEX_???"};
const Xlat kClockIds{kClockIdsE, "CLOCK_???"};
const Xlat kGrndFlags{kGrndFlagsE, "GRND_???"};
const Xlat kSigHow{kSigHowE, "SIG_???"};
const Xlat kSaFlags{kSaFlagsE, "SA_???"};
const Xlat kIoctlCmds{kIoctlCmdsE, "???"};
const Xlat kSiCodes{kSiCodesE, "SI_???"};
const Xlat kCldCodes{kCldCodesE, "CLD_???"};
const Xlat kSegvCodes{kSegvCodesE, "SEGV_???"};
const Xlat kBusCodes{kBusCodesE, "BUS_???"};
const Xlat kIllCodes{kIllCodesE, "ILL_???"};
const Xlat kFpeCodes{kFpeCodesE, "FPE_???"};
const Xlat kTrapCodes{kTrapCodesE, "TRAP_???"};
const Xlat kPollCodes{kPollCodesE, "POLL_???"};
const Xlat kSchedPolicies{kSchedPoliciesE, "SCHED_???"};
const Xlat kRusageWho{kRusageWhoE, "RUSAGE_???"};

}  // namespace estrace::format::xlat
