// User errors: non-zero exit, one diagnostic line "estrace: ...", and nothing run or traced.
#include <signal.h>
#include <unistd.h>

#include "harness.h"

namespace it {
namespace {

class Errors : public EstraceTest {};

constexpr const char* kHint = "Try 'estrace -h' for more information.";

// The whole of stderr is exactly one "estrace: " line containing `mention`, followed, for a
// usage error, by strace's pointer to -h.
void expect_one_error_line(const RunResult& r, const std::string& mention,
                           bool usage_error = false) {
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_NE(r.status, 0);
  EXPECT_LT(r.status, 128) << "estrace died of a signal instead of reporting an error";
  auto lines = split_lines(r.err);
  ASSERT_EQ(lines.size(), usage_error ? 2u : 1u) << dump(lines);
  EXPECT_EQ(lines[0].rfind("estrace: ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find(mention), std::string::npos) << lines[0];
  if (usage_error) {
    EXPECT_EQ(lines[1], kHint);
  }
}

// A usage error: the "estrace: " line, then the pointer to -h.
void expect_usage_error(const RunResult& r, const std::string& mention) {
  expect_one_error_line(r, mention, true);
}

TEST_F(Errors, UnknownSyscallName) {
  RunResult r = run_estrace({"-e", "trace=nosuchcall", program("basic"), "0"});
  expect_one_error_line(r, "nosuchcall");
  EXPECT_EQ(r.out, "") << "the command ran despite the bad option";
}

TEST_F(Errors, MissingPid) {
  // pid_max is at most 4194304 but this machine's is lower; either way, make sure.
  ASSERT_NE(access("/proc/999999", F_OK), 0) << "pid 999999 exists here";
  RunResult r = run_estrace({"-p", "999999"});
  expect_one_error_line(r, "999999");
}

TEST_F(Errors, CommandDoesNotExist) {
  RunResult r = run_estrace({"--", "/nonexistent"});
  expect_one_error_line(r, "/nonexistent");
}

// A command that exists but cannot be executed: its failed execve, the reason and the exit,
// as strace shows them; never estrace's own launcher reporting the failure.
TEST_F(Errors, CommandThatCannotBeExecuted) {
  RunResult r = run_estrace({"--", "/etc/passwd"});
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.status, 1) << r.err;
  auto lines = split_lines(r.err);
  ASSERT_EQ(lines.size(), 3u) << dump(lines);
  EXPECT_TRUE(full_match(lines[0], R"(execve\("/etc/passwd", \["/etc/passwd"\], 0x[0-9a-f]+ )"
                                   R"(/\* \d+ vars \*/\) += -1 EACCES \(Permission denied\))"))
      << dump(lines);
  EXPECT_EQ(lines[1], "+++ exited with 1 +++") << dump(lines);
  EXPECT_EQ(lines[2], "estrace: exec: Permission denied") << dump(lines);
}

// Unknown option: strace prints the error then a "Try ... -h" hint.
TEST_F(Errors, UnknownOption) {
  RunResult r = run_estrace({"--bogus", program("basic"), "0"});
  expect_usage_error(r, "bogus");
  EXPECT_EQ(r.out, "");
}

TEST_F(Errors, NothingToTrace) {
  RunResult r = run_estrace({});
  expect_usage_error(r, "must have PROG [ARGS]");
}

// -b below one page cannot hold a ring buffer: refused up front, not at load time.
TEST_F(Errors, BufferSmallerThanAPage) {
  RunResult r = run_estrace({"-b", "100", program("basic"), "0"});
  expect_usage_error(r, "100");
  EXPECT_EQ(r.out, "");
}

// A mistyped ESTRACE_LOG is refused with the accepted values, not taken as "off".
TEST_F(Errors, UnknownLogLevel) {
  SpawnOptions env;
  env.env = std::vector<std::string>{"ESTRACE_LOG=verbose", "PATH=/usr/bin:/bin"};
  RunResult r = run_estrace({program("basic"), "0"}, env);
  expect_one_error_line(r, "ESTRACE_LOG=verbose");
  EXPECT_NE(r.err.find("debug"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "") << "the command ran despite the bad setting";
}

}  // namespace
}  // namespace it

namespace it {
namespace {

class Privileges : public EstraceTest {};

// Without root (and without CAP_BPF/CAP_PERFMON) the user gets one line saying so.
TEST_F(Privileges, UnprivilegedUserIsToldWhatIsNeeded) {
  if (access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "no setpriv (util-linux)";
  RunResult r = run({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                     estrace_path(), "--", "/bin/true"});
  EXPECT_EQ(r.status, 1) << r.err;
  auto lines = split_lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_EQ(lines[0].rfind("estrace: needs CAP_BPF and CAP_PERFMON (or root)", 0), 0u) << r.err;
}

// estrace given CAP_BPF and CAP_PERFMON as file capabilities, run by an ordinary user: it
// traces what that user launches, but no process that user could not ptrace, and none of
// the host-wide filters.
class FileCapabilities : public Privileges {
 protected:
  void SetUp() override {
    Privileges::SetUp();
    if (IsSkipped()) return;
    if (access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "no setpriv (util-linux)";
    if (access("/usr/sbin/setcap", X_OK) != 0) GTEST_SKIP() << "no setcap (libcap2-bin)";
    // A copy beside the build's, where the filesystem honours file capabilities.
    binary_ = estrace_path() + ".caps";
    RunResult cp = run({"/bin/cp", estrace_path(), binary_});
    ASSERT_EQ(cp.status, 0) << cp.err;
    RunResult cap = run({"/usr/sbin/setcap", "cap_bpf,cap_perfmon+ep", binary_});
    if (cap.status != 0) GTEST_SKIP() << "setcap failed: " << cap.err;
  }
  void TearDown() override {
    if (!binary_.empty()) unlink(binary_.c_str());
  }
  RunResult as_nobody(std::vector<std::string> args) {
    std::vector<std::string> argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                                     "--clear-groups", binary_};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  }
  std::string binary_;
};

TEST_F(FileCapabilities, TracesWhatTheUserLaunches) {
  RunResult r = as_nobody({"-e", "trace=exit_group", "--", "/bin/true"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(texts(parse_trace(r.err)),
            (std::vector<std::string>{"exit_group(0) = ?", "+++ exited with 0 +++"}))
      << r.err;
}

TEST_F(FileCapabilities, RefusesAProcessTheUserCannotPtrace) {
  Child target({program("sleeper"), "1", "30000000", "0", "0"});  // root's, for 30 s
  RunResult r = as_nobody({"-p", std::to_string(target.pid())});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "estrace: attach: cannot trace process " + std::to_string(target.pid()) +
                       ": Operation not permitted (estrace traces only the processes its user "
                       "may ptrace)\n");
}

TEST_F(FileCapabilities, RefusesHostWideFilters) {
  RunResult r = as_nobody({"--all", "-e", "trace=openat"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err,
            "estrace: --all traces other users' processes: it needs root or CAP_SYS_PTRACE\n");
}

}  // namespace
}  // namespace it
