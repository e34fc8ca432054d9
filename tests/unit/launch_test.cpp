// launch: /proc/PID/task/TID/syscall parsing and command resolution.
#include "estrace/launch/launch.h"

#include <unistd.h>

#include <gtest/gtest.h>

namespace estrace::launch {
namespace {

TEST(ProcSyscall, BlockedCallGivesNumberAndArgs) {
  auto call = parse_proc_syscall("73 0x3 0x2 0x0 0x7ffd1 0x0 0xff 0x7ffe5a0 0x7f12\n");
  ASSERT_TRUE(call);
  EXPECT_EQ(call->nr, 73u);
  EXPECT_EQ(call->args[0], 3u);
  EXPECT_EQ(call->args[1], 2u);
  EXPECT_EQ(call->args[3], 0x7ffd1u);
  EXPECT_EQ(call->args[5], 0xffu);
}

TEST(ProcSyscall, RunningOrOutsideACallGivesNothing) {
  EXPECT_FALSE(parse_proc_syscall("running\n"));
  EXPECT_FALSE(parse_proc_syscall("-1 0x7ffe5a0 0x7f12\n"));
  EXPECT_FALSE(parse_proc_syscall(""));
  EXPECT_FALSE(parse_proc_syscall("12 0x1"));  // cut short
}

TEST(ResolveCommand, SearchesPathLikeExecvp) {
  auto sh = resolve_command("sh");
  ASSERT_TRUE(sh) << sh.error();
  EXPECT_EQ(sh->front(), '/');
  EXPECT_EQ(access(sh->c_str(), X_OK), 0);
}

TEST(ResolveCommand, MissingCommandIsStraceWording) {
  auto missing = resolve_command("estrace-no-such-command");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), "Can't stat 'estrace-no-such-command': No such file or directory");
  auto missing_path = resolve_command("/nonexistent/x");
  ASSERT_FALSE(missing_path);
  EXPECT_EQ(missing_path.error(), "Can't stat '/nonexistent/x': No such file or directory");
}

TEST(Threads, OfThisProcessIncludeItsPid) {
  auto tids = threads_of(getpid());
  ASSERT_TRUE(tids);
  EXPECT_NE(std::find(tids->begin(), tids->end(), static_cast<uint32_t>(getpid())), tids->end());
  EXPECT_FALSE(threads_of(999999999));
}

}  // namespace
}  // namespace estrace::launch

#include "estrace/decode/pid_namespaces.h"

namespace estrace::decode {
namespace {

TEST(PidNamespaces, InnermostPidFromStatus) {
  EXPECT_EQ(parse_nspid("Name:\tsh\nNSpid:\t4242\t7\nNSpgid:\t1\n"), 7u);
  EXPECT_EQ(parse_nspid("NSpid:\t4242\n"), 4242u);
  EXPECT_EQ(parse_nspid("Name:\tsh\n"), std::nullopt);
  PidNamespaces ns;
  EXPECT_EQ(ns.inner(static_cast<uint32_t>(getpid())), std::nullopt);  // same namespace
}

}  // namespace
}  // namespace estrace::decode
