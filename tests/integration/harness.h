// Integration-test harness: start processes with a deadline, capture their output, wait for a
// line to appear (in a pipe or a file) without sleeping blindly, and pick strace-style trace
// lines apart. Everything here is independent of estrace's internals: tests drive the binary.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace it {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Every wait in the suite is bounded by this unless a test says otherwise.
inline constexpr auto kDeadline = 20s;
inline Clock::time_point deadline_in(Clock::duration d = kDeadline) { return Clock::now() + d; }

// Paths fixed at build time (tests/integration/CMakeLists.txt).
std::string estrace_path();
std::string program(const std::string& name);  // tests/programs/<name> in the build dir
std::string programs_dir();

// Why BPF tracing cannot run here (not root, no kernel BTF), or nullopt when it can.
std::optional<std::string> bpf_unusable_reason();

// Base fixture: skips without BPF, fails loudly when the estrace binary was not built.
class EstraceTest : public ::testing::Test {
 protected:
  void SetUp() override;
};

// Exit status the way a shell reports it: the exit code, or 128+signal when killed.
int shell_status(int wait_status);

enum class Stream { Out, Err };
using LinePredicate = std::function<bool(const std::string&)>;

struct SpawnOptions {
  std::optional<std::vector<std::string>> env;  // replaces the environment when set
  bool pipe_stdin = false;                      // otherwise stdin is /dev/null
  std::optional<std::string> stdout_path;       // send stdout to this file instead of a pipe
};

// A started process whose stdout/stderr are captured through pipes. The destructor kills
// (SIGKILL, by pid) and reaps it if the test did not, so a failing test never leaks it.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const SpawnOptions& opts = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  void write_stdin(const std::string& data);
  void close_stdin();
  void signal(int sig);

  // Reads output until a complete line on `stream` satisfies `pred` (lines seen earlier count
  // too) or the deadline passes. Returns the line.
  std::optional<std::string> wait_line(Stream stream, const LinePredicate& pred,
                                       Clock::time_point deadline);
  std::optional<std::string> wait_line(Stream stream, const std::string& regex,
                                       Clock::time_point deadline);
  // Reads output until the process exits and both pipes hit EOF; nullopt on deadline (the
  // process is then still running). Returns the shell-style status.
  std::optional<int> wait_exit(Clock::time_point deadline);
  bool exited() const { return status_.has_value(); }

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  bool pump(Clock::time_point deadline);  // one poll round; false when nothing can arrive
  void try_reap();

  pid_t pid_ = -1;
  int in_ = -1, out_fd_ = -1, err_fd_ = -1;
  std::string out_, err_;
  std::optional<int> status_;
};

struct RunResult {
  int status = -1;  // shell-style; -1 when it timed out (and was killed)
  bool timed_out = false;
  std::string out, err;
};

// Runs a command to completion (killing it at the deadline).
RunResult run(const std::vector<std::string>& argv, const SpawnOptions& opts = {},
              Clock::duration timeout = kDeadline);
// The same with estrace's path prepended.
RunResult run_estrace(const std::vector<std::string>& args, const SpawnOptions& opts = {},
                      Clock::duration timeout = kDeadline);

// Polls `cond` every few milliseconds until it holds or the deadline passes. Only for state
// that has no event to wait on (/proc, bpftool, a file another process rewrites).
bool wait_until(const std::function<bool()>& cond, Clock::time_point deadline);

// Waits (inotify-driven, with a polling fallback) for a line of a file matching the regex.
std::optional<std::string> wait_file_line(const std::string& path, const std::string& regex,
                                          Clock::time_point deadline);

// Prints what `collect` returns when the test has failed by the time this goes out of scope
// (an ASSERT's early return included): a failure that cannot be reproduced keeps its evidence.
class OnFailure {
 public:
  explicit OnFailure(std::function<std::string()> collect) : collect_(std::move(collect)) {}
  ~OnFailure();
  OnFailure(const OnFailure&) = delete;
  OnFailure& operator=(const OnFailure&) = delete;

 private:
  std::function<std::string()> collect_;
};

std::string read_file(const std::string& path);
// The last `n` lines of a text, each prefixed like dump()'s.
std::string tail(const std::string& text, size_t n);
std::vector<std::string> split_lines(const std::string& text);  // drops a trailing empty line

// A fresh directory under /tmp, removed with its contents at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// ---- strace-style trace lines ----

// strace pads the " = result" part to column 40; the integration tests check what the tracer
// captured, not the padding (the conformance suite compares bytes), so ")<spaces>= " becomes
// ") = ". Everything else is left as is.
std::string normalize(const std::string& line);

// One trace line with its pid prefix taken off: "[pid  N] " (stderr, several processes) or
// "N " (strace's "%-5d ", -o FILE with -f) -- prefix_ok says the latter was exactly "%-5d ".
struct TraceLine {
  std::optional<int> pid;
  std::string text;  // normalized, without the prefix
  bool prefix_ok = true;
};
std::vector<TraceLine> parse_trace(const std::string& text);

// Joins "call(args <unfinished ...>" with the same pid's later "<... call resumed>rest" into
// "call(argsrest", so a test can look for a complete call however the output interleaved.
std::vector<TraceLine> join_unfinished(const std::vector<TraceLine>& lines);

std::vector<std::string> texts(const std::vector<TraceLine>& lines);
std::vector<std::string> texts_of(const std::vector<TraceLine>& lines, int pid);

// Regex-escapes a literal expected line.
std::string literal(const std::string& s);
bool full_match(const std::string& line, const std::string& regex);

// Index of the first line (at or after `from`) fully matching the regex.
std::optional<size_t> find_line(const std::vector<std::string>& lines, const std::string& regex,
                                size_t from = 0);
size_t count_lines(const std::vector<std::string>& lines, const std::string& regex);
// Assertion that prints every line when the expected one is missing.
::testing::AssertionResult has_line(const std::vector<std::string>& lines,
                                    const std::string& regex);
std::string dump(const std::vector<std::string>& lines);

// estrace's notices about a -p process: "estrace: Process N attached" / "... detached".
std::string attached(pid_t pid);
std::string detached(pid_t pid);

// tests/programs/counter rewrites its file with one zero-padded number per step.
std::optional<unsigned long> read_counter(const std::string& path);
// True once the counter moved `steps` past its current value: the process runs freely.
bool counter_advances(const std::string& path, unsigned long steps, Clock::time_point deadline);

// /proc/PID/syscall's first field: the number of the call the task is blocked in, -1 when it
// is running, nullopt when it cannot be read.
std::optional<long> blocked_syscall(pid_t pid);
// /proc/PID/stat state letter ('R', 'S', 't', 'T', 'Z', ...), nullopt if gone.
std::optional<char> proc_state(pid_t pid);
// Neither stopped (T, t) nor dead (Z, X): running or asleep, including D, where a task is for
// the moment its write waits on a busy disk (R or S alone would fail a test then).
inline bool runs_unstopped(char state) {
  return std::string_view("TtZX").find(state) == std::string_view::npos;
}

}  // namespace it
