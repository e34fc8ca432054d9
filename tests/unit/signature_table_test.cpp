// syscalls: every signature row against what the rest of estrace reads from it: the
// descriptor table's effect (-y, -P), -Y's pid arguments, -e read=/write= dumps and the
// whole-call decoders. The lists here are strace's, kept apart from the rows they check.
#include <algorithm>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {
namespace {

// The x86_64 rows, then the ia32 ones.
std::vector<const Signature*> every_row() {
  std::vector<const Signature*> rows;
  for (const Signature& s : all_signatures()) rows.push_back(&s);
  for (const Signature& s : compat_signatures()) rows.push_back(&s);
  return rows;
}

const Signature& row_named(std::string_view name) { return *signature(*number_of(name)); }

TEST(SignatureTable, EveryFdReturningCallHasAnEffect) {
  for (const Signature* s : every_row()) {
    if (s->ret != RetKind::Fd) continue;
    EXPECT_TRUE(s->fd == FdEffect::NewFd || s->fd == FdEffect::OpenPath || s->fd == FdEffect::Dup)
        << s->name;
  }
  for (auto name : {"userfaultfd", "fanotify_init", "io_uring_setup", "open_tree", "fsopen",
                    "pidfd_getfd", "landlock_create_ruleset", "memfd_secret", "fsmount"})
    EXPECT_EQ(row_named(name).fd, FdEffect::NewFd) << name;
  for (auto name : {"open", "openat", "creat", "openat2"})
    EXPECT_EQ(row_named(name).fd, FdEffect::OpenPath) << name;
  for (auto name : {"dup", "dup2", "dup3"}) EXPECT_EQ(row_named(name).fd, FdEffect::Dup) << name;
}

// What the argument kinds say without the row naming it.
TEST(SignatureTable, FdEffectsFollowTheArgumentKinds) {
  for (auto name : {"pipe", "pipe2", "socketpair"})
    EXPECT_EQ(row_named(name).fd, FdEffect::FdPair) << name;
  for (auto name : {"recvmsg", "recvmmsg"})
    EXPECT_EQ(row_named(name).fd, FdEffect::Received) << name;
  for (auto name : {"execve", "execveat"}) EXPECT_EQ(row_named(name).fd, FdEffect::Exec) << name;
  EXPECT_EQ(row_named("fcntl").fd, FdEffect::DupByCmd);
  EXPECT_EQ(signature(*compat_number_of("fcntl64"))->fd, FdEffect::DupByCmd);
  EXPECT_EQ(row_named("close").fd, FdEffect::Close);
  EXPECT_EQ(row_named("chdir").fd, FdEffect::Chdir);
  EXPECT_EQ(row_named("fchdir").fd, FdEffect::Chdir);
  for (auto name : {"read", "write", "getppid", "mmap", "sendmsg", "rmdir"})
    EXPECT_EQ(row_named(name).fd, FdEffect::None) << name;
}

// strace 6.1's printpid() sites: the pid arguments (bit i: argument i) and, when the call
// returns a pid, its kind (set_tid_address's result is not one of them).
struct PidSite {
  std::string_view name;
  uint8_t args;
  RetKind ret = RetKind::Int;  // Int: no pid returned
};
constexpr PidSite kPidSites[] = {
    {"getpid", 0, RetKind::Pid},
    {"getppid", 0, RetKind::Pid},
    {"gettid", 0, RetKind::Pid},
    {"getpgrp", 0, RetKind::Pid},
    {"getpgid", 0b1, RetKind::Pid},
    {"getsid", 0b1, RetKind::Pid},
    {"setpgid", 0b11},
    {"fork", 0, RetKind::ChildPid},
    {"vfork", 0, RetKind::ChildPid},
    {"clone", 0, RetKind::ChildPid},
    {"clone3", 0, RetKind::ChildPid},
    {"wait4", 0b1, RetKind::Pid},
    {"kill", 0b1},
    {"tkill", 0b1},
    {"tgkill", 0b11},
    {"rt_sigqueueinfo", 0b1},
    {"rt_tgsigqueueinfo", 0b11},
    {"pidfd_open", 0b1},
    {"prlimit64", 0b1},
    {"sched_setparam", 0b1},
    {"sched_getparam", 0b1},
    {"sched_setscheduler", 0b1},
    {"sched_getscheduler", 0b1},
    {"sched_rr_get_interval", 0b1},
    {"sched_setaffinity", 0b1},
    {"sched_getaffinity", 0b1},
    {"sched_setattr", 0b1},
    {"sched_getattr", 0b1},
    {"ptrace", 0b10},
    {"process_vm_readv", 0b1},
    {"process_vm_writev", 0b1},
    {"kcmp", 0b11},
    {"get_robust_list", 0b1},
    {"migrate_pages", 0b1},
    {"move_pages", 0b1},
    {"perf_event_open", 0b10},
};

const PidSite* pid_site(std::string_view name) {
  for (const PidSite& p : kPidSites)
    if (p.name == name) return &p;
  return nullptr;
}

// An ia32 row laid out as x86_64's shares its kinds, whatever its name
// (sched_rr_get_interval_time64): only the rows named like a site are held to it.
TEST(SignatureTable, EveryPidArgumentIsAPidKind) {
  for (const Signature* s : every_row()) {
    const PidSite* site = pid_site(s->name);
    if (!site && is_compat_key(s->nr) && shared_layout(s->nr)) continue;
    for (int i = 0; i < s->nargs; ++i)
      EXPECT_EQ(is_pid_kind(s->args[i].kind), site && (site->args >> i & 1))
          << s->name << " argument " << i;
    const bool returns_pid = s->ret == RetKind::Pid || s->ret == RetKind::ChildPid;
    EXPECT_EQ(returns_pid, site && site->ret != RetKind::Int) << s->name;
    if (site && returns_pid) {
      EXPECT_EQ(s->ret, site->ret) << s->name;
    }
  }
}

// strace's dumpio() cases that estrace captures.
TEST(SignatureTable, DumpedCallsMoveDataThroughTheirFirstArgument) {
  constexpr std::string_view kDumped[] = {
      "read",  "pread64",  "recvfrom", "readv",  "preadv",  "preadv2",  "recvmsg", "recvmmsg",
      "write", "pwrite64", "sendto",   "writev", "pwritev", "pwritev2", "sendmsg", "sendmmsg"};
  for (const Signature& s : all_signatures())
    EXPECT_EQ(bool(s.flags & kDumpsIo),
              std::find(std::begin(kDumped), std::end(kDumped), s.name) != std::end(kDumped))
        << s.name;
  for (const Signature* s : every_row()) {
    if (!(s->flags & kDumpsIo)) continue;
    ASSERT_GE(s->nargs, 2) << s->name;
    EXPECT_EQ(s->args[0].kind, ArgKind::Fd) << s->name;
    const ArgKind k = s->args[1].kind;
    EXPECT_TRUE(k == ArgKind::BufIn || k == ArgKind::BufOut || k == ArgKind::Iovec ||
                k == ArgKind::Msghdr || k == ArgKind::Mmsghdr)
        << s->name;
  }
}

TEST(SignatureTable, WholeCallDecodersAreNamedByTheRows) {
  std::vector<std::string_view> decoded;
  for (const Signature& s : all_signatures())
    if (s.decoder != Decoder::None) decoded.emplace_back(s.name);
  EXPECT_EQ(decoded, (std::vector<std::string_view>{"rt_sigreturn", "clone", "futex", "preadv2",
                                                    "pwritev2", "clone3"}));
  auto ia32 = [](const char* name) { return signature(*compat_number_of(name))->decoder; };
  EXPECT_EQ(ia32("clone"), Decoder::Clone);  // x86_64's, its arguments swapped back
  EXPECT_EQ(ia32("futex"), Decoder::Futex);  // its own row (a 32-bit timespec), x86_64's text
  EXPECT_EQ(ia32("futex_time64"), Decoder::Futex);
  EXPECT_EQ(ia32("rt_sigreturn"), Decoder::RtSigreturn);
  EXPECT_EQ(ia32("preadv2"), Decoder::None);  // its offset is split: printed by its row
}

}  // namespace
}  // namespace estrace::syscalls
