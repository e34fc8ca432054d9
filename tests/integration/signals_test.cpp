// Signal deliveries ("--- SIG... {siginfo} ---") and the end of a process killed by a signal.
#include "harness.h"

namespace it {
namespace {

class Signals : public EstraceTest {};

// signals.c prints "pid P" and "child C" on stdout.
int stdout_pid(const std::string& out, const std::string& key) {
  std::smatch m;
  std::regex re("(^|\n)" + key + " (\\d+)\n");
  if (!std::regex_search(out, m, re)) return -1;
  return std::stoi(m[2]);
}

TEST_F(Signals, UserSignalAndChildExit) {
  RunResult r = run_estrace({program("signals")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  const int pid = stdout_pid(r.out, "pid");
  const int child = stdout_pid(r.out, "child");
  ASSERT_GT(pid, 0) << r.out;
  ASSERT_GT(child, 0) << r.out;
  const std::string p = std::to_string(pid), c = std::to_string(child);

  auto lines = texts(join_unfinished(parse_trace(r.err)));
  // kill() to itself: the signal is delivered on the way out of the call, so strace prints
  // the call, the delivery, then the handler's rt_sigreturn, in that order and adjacent.
  auto k = find_line(lines, literal("kill(" + p + ", SIGUSR1) = 0"));
  ASSERT_TRUE(k) << dump(lines);
  ASSERT_LT(*k + 2, lines.size());
  EXPECT_EQ(lines[*k + 1],
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=" + p + ", si_uid=0} ---");
  // The handler's return (strace decodes the argument as {mask=[]}; that decoding is the
  // conformance suite's business, here it is the call's presence and place that count).
  EXPECT_TRUE(full_match(lines[*k + 2], R"(rt_sigreturn\(.*\) = 0)")) << lines[*k + 2];

  // The child is not traced (no -f) but its SIGCHLD to the parent is.
  EXPECT_TRUE(has_line(lines, literal("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=" +
                                      c + ", si_uid=0, si_status=0, si_utime=0, si_stime=0} ---")));
  EXPECT_EQ(count_lines(lines, R"(--- SIG.*)"), 2u) << dump(lines);
  // Nothing of the child's own calls without -f.
  EXPECT_FALSE(find_line(lines, R"(set_robust_list.*)", *k)) << dump(lines);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
}

// Killed by SIGKILL: the kill never returns ("= ?"), estrace reports it and exits 128+9.
TEST_F(Signals, KilledBySigkill) {
  RunResult r = run_estrace({program("signals"), "kill"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 137) << r.err;
  const int pid = stdout_pid(r.out, "pid");
  ASSERT_GT(pid, 0) << r.out;
  auto lines = texts(parse_trace(r.err));
  ASSERT_GE(lines.size(), 2u) << dump(lines);
  EXPECT_EQ(lines[lines.size() - 2], "kill(" + std::to_string(pid) + ", SIGKILL) = ?")
      << dump(lines);
  EXPECT_EQ(lines.back(), "+++ killed by SIGKILL +++");
  // SIGKILL is never "delivered" to a handler: no "--- SIGKILL" line, as in strace.
  EXPECT_FALSE(find_line(lines, R"(--- SIGKILL.*)")) << dump(lines);
}

// Under -f the child's lines appear, and the parent still gets its SIGCHLD line.
TEST_F(Signals, ChildFollowedWithSignals) {
  TempDir dir;
  const std::string out = dir.file("trace");
  RunResult r = run_estrace({"-f", "-o", out, program("signals")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  const int pid = stdout_pid(r.out, "pid");
  const int child = stdout_pid(r.out, "child");
  ASSERT_GT(pid, 0);
  ASSERT_GT(child, 0);
  auto parsed = join_unfinished(parse_trace(read_file(out)));
  auto parent_lines = texts_of(parsed, pid);
  auto child_lines = texts_of(parsed, child);
  EXPECT_TRUE(has_line(child_lines, literal("exit_group(0) = ?")));
  ASSERT_FALSE(child_lines.empty());
  EXPECT_EQ(child_lines.back(), "+++ exited with 0 +++");
  EXPECT_TRUE(has_line(
      parent_lines,
      literal("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=" + std::to_string(child) +
              ", si_uid=0, si_status=0, si_utime=0, si_stime=0} ---")));
  EXPECT_TRUE(
      has_line(parent_lines, literal("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=" +
                                     std::to_string(pid) + ", si_uid=0} ---")));
  EXPECT_EQ(parent_lines.back(), "+++ exited with 0 +++");
}

}  // namespace
}  // namespace it
