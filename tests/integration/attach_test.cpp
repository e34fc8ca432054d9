// -p PID: attach to a program that is already running, show what it does from then on
// (including a call it is blocked in at attach), detach on SIGINT/SIGTERM without harm.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "harness.h"

namespace it {
namespace {

class Attach : public EstraceTest {};

// Runs `counter`, attaches, checks live lines, then stops estrace with `sig`.
void attach_then_stop_with(int sig) {
  TempDir dir;
  const std::string file = dir.file("count");
  Child target({program("counter"), file, "30"});
  ASSERT_TRUE(wait_until([&] { return read_counter(file).has_value(); }, deadline_in()));

  Child tracer({estrace_path(), "-p", std::to_string(target.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(target.pid())), deadline_in()))
      << tracer.err();
  // Calls made after attach appear, decoded: the counter's pwrite64 of its 21-byte record.
  ASSERT_TRUE(tracer.wait_line(
      Stream::Err,
      [](const std::string& l) {
        return full_match(normalize(l), R"(pwrite64\(3, "\d{20}\\n", 21, 0\) = 21)");
      },
      deadline_in()))
      << tracer.err();

  tracer.signal(sig);
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << "estrace did not exit after signal " << sig << "\n" << tracer.err();
  // strace exits 0 or 128+sig here; either is acceptable, a crash is not.
  EXPECT_TRUE(*status == 0 || *status == 128 + sig) << "status " << *status;
  auto lines = split_lines(tracer.err());
  // strace may print it after the partial line of the call in progress ("clock_nanosleep(...,
  // strace: Process N detached"), so it need not start the line.
  EXPECT_TRUE(has_line(lines, ".*" + literal(detached(target.pid()))));
  EXPECT_EQ(count_lines(lines, literal(attached(target.pid()))), 1u);

  // The program survived the detach, is not stopped, and keeps going.
  EXPECT_FALSE(target.exited());
  auto state = proc_state(target.pid());
  ASSERT_TRUE(state);
  EXPECT_TRUE(runs_unstopped(*state)) << "state " << *state;
  EXPECT_TRUE(counter_advances(file, 20, deadline_in(5s)));
}

TEST_F(Attach, LinesOfARunningProgramThenDetachOnSigint) { attach_then_stop_with(SIGINT); }
TEST_F(Attach, DetachOnSigterm) { attach_then_stop_with(SIGTERM); }

// A read(0, ...) already blocked when estrace attaches is shown at once as unfinished (the
// test waits for that line before unblocking it), then resumed with what it read.
TEST_F(Attach, ReadBlockedAtAttach) {
  SpawnOptions with_stdin;
  with_stdin.pipe_stdin = true;
  Child target({program("blocked_read")}, with_stdin);
  ASSERT_TRUE(wait_until([&] { return blocked_syscall(target.pid()) == SYS_read; }, deadline_in()))
      << "blocked_read never blocked in read";

  Child tracer({estrace_path(), "-p", std::to_string(target.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(target.pid())), deadline_in()))
      << tracer.err();
  ASSERT_TRUE(tracer.wait_line(Stream::Err, R"(read\(0, +<unfinished \.\.\.>)", deadline_in()))
      << "the blocked read was not reported before it returned:\n"
      << tracer.err();

  target.write_stdin("ping\n");
  auto target_status = target.wait_exit(deadline_in());
  ASSERT_TRUE(target_status);
  EXPECT_EQ(*target_status, 0);
  EXPECT_EQ(target.out(), "ping\n");

  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << "estrace -p did not exit when its process did\n" << tracer.err();
  EXPECT_EQ(*status, 0);

  auto lines = texts(parse_trace(tracer.err()));
  auto a = find_line(lines, literal(attached(target.pid())));
  auto u = find_line(lines, R"(read\(0, +<unfinished \.\.\.>)");
  auto r = find_line(lines, literal(R"(<... read resumed>"ping\n", 64) = 5)"));
  auto w = find_line(lines, literal(R"(write(1, "ping\n", 5) = 5)"));
  auto e = find_line(lines, literal("exit_group(0) = ?"));
  auto x = find_line(lines, literal("+++ exited with 0 +++"));
  ASSERT_TRUE(a && u && r && w && e && x) << dump(lines);
  EXPECT_LT(*a, *u);
  EXPECT_LT(*u, *r);
  EXPECT_LT(*r, *w);
  EXPECT_LT(*w, *e);
  EXPECT_LT(*e, *x);
  // Exactly one read shown: the resumed one is the same call, not a second one.
  EXPECT_EQ(count_lines(lines, R"(read\(.*)"), 1u) << dump(lines);
}

// flock(2) blocked at attach: the test holds the lock on its own open file description, the
// program blocks in flock(3, LOCK_EX); estrace must show it pending, then resumed once the
// test lets go.
TEST_F(Attach, FlockBlockedAtAttach) {
  TempDir dir;
  const std::string path = dir.file("lock");
  int lock_fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(lock_fd, 0);
  ASSERT_EQ(flock(lock_fd, LOCK_EX), 0);

  Child target({program("blocked_flock"), path});
  ASSERT_TRUE(wait_until([&] { return blocked_syscall(target.pid()) == SYS_flock; }, deadline_in()))
      << "blocked_flock never blocked in flock";

  Child tracer({estrace_path(), "-p", std::to_string(target.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(target.pid())), deadline_in()))
      << tracer.err();
  ASSERT_TRUE(
      tracer.wait_line(Stream::Err, literal("flock(3, LOCK_EX <unfinished ...>"), deadline_in()))
      << "the blocked flock was not reported before it returned:\n"
      << tracer.err();
  // Still blocked: the line above came from estrace noticing, not from the call returning.
  EXPECT_EQ(blocked_syscall(target.pid()), SYS_flock);

  ASSERT_EQ(flock(lock_fd, LOCK_UN), 0);
  close(lock_fd);
  auto target_status = target.wait_exit(deadline_in());
  ASSERT_TRUE(target_status);
  EXPECT_EQ(*target_status, 0);
  EXPECT_EQ(target.out(), "locked\n");

  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << tracer.err();
  EXPECT_EQ(*status, 0);
  auto lines = texts(parse_trace(tracer.err()));
  auto u = find_line(lines, literal("flock(3, LOCK_EX <unfinished ...>"));
  auto r = find_line(lines, literal("<... flock resumed>) = 0"));
  auto w = find_line(lines, literal(R"(write(1, "locked\n", 7) = 7)"));
  auto x = find_line(lines, literal("+++ exited with 0 +++"));
  ASSERT_TRUE(u && r && w && x) << dump(lines);
  EXPECT_LT(*u, *r);
  EXPECT_LT(*r, *w);
  EXPECT_LT(*w, *x);
}

// Two pids at once with -o FILE: every line carries strace's "%-5d " pid prefix.
TEST_F(Attach, TwoPidsToAFileArePrefixed) {
  SpawnOptions with_stdin;
  with_stdin.pipe_stdin = true;
  Child a({program("blocked_read")}, with_stdin);
  Child b({program("blocked_read")}, with_stdin);
  for (Child* c : {&a, &b})
    ASSERT_TRUE(wait_until([&] { return blocked_syscall(c->pid()) == SYS_read; }, deadline_in()));

  TempDir dir;
  const std::string out = dir.file("trace");
  Child tracer(
      {estrace_path(), "-o", out, "-p", std::to_string(a.pid()) + "," + std::to_string(b.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(a.pid())), deadline_in()))
      << tracer.err();
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(b.pid())), deadline_in()))
      << tracer.err();

  // Both reads were blocked at attach and must be reported pending before they are released
  // (otherwise the data could race the attach and the test would prove nothing about it).
  for (Child* c : {&a, &b})
    ASSERT_TRUE(wait_file_line(out, std::to_string(c->pid()) + R"( +read\(0, +<unfinished \.\.\.>)",
                               deadline_in()))
        << read_file(out);
  a.write_stdin("one\n");
  b.write_stdin("two\n");
  ASSERT_TRUE(a.wait_exit(deadline_in()));
  ASSERT_TRUE(b.wait_exit(deadline_in()));
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << "estrace did not exit after both processes did\n" << tracer.err();
  EXPECT_EQ(*status, 0);

  auto parsed = join_unfinished(parse_trace(read_file(out)));
  ASSERT_FALSE(parsed.empty());
  for (const auto& l : parsed) {
    EXPECT_TRUE(l.pid == a.pid() || l.pid == b.pid()) << "line without a known pid: " << l.text;
    EXPECT_TRUE(l.prefix_ok) << "prefix is not \"%-5d \": " << l.text;
  }
  auto la = texts_of(parsed, a.pid());
  auto lb = texts_of(parsed, b.pid());
  // The reads were pending at attach; joined with their resumption they are whole calls.
  EXPECT_TRUE(has_line(la, literal(R"(read(0, "one\n", 64) = 4)")));
  EXPECT_TRUE(has_line(lb, literal(R"(read(0, "two\n", 64) = 4)")));
  EXPECT_TRUE(has_line(la, literal(R"(write(1, "one\n", 4) = 4)")));
  EXPECT_TRUE(has_line(lb, literal(R"(write(1, "two\n", 4) = 4)")));
  EXPECT_TRUE(has_line(la, literal("+++ exited with 0 +++")));
  EXPECT_TRUE(has_line(lb, literal("+++ exited with 0 +++")));
}

}  // namespace
}  // namespace it
