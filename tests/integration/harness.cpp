#include "harness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace it {
namespace {

// The test binary writes into pipes of children that may be gone: that must be EPIPE, not a
// dead test run. Children get SIGPIPE back to default before exec (see Child::Child).
const bool sigpipe_ignored = [] {
  signal(SIGPIPE, SIG_IGN);
  return true;
}();

int poll_ms(Clock::time_point deadline, int cap_ms) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<long>(left.count(), 0, cap_ms));
}

std::vector<char*> c_strings(const std::vector<std::string>& v) {
  std::vector<char*> out;
  for (const auto& s : v) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

// Scans complete lines of `buf` from `*pos`; advances *pos past each scanned line.
std::optional<std::string> scan(const std::string& buf, size_t* pos, const LinePredicate& pred) {
  for (;;) {
    size_t nl = buf.find('\n', *pos);
    if (nl == std::string::npos) return std::nullopt;
    std::string line = buf.substr(*pos, nl - *pos);
    *pos = nl + 1;
    if (pred(line)) return line;
  }
}

}  // namespace

std::string estrace_path() { return ESTRACE_BIN; }
std::string programs_dir() { return ESTRACE_TEST_PROGRAMS_DIR; }
std::string program(const std::string& name) { return programs_dir() + "/" + name; }

std::optional<std::string> bpf_unusable_reason() {
  if (geteuid() != 0) return "BPF tracing needs root (euid 0); run the bpf-labelled tests as root";
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
    return std::string("/sys/kernel/btf/vmlinux is not readable: ") + std::strerror(errno);
  return std::nullopt;
}

void EstraceTest::SetUp() {
  if (auto why = bpf_unusable_reason()) GTEST_SKIP() << *why;
  ASSERT_EQ(access(estrace_path().c_str(), X_OK), 0)
      << "estrace is not built at " << estrace_path() << " (build the estrace target)";
  ASSERT_EQ(access(program("basic").c_str(), X_OK), 0)
      << "test programs are not built in " << programs_dir();
}

int shell_status(int ws) {
  if (WIFEXITED(ws)) return WEXITSTATUS(ws);
  if (WIFSIGNALED(ws)) return 128 + WTERMSIG(ws);
  return -1;
}

// ---- Child ----

Child::Child(const std::vector<std::string>& argv, const SpawnOptions& opts) {
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2];
  if (opts.pipe_stdin && pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe2");
  if (!opts.stdout_path && pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2");
  if (pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe2");
  int stdout_file = -1;
  if (opts.stdout_path) {
    stdout_file = open(opts.stdout_path->c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (stdout_file < 0) throw std::runtime_error("open " + *opts.stdout_path);
  }
  // Everything the child needs is built before fork: after it only async-signal-safe calls.
  auto args = c_strings(argv);
  std::vector<std::string> env_storage = opts.env.value_or(std::vector<std::string>{});
  auto envp = c_strings(env_storage);

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork");
  if (pid_ == 0) {
    ::signal(SIGPIPE, SIG_DFL);
    int null_fd = open("/dev/null", O_RDWR);
    dup2(opts.pipe_stdin ? in[0] : null_fd, 0);
    dup2(opts.stdout_path ? stdout_file : out[1], 1);
    dup2(err[1], 2);
    // Exactly fds 0-2 and nothing inherited (ctest, for one, leaves some open): the programs'
    // fd numbers (flock(3, ...), write(4, ...)) are part of the expected lines.
    close_range(3, ~0U, 0);
    if (opts.env)
      execve(args[0], args.data(), envp.data());
    else
      execv(args[0], args.data());
    const char msg[] = "harness: exec failed\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  if (opts.pipe_stdin) {
    close(in[0]);
    in_ = in[1];
  }
  if (!opts.stdout_path) {
    close(out[1]);
    out_fd_ = out[0];
    fcntl(out_fd_, F_SETFL, O_NONBLOCK);
  } else {
    close(stdout_file);
  }
  close(err[1]);
  err_fd_ = err[0];
  fcntl(err_fd_, F_SETFL, O_NONBLOCK);
}

Child::~Child() {
  if (!status_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    int ws;
    waitpid(pid_, &ws, 0);
  }
  for (int fd : {in_, out_fd_, err_fd_})
    if (fd >= 0) close(fd);
}

void Child::write_stdin(const std::string& data) {
  if (in_ < 0) return;
  (void)!write(in_, data.data(), data.size());
}

void Child::close_stdin() {
  if (in_ >= 0) close(in_);
  in_ = -1;
}

void Child::signal(int sig) {
  if (!status_) kill(pid_, sig);
}

void Child::try_reap() {
  if (status_) return;
  int ws;
  if (waitpid(pid_, &ws, WNOHANG) == pid_) status_ = shell_status(ws);
}

bool Child::pump(Clock::time_point deadline) {
  pollfd fds[2];
  int n = 0;
  if (out_fd_ >= 0) fds[n++] = {out_fd_, POLLIN, 0};
  if (err_fd_ >= 0) fds[n++] = {err_fd_, POLLIN, 0};
  if (n == 0) {
    // Nothing left to read: only the exit is still to come. Short naps, bounded by deadline.
    try_reap();
    if (!status_) std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms(deadline, 5)));
    return !status_;
  }
  // The cap only matters for noticing the exit when a grandchild keeps a pipe open.
  poll(fds, n, poll_ms(deadline, 50));
  for (int i = 0; i < n; i++) {
    if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    int& fd = fds[i].fd == out_fd_ ? out_fd_ : err_fd_;
    std::string& buf = fds[i].fd == out_fd_ ? out_ : err_;
    char chunk[65536];
    for (;;) {
      ssize_t got = read(fd, chunk, sizeof chunk);
      if (got > 0) {
        buf.append(chunk, static_cast<size_t>(got));
        continue;
      }
      if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
        close(fd);
        fd = -1;
      }
      break;
    }
  }
  try_reap();
  return true;
}

