// 32-bit (ia32) processes: a static -m32 program and int $0x80 from a 64-bit one, traced by
// their i386 calls' names and layouts, with strace's personality notices.
#include <unistd.h>

#include <map>
#include <sstream>

#include "harness.h"

namespace it {
namespace {

// Why this kernel cannot run the 32-bit programs (ia32 emulation compiled out, or turned off
// with ia32_emulation=0 or by the machine's sandbox), or empty when it can. Asked once.
const std::string& ia32_unusable_reason() {
  static const std::string why = [] {
    RunResult r = run({program("ia32_io")});
    if (r.status == 127 && r.err.find("harness: exec failed") != std::string::npos)
      return std::string(
          "this kernel does not run 32-bit programs (execve of ia32_io failed); the kernel "
          "matrix's 6.1 and 6.12 guests run these tests");
    return std::string();
  }();
  return why;
}

class Ia32 : public EstraceTest {
 protected:
  void SetUp() override {
    EstraceTest::SetUp();
    if (IsSkipped()) return;
    if (std::string why = ESTRACE_IA32_SKIP; !why.empty()) GTEST_SKIP() << why;
    if (const auto& why = ia32_unusable_reason(); !why.empty()) GTEST_SKIP() << why;
  }
};

std::vector<std::string> trace_lines(const RunResult& r) { return texts(parse_trace(r.err)); }

// Everything after the execve: the 32-bit program's own calls.
TEST_F(Ia32, StartUpAndFileCallsDecoded) {
  RunResult r = run_estrace({program("ia32_io")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_lines(r);
  ASSERT_GE(lines.size(), 3u) << dump(lines);
  EXPECT_TRUE(full_match(lines[0], "execve\\(\".*/ia32_io\", \\[.*\\], .*\\) = 0")) << dump(lines);
  // strace's notice, right after the exec that changed the mode.
  EXPECT_TRUE(full_match(lines[1], "\\[ Process PID=\\d+ runs in 32 bit mode\\. \\]"))
      << dump(lines);
  EXPECT_TRUE(has_line(lines, "brk\\(NULL\\) = 0x[0-9a-f]+"));
  EXPECT_TRUE(has_line(lines,
                       "set_thread_area\\(\\{entry_number=-1, base_addr=0x[0-9a-f]+, "
                       "limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, "
                       "limit_in_pages=1, seg_not_present=0, useable=1\\}\\) = 0 "
                       "\\(entry_number=\\d+\\)"));
  EXPECT_TRUE(
      has_line(lines, "ugetrlimit\\(RLIMIT_STACK, \\{rlim_cur=\\S+, rlim_max=\\S+\\}\\) = 0"));
  EXPECT_TRUE(has_line(lines, literal("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3")));
  EXPECT_TRUE(has_line(lines, "read\\(3, \".*\", 64\\) = \\d+"));
  EXPECT_TRUE(has_line(lines, literal("_llseek(3, 1, [1], SEEK_SET) = 0")));
  EXPECT_TRUE(has_line(
      lines, "fstat64\\(3, \\{st_mode=S_IFREG\\|0[0-7]+, st_size=\\d+, \\.\\.\\.\\}\\) = 0"));
  EXPECT_TRUE(has_line(lines, literal("mmap2(NULL, 4096, PROT_READ|PROT_WRITE, "
                                      "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = ") +
                                  "0x[0-9a-f]+"));
  EXPECT_TRUE(has_line(lines, literal("close(3) = 0")));
  EXPECT_TRUE(has_line(lines, literal("openat(AT_FDCWD, \"/nonexistent/ia32\", O_RDONLY) = -1 "
                                      "ENOENT (No such file or directory)")));
  EXPECT_TRUE(has_line(lines, literal("exit_group(0) = ?")));
}

// -e trace= names i386 calls: the kernel keeps exactly those, with their captures.
TEST_F(Ia32, TraceSelectsByI386Name) {
  RunResult r = run_estrace({"-e", "trace=_llseek,fstat64,mmap2", program("ia32_io")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_lines(r);
  ASSERT_EQ(lines.size(), 5u) << dump(lines);
  EXPECT_TRUE(full_match(lines[0], "\\[ Process PID=\\d+ runs in 32 bit mode\\. \\]"))
      << dump(lines);
  EXPECT_EQ(lines[1], "_llseek(3, 1, [1], SEEK_SET) = 0");
  EXPECT_TRUE(full_match(lines[2], "fstat64\\(3, \\{st_mode=S_IFREG.*\\) = 0")) << lines[2];
  EXPECT_TRUE(full_match(lines[3], "mmap2\\(NULL, 4096, .*\\) = 0x[0-9a-f]+")) << lines[3];
  EXPECT_EQ(lines[4], "+++ exited with 0 +++");

  // x86_64's lseek and fstat are other calls: nothing of the 32-bit program's matches them.
  r = run_estrace({"-e", "trace=lseek,fstat", program("ia32_io")});
  ASSERT_FALSE(r.timed_out) << r.err;
  lines = trace_lines(r);
  ASSERT_EQ(lines.size(), 1u) << dump(lines);
  EXPECT_EQ(lines[0], "+++ exited with 0 +++");
}

// Like strace: the notice goes to stderr, not into -o files, and -q silences it.
TEST_F(Ia32, PersonalityNoticeOnlyOnStderr) {
  TempDir dir;
  RunResult r = run_estrace({"-o", dir.file("trace"), "-e", "trace=close", program("ia32_io")});
  ASSERT_FALSE(r.timed_out) << r.err;
  auto lines = texts(parse_trace(read_file(dir.file("trace"))));
  EXPECT_EQ(lines, (std::vector<std::string>{"close(3) = 0", "+++ exited with 0 +++"}))
      << dump(lines);

  r = run_estrace({"-q", "-e", "trace=close", program("ia32_io")});
  lines = trace_lines(r);
  EXPECT_EQ(lines, (std::vector<std::string>{"close(3) = 0", "+++ exited with 0 +++"}))
      << dump(lines);

  r = run_estrace(
      {"-o", dir.file("trace2"), "-e", "quiet=none", "-e", "trace=close", program("ia32_io")});
  lines = texts(parse_trace(read_file(dir.file("trace2"))));
  ASSERT_EQ(lines.size(), 3u) << dump(lines);
  EXPECT_TRUE(full_match(lines[0], "\\[ Process PID=\\d+ runs in 32 bit mode\\. \\]"))
      << dump(lines);
}

// int $0x80 from a 64-bit program: i386 calls by their i386 numbers, a notice at each switch.
TEST_F(Ia32, Int80FromA64BitProgram) {
  // Not close: the dynamic loader's 64-bit closes would come first.
  RunResult r = run_estrace({"-e", "trace=getppid,open,getpid", program("int80")});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 0) << r.err;
  auto lines = trace_lines(r);
  ASSERT_EQ(lines.size(), 7u) << dump(lines);
  EXPECT_TRUE(full_match(lines[0], "getppid\\(\\) = \\d+")) << dump(lines);
  EXPECT_TRUE(full_match(lines[1], "\\[ Process PID=\\d+ runs in 32 bit mode\\. \\]"))
      << dump(lines);
  EXPECT_EQ(lines[2], "open(\"/etc/hostname\", O_RDONLY) = 3");
  EXPECT_TRUE(full_match(lines[3], "getpid\\(\\) = \\d+")) << dump(lines);
  EXPECT_TRUE(full_match(lines[4], "\\[ Process PID=\\d+ runs in 64 bit mode\\. \\]"))
      << dump(lines);
  EXPECT_TRUE(full_match(lines[5], "getppid\\(\\) = \\d+")) << dump(lines);
  EXPECT_EQ(lines[6], "+++ exited with 0 +++");
}

// -p on a 32-bit program blocked in read: /proc gives an i386 number, shown by its i386 name;
// the notice comes first, as in strace -p.
TEST_F(Ia32, AttachToABlockedRead) {
  SpawnOptions with_stdin;
  with_stdin.pipe_stdin = true;
  Child target({program("blocked_read32")}, with_stdin);
  constexpr long kI386Read = 3;
  ASSERT_TRUE(wait_until([&] { return blocked_syscall(target.pid()) == kI386Read; }, deadline_in()))
      << "blocked_read32 never blocked in read";

  Child tracer({estrace_path(), "-p", std::to_string(target.pid())});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, R"(read\(0, +<unfinished \.\.\.>)", deadline_in()))
      << tracer.err();
  target.write_stdin("ping\n");
  ASSERT_TRUE(target.wait_exit(deadline_in()));
  ASSERT_TRUE(tracer.wait_exit(deadline_in())) << tracer.err();

  auto lines = texts(parse_trace(tracer.err()));
  auto n = find_line(lines, "\\[ Process PID=\\d+ runs in 32 bit mode\\. \\]");
  auto u = find_line(lines, R"(read\(0, +<unfinished \.\.\.>)");
  auto r = find_line(lines, literal(R"(<... read resumed>"ping\n", 64) = 5)"));
  auto w = find_line(lines, literal(R"(write(1, "ping\n", 5) = 5)"));
  ASSERT_TRUE(n && u && r && w) << dump(lines);
  EXPECT_LT(*n, *u);
  EXPECT_LT(*u, *r);
  EXPECT_LT(*r, *w);
}

// syscall -> calls of each table in a strace -c report: x86_64's, then the one after
// "System call usage summary for 32 bit mode:".
std::pair<std::map<std::string, long>, std::map<std::string, long>> summary_calls(
    const std::string& text) {
  std::pair<std::map<std::string, long>, std::map<std::string, long>> tables;
  auto* table = &tables.first;
  int dashes = 0;
  for (const auto& line : split_lines(text)) {
    if (line == "System call usage summary for 32 bit mode:") {
      table = &tables.second;
      dashes = 0;
      continue;
    }
    if (line.rfind("------", 0) == 0) {
      ++dashes;
      continue;
    }
    std::istringstream in(line);
    std::vector<std::string> cols;
    for (std::string c; in >> c;) cols.push_back(c);
    if (dashes == 1 && cols.size() >= 5) (*table)[cols.back()] = std::stol(cols[3]);
  }
  return tables;
}

// -c counts an ia32 program's calls in a table of their own, as strace -c does.
TEST_F(Ia32, SummaryHasA32BitTable) {
  TempDir dir;
  RunResult s = run({"/usr/bin/strace", "-c", "-o", dir.file("s"), program("ia32_io")});
  ASSERT_EQ(s.status, 0) << s.err;
  RunResult e = run_estrace({"-c", "-o", dir.file("e"), program("ia32_io")});
  ASSERT_EQ(e.status, 0) << e.err;
  auto want = summary_calls(read_file(dir.file("s")));
  auto got = summary_calls(read_file(dir.file("e")));
  ASSERT_GT(want.second.size(), 5u) << read_file(dir.file("s"));
  EXPECT_EQ(got, want) << "strace:\n"
                       << read_file(dir.file("s")) << "estrace:\n"
                       << read_file(dir.file("e"));
}

}  // namespace
}  // namespace it
