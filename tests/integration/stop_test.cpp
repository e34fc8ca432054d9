// How a run ends when estrace both launched a command and attached to -p processes, and
// when estrace itself is told to stop: it detaches and exits, leaving every process running.
#include <signal.h>
#include <sys/syscall.h>

#include "harness.h"

namespace it {
namespace {

class Stop : public EstraceTest {};

// The first child of `pid` (/proc/PID/task/PID/children), or -1.
pid_t first_child(pid_t pid) {
  const std::string p = std::to_string(pid);
  std::string children = read_file("/proc/" + p + "/task/" + p + "/children");
  return children.empty() ? -1 : std::stoi(children);
}

// A counter program to attach to, running until the test ends.
struct Target {
  TempDir dir;
  std::string count = dir.file("count");
  Child child{{program("counter"), count, "30"}};
};

void expect_unharmed(Target& t) {
  EXPECT_FALSE(t.child.exited());
  auto state = proc_state(t.child.pid());
  ASSERT_TRUE(state);
  EXPECT_TRUE(runs_unstopped(*state)) << "state " << *state;
  EXPECT_TRUE(counter_advances(t.count, 20, deadline_in(5s)));
}

// `estrace -p PID CMD`: when CMD exits, estrace detaches from PID and exits with CMD's status.
TEST_F(Stop, CommandEndDetachesFromPids) {
  Target t;
  ASSERT_TRUE(wait_until([&] { return read_counter(t.count).has_value(); }, deadline_in()));
  TempDir dir;
  RunResult r = run_estrace(
      {"-o", dir.file("trace"), "-p", std::to_string(t.child.pid()), program("basic"), "3"});
  ASSERT_FALSE(r.timed_out) << "estrace kept tracing the -p process after its command ended\n"
                            << r.err;
  EXPECT_EQ(r.status, 3) << r.err;
  auto lines = split_lines(r.err);
  EXPECT_TRUE(has_line(lines, literal(attached(t.child.pid()))));
  EXPECT_TRUE(has_line(lines, ".*" + literal(detached(t.child.pid()))));
  EXPECT_TRUE(has_line(split_lines(read_file(dir.file("trace"))), R"(.*exit_group\(3\) += \?)"));
  expect_unharmed(t);
}

// SIGINT, SIGTERM or SIGHUP to estrace alone, while its command and the -p process run on:
// estrace detaches and exits (128 + N, as strace dies of it). SIGTERM and SIGHUP are passed
// on to the command, which dies of them; a SIGINT from the terminal would have reached it
// anyway, so estrace does not repeat it and the command runs on untraced.
class StopOnSignal : public Stop, public ::testing::WithParamInterface<int> {};

TEST_P(StopOnSignal, DetachesAndExits) {
  const int sig = GetParam();
  Target t;
  ASSERT_TRUE(wait_until([&] { return read_counter(t.count).has_value(); }, deadline_in()));
  TempDir dir;
  const std::string trace = dir.file("trace");
  Child tracer({estrace_path(), "-o", trace, "-p", std::to_string(t.child.pid()),
                program("sleeper"), "1", "30000000", "0", "0"});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(t.child.pid())), deadline_in()))
      << tracer.err();
  ASSERT_TRUE(wait_file_line(trace, R"(.*pwrite64\(3, .*)", deadline_in())) << read_file(trace);
  const pid_t command = first_child(tracer.pid());
  ASSERT_GT(command, 0);
  ASSERT_TRUE(wait_until(
      [&] {
        auto nr = blocked_syscall(command);
        return nr == SYS_clock_nanosleep || nr == SYS_nanosleep;
      },
      deadline_in()))
      << "the command never reached its long sleep";

  tracer.signal(sig);
  // estrace's end, by its state: after SIGINT the command outlives it and holds its pipes.
  ASSERT_TRUE(
      wait_until([&] { return proc_state(tracer.pid()).value_or('Z') == 'Z'; }, deadline_in(10s)))
      << "estrace ignored signal " << sig << "\n"
      << tracer.err();
  // After SIGINT the command runs on, untraced (the test's, not estrace's, to end); after
  // SIGTERM and SIGHUP it is gone, and its pid may be another process's by now.
  if (sig == SIGINT) kill(command, SIGKILL);
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << tracer.err();
  EXPECT_EQ(*status, 128 + sig) << tracer.err();
  EXPECT_TRUE(has_line(split_lines(tracer.err()), ".*" + literal(detached(t.child.pid()))));
  expect_unharmed(t);
}

INSTANTIATE_TEST_SUITE_P(Signals, StopOnSignal, ::testing::Values(SIGINT, SIGTERM, SIGHUP),
                         [](const auto& info) { return std::string(sigabbrev_np(info.param)); });

}  // namespace
}  // namespace it
