// Summaries aggregated in the kernel: strace -c's counts, percentiles, intervals.
#include <sys/syscall.h>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace it {
namespace {

class Summary : public EstraceTest {};

// syscall -> (calls, errors) from a strace -c table.
std::map<std::string, std::pair<long, long>> table_counts(const std::string& text) {
  std::map<std::string, std::pair<long, long>> rows;
  int dashes = 0;
  for (const auto& line : split_lines(text)) {
    if (line.rfind("------", 0) == 0) {
      ++dashes;
      continue;
    }
    if (dashes != 1) continue;  // rows sit between the two dashed lines
    std::istringstream in(line);
    std::vector<std::string> cols;
    for (std::string c; in >> c;) cols.push_back(c);
    if (cols.size() == 6) rows[cols[5]] = {std::stol(cols[3]), std::stol(cols[4])};
    if (cols.size() == 5) rows[cols[4]] = {std::stol(cols[3]), 0};
  }
  return rows;
}

TEST_F(Summary, CallsAndErrorsEqualStraceC) {
  TempDir dir;
  RunResult s = run({"/usr/bin/strace", "-c", "-o", dir.file("s"), program("basic"), "0"});
  ASSERT_EQ(s.status, 0) << s.err;
  RunResult e = run_estrace({"-c", "-o", dir.file("e"), program("basic"), "0"});
  ASSERT_EQ(e.status, 0) << e.err;
  auto want = table_counts(read_file(dir.file("s")));
  auto got = table_counts(read_file(dir.file("e")));
  ASSERT_GT(want.size(), 5u) << read_file(dir.file("s"));
  EXPECT_EQ(got, want) << "strace:\n"
                       << read_file(dir.file("s")) << "estrace:\n"
                       << read_file(dir.file("e"));
  EXPECT_EQ(want["openat"].second, 1) << "the failing openat is counted as an error";
}

// Followed children: each fork starts from an empty enter-time slot and each execve is counted
// once, as strace -f -c counts them (the summary-only path keeps no per-task storage).
TEST_F(Summary, FollowedChildrenCountLikeStraceF) {
  TempDir dir;
  const std::string script = program("basic") + " 0; " + program("basic") + " 0";
  RunResult s = run({"/usr/bin/strace", "-f", "-c", "-o", dir.file("s"), "/bin/sh", "-c", script});
  ASSERT_EQ(s.status, 0) << s.err;
  RunResult e = run_estrace({"-f", "-c", "-o", dir.file("e"), "/bin/sh", "-c", script});
  ASSERT_EQ(e.status, 0) << e.err;
  auto want = table_counts(read_file(dir.file("s")));
  auto got = table_counts(read_file(dir.file("e")));
  ASSERT_EQ(want["execve"].first, 3) << read_file(dir.file("s"));
  EXPECT_EQ(got, want) << "strace:\n"
                       << read_file(dir.file("s")) << "estrace:\n"
                       << read_file(dir.file("e"));
}

TEST_F(Summary, SummaryOnlyPrintsNoTraceLines) {
  RunResult e = run_estrace({"-c", program("basic"), "0"});
  ASSERT_EQ(e.status, 0) << e.err;
  EXPECT_EQ(e.err.find("openat("), std::string::npos) << e.err;
  EXPECT_NE(e.err.find("% time"), std::string::npos) << e.err;
  EXPECT_NE(e.err.find("total"), std::string::npos) << e.err;
}

// strace -c -p: the attach and detach notices and the table, nothing else; a call in
// progress at attach is counted when it ends, never shown as "<unfinished ...>".
TEST_F(Summary, SummaryOnlyOfAttachedPidShowsNoCallInProgress) {
  SpawnOptions with_stdin;
  with_stdin.pipe_stdin = true;
  Child target({program("blocked_read")}, with_stdin);
  ASSERT_TRUE(wait_until([&] { return blocked_syscall(target.pid()) == SYS_read; }, deadline_in()))
      << "blocked_read never blocked in read";
  Child tracer({estrace_path(), "-c", "-p", std::to_string(target.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, literal(attached(target.pid())), deadline_in()))
      << tracer.err();
  target.write_stdin("ping\n");
  ASSERT_TRUE(target.wait_exit(deadline_in()));
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << tracer.err();
  EXPECT_EQ(*status, 0) << tracer.err();
  auto lines = split_lines(tracer.err());
  for (const auto& line : lines) {
    if (line.rfind("estrace: ", 0) == 0) continue;
    // Table lines have no parentheses; trace, signal and exit lines do or start with +++/---.
    EXPECT_EQ(line.find('('), std::string::npos) << dump(lines);
    EXPECT_NE(line.rfind("+++", 0), 0u) << dump(lines);
  }
  EXPECT_TRUE(has_line(lines, R"(.* write)"));
}

nlohmann::json syscall_entry(const nlohmann::json& report, const std::string& name) {
  for (const auto& s : report["syscalls"])
    if (s["name"] == name) return s;
  return {};
}

TEST_F(Summary, PercentilesOfAKnownMix) {
  // 90 sleeps of 1 ms and 10 of 10 ms: p50 is a 1 ms sleep, p99 a 10 ms one. A sleep lasts
  // longer than asked (timer slack, scheduling; under an emulator, as in the kernel matrix,
  // a 10 ms sleep can take 18), never shorter: the bounds below the true values are tight,
  // those above say only which class of sleep each percentile fell in.
  RunResult e = run_estrace({"--latency", "--json", "-e", "trace=nanosleep,clock_nanosleep",
                             program("sleeper"), "90", "1000", "10", "10000"});
  ASSERT_EQ(e.status, 0) << e.err;
  auto report = nlohmann::json::parse(split_lines(e.err).back());
  auto sleep = syscall_entry(report, "clock_nanosleep");
  if (sleep.is_null()) sleep = syscall_entry(report, "nanosleep");
  ASSERT_FALSE(sleep.is_null()) << e.err;
  EXPECT_EQ(sleep["calls"], 100);
  double p50 = sleep["p50_us"], p99 = sleep["p99_us"], max = sleep["max_us"];
  EXPECT_GE(p50, 1000 * 0.97) << e.err;  // the histogram's precision below the true value
  EXPECT_LE(p50, 1000 * 1.5) << e.err;
  EXPECT_GE(p99, 10000 * 0.97) << e.err;
  EXPECT_LE(p99, 10000 * 2) << e.err;
  EXPECT_GE(max, p99);
}

TEST_F(Summary, IntervalsThenAnExactTotal) {
  // 1200 getppid calls paced 1 ms apart (about 1.5 s), reported every 0.4 s.
  RunResult e = run_estrace(
      {"--interval=0.4", "--json", "-e", "trace=getppid", program("paced"), "1200", "1000"});
  ASSERT_EQ(e.status, 0) << e.err;
  std::vector<nlohmann::json> intervals;
  nlohmann::json total;
  for (const auto& line : split_lines(e.err)) {
    if (line.empty() || line[0] != '{') continue;
    auto j = nlohmann::json::parse(line);
    (j.contains("interval") ? intervals.emplace_back(j) : total) = j;
  }
  ASSERT_GE(intervals.size(), 2u) << e.err;
  long sum = 0;
  for (const auto& i : intervals) {
    auto g = syscall_entry(i, "getppid");
    ASSERT_FALSE(g.is_null()) << i.dump();
    long calls = g["calls"];
    EXPECT_GT(calls, 100) << i.dump();  // 0.4 s at one call per ~1.1 ms
    EXPECT_LE(calls, 400) << i.dump();
    sum += calls;
  }
  ASSERT_FALSE(total.is_null()) << e.err;
  EXPECT_EQ(syscall_entry(total, "getppid")["calls"], 1200) << e.err;
  EXPECT_LE(sum, 1200);
}

}  // namespace
}  // namespace it
