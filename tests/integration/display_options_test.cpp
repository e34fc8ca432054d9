// Options that shape what is shown: -n, -Y, -e signal=, -e read=/write=, -X, -P. Expected lines
// were taken from strace 6.1 on the same programs (alignment padding aside).
#include <unistd.h>

#include <fstream>

#include "harness.h"

namespace it {
namespace {

class Display : public EstraceTest {};

const std::string kOpenatLine =
    R"(openat(AT_FDCWD, "/nonexistent/x", O_RDONLY) = -1 ENOENT (No such file or directory))";

// The trace as written, each line normalized for padding only (no pid prefix taken off).
std::vector<std::string> raw_lines(const std::string& err) {
  std::vector<std::string> lines;
  for (const auto& l : split_lines(err)) lines.push_back(normalize(l));
  return lines;
}

TEST_F(Display, SyscallNumbersPrefixEveryLine) {
  RunResult r = run_estrace({"-n", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = raw_lines(r.err);
  EXPECT_TRUE(has_line(lines, literal("[ 257] " + kOpenatLine)));
  EXPECT_TRUE(has_line(lines, literal(R"([   1] write(1, "hello\n", 6) = 6)")));
  EXPECT_TRUE(has_line(lines, literal("[ 231] exit_group(0) = ?")));
  // The exit line shows the task's last call, as strace does.
  EXPECT_TRUE(has_line(lines, literal("[ 231] +++ exited with 0 +++")));
}

TEST_F(Display, DecodePidsNamesTheProcessInPrefixesAndArguments) {
  TempDir dir;
  RunResult r = run_estrace({"-Y", "-f", "-o", dir.file("t"), program("signals")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = raw_lines(read_file(dir.file("t")));
  const std::string pid = r.out.substr(4, r.out.find('\n') - 4);  // "pid P\n..."
  const std::string me = pid + "<signals>";
  EXPECT_TRUE(has_line(lines, literal(me + " kill(" + me + ", SIGUSR1) = 0")));
  EXPECT_TRUE(
      has_line(lines, literal(me + " --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=" + me +
                              ", si_uid=" + std::to_string(getuid()) + "} ---")));
  EXPECT_TRUE(has_line(lines, literal(me + " +++ exited with 0 +++")));
}

TEST_F(Display, SignalSetChoosesTheSignalLines) {
  RunResult r = run_estrace({"-e", "signal=!USR1", program("signals")});
  ASSERT_FALSE(r.timed_out) << r.err;
  auto lines = texts(parse_trace(r.err));
  EXPECT_FALSE(has_line(lines, "--- SIGUSR1 .*"));
  EXPECT_TRUE(has_line(lines, "--- SIGCHLD .*"));
  r = run_estrace({"-e", "signal=SIGUSR1", program("signals")});
  lines = texts(parse_trace(r.err));
  EXPECT_TRUE(has_line(lines, "--- SIGUSR1 .*"));
  EXPECT_FALSE(has_line(lines, "--- SIGCHLD .*"));
}

TEST_F(Display, WriteDumpFollowsTheCall) {
  RunResult r = run_estrace({"-e", "trace=write", "-e", "write=1", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  auto lines = split_lines(r.err);
  auto w = find_line(lines, R"(write\(1, "hello\\n", 6\) += 6)");
  ASSERT_TRUE(w) << r.err;
  ASSERT_LT(*w + 1, lines.size());
  EXPECT_EQ(lines[*w + 1],
            " | 00000  68 65 6c 6c 6f 0a                                 hello.           |");
}

TEST_F(Display, ReadDumpShowsMoreThanMinusS) {
  // sh reads its script from stdin; the line shows 4 bytes (-s 4), the dump all of them.
  SpawnOptions opts;
  opts.pipe_stdin = true;
  Child c({estrace_path(), "-s", "4", "-e", "trace=read", "-e", "read=0", "/bin/sh"}, opts);
  c.write_stdin("exit 0  # 0123456789abcdef\n");
  c.close_stdin();
  ASSERT_TRUE(c.wait_exit(deadline_in()));
  auto lines = split_lines(c.err());
  auto rd = find_line(lines, R"(read\(0, "exit"\.\.\., \d+\) += 27)");
  ASSERT_TRUE(rd) << c.err();
  ASSERT_LT(*rd + 2, lines.size());
  EXPECT_EQ(lines[*rd + 1],
            " | 00000  65 78 69 74 20 30 20 20  23 20 30 31 32 33 34 35  exit 0  # 012345 |");
  EXPECT_EQ(lines[*rd + 2],
            " | 00010  36 37 38 39 61 62 63 64  65 66 0a                 6789abcdef.      |");
}

TEST_F(Display, XlatRawAndVerbose) {
  RunResult r = run_estrace({"-X", "raw", "-e", "trace=openat", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  auto lines = texts(parse_trace(r.err));
  EXPECT_TRUE(has_line(
      lines,
      literal(R"(openat(-100, "/nonexistent/x", 0) = -1 ENOENT (No such file or directory))")));
  r = run_estrace({"-X", "verbose", "-e", "trace=openat", program("basic"), "0"});
  lines = texts(parse_trace(r.err));
  EXPECT_TRUE(
      has_line(lines, literal(R"(openat(-100 /* AT_FDCWD */, "/nonexistent/x", )"
                              R"(0 /* O_RDONLY */) = -1 ENOENT (No such file or directory))")));
}

TEST_F(Display, TracePathShowsOnlyCallsOnThatPath) {
  RunResult r = run_estrace({"-P", "/nonexistent/x", program("basic"), "0"});
  ASSERT_FALSE(r.timed_out) << r.err;
  auto lines = texts(parse_trace(r.err));
  ASSERT_EQ(lines.size(), 2u) << r.err;
  EXPECT_EQ(lines[0], kOpenatLine);
  EXPECT_EQ(lines[1], "+++ exited with 0 +++");
}

TEST_F(Display, TracePathFollowsDescriptors) {
  TempDir dir;
  const std::string file = dir.file("x");
  RunResult r = run_estrace({"-P", file, "/bin/sh", "-c", "echo hi > " + file + "; cat /dev/null"});
  ASSERT_FALSE(r.timed_out) << r.err;
  auto lines = texts(parse_trace(r.err));
  EXPECT_TRUE(has_line(
      lines, literal("openat(AT_FDCWD, \"" + file + "\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3")))
      << dump(lines);
  EXPECT_TRUE(has_line(lines, R"(dup2\(3, 1\) = 1)")) << dump(lines);
  EXPECT_TRUE(has_line(lines, R"(close\(3\) = 0)")) << dump(lines);
  EXPECT_FALSE(has_line(lines, ".*/dev/null.*")) << dump(lines);
}

// -y and -P with a narrow -e trace=: the open was not traced, yet the descriptor has its name
// (the BPF side sends the calls that change descriptor tables as hidden records), as strace
// names it from /proc while the process lives.
TEST_F(Display, DescriptorNamesSurviveANarrowTraceSet) {
  TempDir dir;
  const std::string file = dir.file("x");
  std::ofstream(file) << "hi\n";
  RunResult y = run_estrace({"-y", "-e", "trace=read", "/bin/cat", file});
  ASSERT_FALSE(y.timed_out) << y.err;
  auto lines = texts(parse_trace(y.err));
  EXPECT_TRUE(has_line(lines, literal("read(3<" + file + R"(>, "hi\n", 131072) = 3)")))
      << dump(lines);
  EXPECT_FALSE(has_line(lines, "(openat|close)\\(.*")) << dump(lines);  // not traced, not shown
  RunResult p = run_estrace({"-P", file, "-e", "trace=read", "/bin/cat", file});
  ASSERT_FALSE(p.timed_out) << p.err;
  lines = texts(parse_trace(p.err));
  EXPECT_TRUE(has_line(lines, literal(R"(read(3, "hi\n", 131072) = 3)"))) << dump(lines);
}

// As in strace, a bad -X is a usage error (with the pointer to -h); a bad set member is not.
TEST_F(Display, BadValuesGiveOneLineErrors) {
  RunResult r = run_estrace({"-X", "foo", "true"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "estrace: invalid -X argument: 'foo'\nTry 'estrace -h' for more information.\n");
  r = run_estrace({"-e", "signal=FOO", "true"});
  EXPECT_EQ(r.err, "estrace: invalid signal 'FOO'\n");
  r = run_estrace({"-e", "read=x", "true"});
  EXPECT_EQ(r.err, "estrace: invalid descriptor 'x'\n");
  r = run_estrace({"--decode-pids=foo", "true"});
  EXPECT_EQ(r.err, "estrace: invalid decode-pids 'foo'\n");
}

}  // namespace
}  // namespace it
