// Launch mode: `estrace [options] CMD ARGS` runs CMD, prints its calls, exits with its status.
// Expected lines were taken from strace 6.1 on the same programs (alignment padding aside).
#include <ctime>

#include "harness.h"

namespace it {
namespace {

class Launch : public EstraceTest {};

const std::string kOpenatLine =
    R"(openat(AT_FDCWD, "/nonexistent/x", O_RDONLY) = -1 ENOENT (No such file or directory))";
const std::string kWriteLine = R"(write(1, "hello\n", 6) = 6)";

std::vector<std::string> trace_of(const RunResult& r) { return texts(parse_trace(r.err)); }

TEST_F(Launch, ExitZeroPassesThroughWithCallLines) {
  RunResult r = run_estrace({program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "hello\n");  // the command's stdout is its own, untouched
  auto lines = trace_of(r);
  EXPECT_TRUE(has_line(lines, literal(kOpenatLine)));
  EXPECT_TRUE(has_line(lines, literal(kWriteLine)));
  EXPECT_TRUE(has_line(lines, literal("exit_group(0) = ?")));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++") << dump(lines);
  // Program order is kept: openat, then write, then exit_group.
  auto o = find_line(lines, literal(kOpenatLine));
  auto w = find_line(lines, literal(kWriteLine));
  auto e = find_line(lines, literal("exit_group(0) = ?"));
  ASSERT_TRUE(o && w && e) << dump(lines);
  EXPECT_LT(*o, *w);
  EXPECT_LT(*w, *e);
}

TEST_F(Launch, NonZeroExitPassesThrough) {
  RunResult r = run_estrace({program("basic"), "3"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 3) << r.err;
  auto lines = trace_of(r);
  EXPECT_TRUE(has_line(lines, literal("exit_group(3) = ?")));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 3 +++") << dump(lines);
}

// The first line is the execve that started the command, resolved through PATH like strace
// does, with argv as given and the environment counted (we pass exactly two variables).
TEST_F(Launch, FirstLineIsTheExecve) {
  SpawnOptions env;
  env.env = std::vector<std::string>{"PATH=" + programs_dir() + ":/usr/bin:/bin", "LC_ALL=C"};
  RunResult r = run_estrace({"basic", "0"}, env);
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_of(r);
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(full_match(lines.front(),
                         literal("execve(\"" + program("basic") + "\", [\"basic\", \"0\"], ") +
                             R"(0x[0-9a-f]+ /\* 2 vars \*/\) = 0)"))
      << dump(lines);
}

// The same with an absolute path (and -s large enough that argv[0] is not truncated).
TEST_F(Launch, FirstLineIsTheExecveOfAnAbsolutePath) {
  RunResult r = run_estrace({"-s", "4096", "--", program("basic"), "7"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 7) << r.err;
  auto lines = trace_of(r);
  ASSERT_FALSE(lines.empty());
  const std::string p = program("basic");
  EXPECT_TRUE(full_match(lines.front(), literal("execve(\"" + p + "\", [\"" + p + "\", \"7\"], ") +
                                            R"(0x[0-9a-f]+ /\* \d+ vars \*/\) = 0)"))
      << dump(lines);
}

// -o FILE: the trace goes to the file (no pid prefix without -f), nothing of it on stderr.
TEST_F(Launch, OutputFile) {
  TempDir dir;
  const std::string out = dir.file("trace");
  RunResult r = run_estrace({"-o", out, program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto raw = split_lines(read_file(out));
  ASSERT_FALSE(raw.empty());
  EXPECT_EQ(raw.front().rfind("execve(", 0), 0u) << dump(raw);
  auto lines = texts(parse_trace(read_file(out)));
  EXPECT_TRUE(has_line(lines, literal(kOpenatLine)));
  EXPECT_TRUE(has_line(lines, literal(kWriteLine)));
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++") << dump(lines);
}

TEST_F(Launch, TraceFilterShowsOnlyTheNamedCalls) {
  RunResult r = run_estrace({"-e", "trace=openat,close", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_of(r);
  EXPECT_TRUE(has_line(lines, literal(kOpenatLine)));
  // The dynamic loader opens and closes libraries too: both names must show up...
  EXPECT_TRUE(has_line(lines, R"(close\(\d+\) = 0)"));
  // ...and nothing else but the exit notice.
  for (const auto& l : lines) {
    bool allowed =
        l.rfind("openat(", 0) == 0 || l.rfind("close(", 0) == 0 || l == "+++ exited with 0 +++";
    EXPECT_TRUE(allowed) << "unexpected line: " << l;
  }
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++") << dump(lines);
}

TEST_F(Launch, StringLimitTruncates) {
  RunResult r = run_estrace({"-s", "5", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0);
  auto lines = trace_of(r);
  EXPECT_TRUE(has_line(lines, literal(R"(write(1, "hello"..., 6) = 6)")));
  EXPECT_FALSE(find_line(lines, literal(kWriteLine))) << dump(lines);
}

TEST_F(Launch, DurationSuffix) {
  RunResult r = run_estrace({"-T", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0);
  auto lines = trace_of(r);
  EXPECT_TRUE(has_line(lines, literal(kWriteLine) + R"( <\d+\.\d{6}>)"));
  EXPECT_TRUE(has_line(lines, literal(kOpenatLine) + R"( <\d+\.\d{6}>)"));
  // A call that never returns has no duration.
  EXPECT_TRUE(has_line(lines, literal("exit_group(0) = ?")));
}

// A call's start is stamped only when something shows it. getrandom of 32 MiB takes
// milliseconds and never blocks (it has no enter record, only the enter stamp): -T must show
// that time, not the zero of a start taken to be the end.
TEST_F(Launch, DurationIsTheCallsLength) {
  RunResult r = run_estrace({"-T", "-e", "trace=getrandom", program("long_call")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_of(r);
  auto at = find_line(lines, R"(getrandom\(.*= 33554432 <\d+\.\d{6}>)");
  ASSERT_TRUE(at) << dump(lines);
  const std::string& l = lines[*at];
  EXPECT_GE(std::stod(l.substr(l.rfind('<') + 1)), 0.001) << l;
}

// -ttt stamps a line with its call's start: getrandom's line is milliseconds before the next.
TEST_F(Launch, TimestampIsTheCallsStart) {
  RunResult r = run_estrace({"-ttt", "-e", "trace=getrandom,getpid", program("long_call")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_of(r);
  auto call = find_line(lines, R"(\d+\.\d{6} getrandom\(.*= 33554432)");
  auto next = find_line(lines, R"(\d+\.\d{6} getpid\(.*)");
  ASSERT_TRUE(call && next) << dump(lines);
  auto stamp = [](const std::string& l) { return std::stod(l.substr(0, l.find(' '))); };
  EXPECT_GE(stamp(lines[*next]) - stamp(lines[*call]), 0.001) << dump(lines);
}

TEST_F(Launch, MicrosecondTimestamps) {
  RunResult r = run_estrace({"-tt", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0);
  auto lines = trace_of(r);
  ASSERT_FALSE(lines.empty());
  const std::string ts = R"(\d{2}:\d{2}:\d{2}\.\d{6} )";
  for (const auto& l : lines) EXPECT_TRUE(full_match(l, ts + ".*")) << "no -tt stamp: " << l;
  EXPECT_TRUE(has_line(lines, ts + literal(kWriteLine)));
  EXPECT_TRUE(has_line(lines, ts + literal("+++ exited with 0 +++")));
}

TEST_F(Launch, EpochTimestamps) {
  const long before = static_cast<long>(std::time(nullptr));
  RunResult r = run_estrace({"-ttt", program("basic"), "0"});
  const long after = static_cast<long>(std::time(nullptr));
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0);
  auto lines = trace_of(r);
  ASSERT_FALSE(lines.empty());
  std::regex re(R"((\d{10})\.\d{6} (.*))");
  for (const auto& l : lines) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(l, m, re)) << "no -ttt stamp: " << l;
    // Wall-clock seconds, not boot-relative: within the run (one second of slack each side).
    long secs = std::stol(m[1]);
    EXPECT_GE(secs, before - 1) << l;
    EXPECT_LE(secs, after + 1) << l;
  }
  EXPECT_TRUE(has_line(lines, R"(\d{10}\.\d{6} )" + literal(kWriteLine)));
}

}  // namespace
}  // namespace it

namespace it {
namespace {

class Outcome : public EstraceTest {};

// -Z keeps the failing openat and drops the successful write; -z the other way round. Both
// are decided in the kernel; the exit line is not a call and stays.
TEST_F(Outcome, FailedOnlyAndSuccessfulOnly) {
  RunResult failed = run_estrace({"-Z", program("basic"), "0"});
  ASSERT_EQ(failed.status, 0) << failed.err;
  auto f = texts(parse_trace(failed.err));
  EXPECT_TRUE(has_line(f, literal(kOpenatLine))) << failed.err;
  EXPECT_FALSE(has_line(f, literal(kWriteLine))) << failed.err;
  EXPECT_EQ(f.back(), "+++ exited with 0 +++");
  for (const auto& l : f)
    if (l.rfind("+++", 0) != 0) {
      EXPECT_NE(l.find("= -1 "), std::string::npos) << l;
    }

  RunResult ok = run_estrace({"-z", program("basic"), "0"});
  ASSERT_EQ(ok.status, 0) << ok.err;
  auto s = texts(parse_trace(ok.err));
  EXPECT_FALSE(has_line(s, literal(kOpenatLine))) << ok.err;
  EXPECT_TRUE(has_line(s, literal(kWriteLine))) << ok.err;
  for (const auto& l : s) EXPECT_EQ(l.find("= -1 "), std::string::npos) << l;
}

}  // namespace
}  // namespace it