std::optional<std::string> Child::wait_line(Stream stream, const LinePredicate& pred,
                                            Clock::time_point deadline) {
  size_t pos = 0;
  for (;;) {
    const std::string& buf = stream == Stream::Out ? out_ : err_;
    if (auto line = scan(buf, &pos, pred)) return line;
    int fd = stream == Stream::Out ? out_fd_ : err_fd_;
    if (fd < 0 || Clock::now() >= deadline) return std::nullopt;
    pump(deadline);
  }
}

std::optional<std::string> Child::wait_line(Stream stream, const std::string& regex,
                                            Clock::time_point deadline) {
  std::regex re(regex);
  return wait_line(
      stream, [&](const std::string& l) { return std::regex_match(l, re); }, deadline);
}

std::optional<int> Child::wait_exit(Clock::time_point deadline) {
  for (;;) {
    bool eof = out_fd_ < 0 && err_fd_ < 0;
    if (status_ && eof) return status_;
    if (Clock::now() >= deadline) return status_;  // exited but a pipe is held elsewhere: fine
    pump(deadline);
  }
}

RunResult run(const std::vector<std::string>& argv, const SpawnOptions& opts,
              Clock::duration timeout) {
  Child c(argv, opts);
  c.close_stdin();
  RunResult r;
  if (auto st = c.wait_exit(deadline_in(timeout))) {
    r.status = *st;
  } else {
    r.timed_out = true;
    c.signal(SIGKILL);
    c.wait_exit(deadline_in(5s));
  }
  r.out = c.out();
  r.err = c.err();
  return r;
}

RunResult run_estrace(const std::vector<std::string>& args, const SpawnOptions& opts,
                      Clock::duration timeout) {
  std::vector<std::string> argv{estrace_path()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, opts, timeout);
}

bool wait_until(const std::function<bool()>& cond, Clock::time_point deadline) {
  for (;;) {
    if (cond()) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms(deadline, 5)));
  }
}

std::optional<std::string> wait_file_line(const std::string& path, const std::string& regex,
                                          Clock::time_point deadline) {
  std::regex re(regex);
  // Watch the directory: the file may not exist yet, and its modifications show up there too.
  int ino = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (ino >= 0) inotify_add_watch(ino, dir.c_str(), IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE);
  std::optional<std::string> found;
  for (;;) {
    for (const auto& line : split_lines(read_file(path)))
      if (std::regex_match(line, re)) {
        found = line;
        break;
      }
    if (found || Clock::now() >= deadline) break;
    // Woken by the next change; the cap covers a missed or unavailable inotify.
    pollfd p{ino, POLLIN, 0};
    if (ino >= 0) {
      poll(&p, 1, poll_ms(deadline, 100));
      char drain[4096];
      while (read(ino, drain, sizeof drain) > 0) {
      }
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(poll_ms(deadline, 20)));
    }
  }
  if (ino >= 0) close(ino);
  return found;
}

OnFailure::~OnFailure() {
  if (::testing::Test::HasFailure()) ADD_FAILURE() << "what the test saw:\n" << collect_();
}

