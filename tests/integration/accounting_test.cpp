// Exact accounting under load: every process and thread is accounted for, every call counted,
// and nothing lost with the default ring.
#include <map>
#include <regex>

#include "harness.h"

namespace it {
namespace {

class Accounting : public EstraceTest {};

// How many lines of `lines` fully match `regex`.
size_t count_matching(const std::vector<TraceLine>& lines, const std::string& regex) {
  std::regex re(regex);
  size_t n = 0;
  for (const auto& l : lines) n += std::regex_match(l.text, re);
  return n;
}

// 2,000 short processes under -f: each one's exit, with its status, and the parent's.
TEST_F(Accounting, ForkStormEveryProcessHasItsExitLine) {
  TempDir dir;
  const std::string trace = dir.file("trace");
  RunResult r = run_estrace(
      {"-f", "-o", trace, "-e", "trace=getppid", program("fork_storm"), "2000"}, {}, 240s);
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("lost"), std::string::npos) << r.err;
  auto lines = parse_trace(read_file(trace));
  EXPECT_EQ(count_matching(lines, R"(getppid\(\) = \d+)"), 2000u);
  std::map<int, int> status_count;
  std::regex exited(R"(\+\+\+ exited with (\d+) \+\+\+)");
  std::smatch m;
  for (const auto& l : lines)
    if (std::regex_match(l.text, m, exited)) ++status_count[std::stoi(m[1])];
  // Children exit with index % 200: ten of each status; the parent with 0.
  ASSERT_EQ(status_count.size(), 200u);
  for (const auto& [status, n] : status_count)
    EXPECT_EQ(n, status == 0 ? 11 : 10) << "exit status " << status;
}

// -c counts every call the program made: busy_run calls makes N getppid calls.
TEST_F(Accounting, SummaryCountsEveryCall) {
  TempDir dir;
  RunResult r = run_estrace({"-c", "-e", "trace=getppid", "--", program("busy_run"), "calls",
                             "5000", dir.file("result")});
  ASSERT_EQ(r.status, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex(R"(\n.* (\d+) +getppid\n)"))) << r.err;
  EXPECT_EQ(std::stoul(m[1]), 5000u) << r.err;
}

// 1,000 threads blocked in read when estrace attaches, then released: each read's end and
// each thread's exit is shown.
TEST_F(Accounting, ThousandThreadsBlockedAtAttachThenExiting) {
  SpawnOptions piped;
  piped.pipe_stdin = true;
  Child target({program("blocked_threads"), "1000"}, piped);
  ASSERT_TRUE(target.wait_line(Stream::Out, "ready", deadline_in())) << target.err();
  TempDir dir;
  const std::string trace = dir.file("trace");
  Child tracer(
      {estrace_path(), "-o", trace, "-e", "trace=read,exit", "-p", std::to_string(target.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, R"(estrace: Process \d+ attached.*)", deadline_in()))
      << tracer.err();
  target.write_stdin(std::string(1000, 'x'));
  auto target_status = target.wait_exit(deadline_in(60s));
  ASSERT_EQ(target_status, std::optional<int>(0)) << target.err();
  auto status = tracer.wait_exit(deadline_in(60s));
  ASSERT_TRUE(status) << tracer.err();
  EXPECT_EQ(tracer.err().find("lost"), std::string::npos) << tracer.err();
  auto lines = join_unfinished(parse_trace(read_file(trace)));
  EXPECT_EQ(count_matching(lines, R"(read\(0, "x", 1\) = 1)"), 1000u) << tail(read_file(trace), 20);
  EXPECT_EQ(count_matching(lines, R"(exit\(0\) = \?)"), 1000u) << tail(read_file(trace), 20);
  EXPECT_EQ(count_matching(lines, R"(\+\+\+ exited with 0 \+\+\+)"), 1001u)
      << tail(read_file(trace), 20);
}

}  // namespace
}  // namespace it