std::string tail(const std::string& text, size_t n) {
  auto lines = split_lines(text);
  std::string out;
  if (lines.size() > n) out += "  ... (" + std::to_string(lines.size() - n) + " lines before)\n";
  for (size_t i = lines.size() > n ? lines.size() - n : 0; i < lines.size(); ++i)
    out += "  | " + lines[i] + "\n";
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/estrace-it-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

// ---- trace lines ----

std::string normalize(const std::string& line) {
  static const std::regex padding(R"(\) {2,}= )");
  return std::regex_replace(line, padding, ") = ");
}

std::vector<TraceLine> parse_trace(const std::string& text) {
  static const std::regex bracket(R"(^\[pid +(\d+)\] (.*)$)");
  static const std::regex column(R"(^(\d+) +(.*)$)");
  std::vector<TraceLine> out;
  for (const auto& raw : split_lines(text)) {
    TraceLine tl;
    std::smatch m;
    if (std::regex_match(raw, m, bracket)) {
      tl.pid = std::stoi(m[1]);
      char want[32];
      std::snprintf(want, sizeof want, "[pid %5d] ", *tl.pid);
      tl.prefix_ok = raw.rfind(want, 0) == 0;
      tl.text = normalize(m[2]);
    } else if (std::regex_match(raw, m, column)) {
      tl.pid = std::stoi(m[1]);
      char want[32];
      std::snprintf(want, sizeof want, "%-5d ", *tl.pid);  // strace's -o prefix
      tl.prefix_ok =
          raw.rfind(want, 0) == 0 && raw.size() > strlen(want) && raw[strlen(want)] != ' ';
      tl.text = normalize(m[2]);
    } else {
      tl.text = normalize(raw);
    }
    out.push_back(std::move(tl));
  }
  return out;
}

std::vector<TraceLine> join_unfinished(const std::vector<TraceLine>& lines) {
  static const std::string unfinished = "<unfinished ...>";
  static const std::regex resumed(R"(^<\.\.\. (\w+) resumed>(.*)$)");
  std::vector<TraceLine> out;
  std::map<int, size_t> pending;  // pid (-1: none) -> index in out
  for (const auto& l : lines) {
    int key = l.pid.value_or(-1);
    std::smatch m;
    const std::string& t = l.text;
    if (t.size() >= unfinished.size() &&
        t.compare(t.size() - unfinished.size(), unfinished.size(), unfinished) == 0) {
      pending[key] = out.size();
      out.push_back(l);
      continue;
    }
    auto it = pending.find(key);
    if (it != pending.end() && std::regex_match(t, m, resumed)) {
      TraceLine& head = out[it->second];
      std::string s = head.text.substr(0, head.text.size() - unfinished.size());
      // strace writes "read(0, " + " <unfinished ...>" and "flock(3, LOCK_EX" + " <unfinished
      // ...>": drop the separator space, keeping the ", " of an argument list left open.
      if (!s.empty() && s.back() == ' ' && (s.size() < 2 || s[s.size() - 2] != ',')) s.pop_back();
      if (s.rfind(m[1].str() + "(", 0) == 0) {
        head.text = normalize(s + m[2].str());
        pending.erase(it);
        continue;
      }
    }
    out.push_back(l);
  }
  return out;
}

std::vector<std::string> texts(const std::vector<TraceLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}

std::vector<std::string> texts_of(const std::vector<TraceLine>& lines, int pid) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    if (l.pid == pid) out.push_back(l.text);
  return out;
}

std::string literal(const std::string& s) {
  static const std::string special = R"(\^$.|?*+()[]{}/)";
  std::string out;
  for (char c : s) {
    if (special.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

bool full_match(const std::string& line, const std::string& regex) {
  return std::regex_match(line, std::regex(regex));
}

std::optional<size_t> find_line(const std::vector<std::string>& lines, const std::string& regex,
                                size_t from) {
  std::regex re(regex);
  for (size_t i = from; i < lines.size(); i++)
    if (std::regex_match(lines[i], re)) return i;
  return std::nullopt;
}

size_t count_lines(const std::vector<std::string>& lines, const std::string& regex) {
  std::regex re(regex);
  return static_cast<size_t>(std::count_if(lines.begin(), lines.end(),
                                           [&](const auto& l) { return std::regex_match(l, re); }));
}

std::string dump(const std::vector<std::string>& lines) {
  std::string out;
  size_t shown = 0;
  for (const auto& l : lines) {
    if (++shown > 200) {
      out += "  ... (" + std::to_string(lines.size() - 200) + " more lines)\n";
      break;
    }
    out += "  | " + l + "\n";
  }
  return out;
}

::testing::AssertionResult has_line(const std::vector<std::string>& lines,
                                    const std::string& regex) {
  if (find_line(lines, regex)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "no line matches /" << regex << "/ in " << lines.size() << " lines:\n"
         << dump(lines);
}

std::string attached(pid_t pid) { return "estrace: Process " + std::to_string(pid) + " attached"; }
std::string detached(pid_t pid) { return "estrace: Process " + std::to_string(pid) + " detached"; }

std::optional<unsigned long> read_counter(const std::string& path) {
  std::string s = read_file(path);
  if (s.size() < 21 || s[20] != '\n') return std::nullopt;
  return std::stoul(s.substr(0, 20));
}

bool counter_advances(const std::string& path, unsigned long steps, Clock::time_point deadline) {
  auto start = read_counter(path);
  if (!start) return false;
  return wait_until([&] { return read_counter(path).value_or(0) >= *start + steps; }, deadline);
}

std::optional<long> blocked_syscall(pid_t pid) {
  std::string s = read_file("/proc/" + std::to_string(pid) + "/syscall");
  if (s.empty()) return std::nullopt;
  if (s.rfind("running", 0) == 0) return -1;
  return std::strtol(s.c_str(), nullptr, 10);
}

std::optional<char> proc_state(pid_t pid) {
  std::string s = read_file("/proc/" + std::to_string(pid) + "/stat");
  size_t paren = s.rfind(')');
  if (paren == std::string::npos || paren + 2 >= s.size()) return std::nullopt;
  return s[paren + 2];
}

}  // namespace it
