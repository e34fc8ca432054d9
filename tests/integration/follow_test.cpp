// -f / -ff: children are traced from their first call. A forking server gets two
// connections; each worker's lines must be there, attributed to the worker's pid.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "harness.h"

namespace it {
namespace {

class Follow : public EstraceTest {};

const std::string kWorkerOpen =
    R"(openat(AT_FDCWD, "/nonexistent/worker", O_RDONLY) = -1 ENOENT (No such file or directory))";

// One client round trip: connect, read the worker's reply until it closes.
std::string talk(int port) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return "socket failed";
  timeval tv{20, 0};  // a broken tracer must fail the test, not hang it
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string reply;
  if (connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    char buf[64];
    ssize_t n;
    while ((n = read(s, buf, sizeof buf)) > 0) reply.append(buf, static_cast<size_t>(n));
  } else {
    reply = "connect failed";
  }
  close(s);
  return reply;
}

// Starts `estrace ARGS fork_server 2`, makes two connections, waits for the end.
void serve_two(Child& tracer) {
  auto port_line = tracer.wait_line(Stream::Out, R"(port \d+)", deadline_in());
  ASSERT_TRUE(port_line) << "server never printed its port\n" << tracer.err();
  int port = std::stoi(port_line->substr(5));
  EXPECT_EQ(talk(port), "ok\n");
  EXPECT_EQ(talk(port), "ok\n");
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << tracer.err();
  EXPECT_EQ(*status, 0) << tracer.err();
}

// Pids returned by the server's fork (glibc's fork is clone; clone3 accepted as well).
std::set<int> forked_pids(const std::vector<std::string>& server_lines) {
  std::set<int> pids;
  std::regex re(R"(clone3?\(.*\) = (\d+))");
  for (const auto& l : server_lines) {
    std::smatch m;
    if (std::regex_match(l, m, re)) pids.insert(std::stoi(m[1]));
  }
  return pids;
}

// A worker's whole life as strace shows it: glibc's child-side set_robust_list first, then
// exactly the calls in fork_server.c's worker().
void expect_worker_lines(const std::vector<std::string>& lines) {
  ASSERT_EQ(lines.size(), 5u) << dump(lines);
  EXPECT_TRUE(full_match(lines[0], R"(set_robust_list\(0x[0-9a-f]+, 24\) = 0)")) << dump(lines);
  EXPECT_EQ(lines[1], kWorkerOpen);
  EXPECT_EQ(lines[2], R"(write(4, "ok\n", 3) = 3)");
  EXPECT_EQ(lines[3], "exit_group(0) = ?");
  EXPECT_EQ(lines[4], "+++ exited with 0 +++");
}

// -f -o FILE: every line is "%-5d " prefixed; workers are the server's clone results.
TEST_F(Follow, ForkServerToFile) {
  TempDir dir;
  const std::string out = dir.file("trace");
  Child tracer({estrace_path(), "-f", "-o", out, program("fork_server"), "2"});
  serve_two(tracer);
  if (HasFatalFailure()) return;

  auto parsed = join_unfinished(parse_trace(read_file(out)));
  ASSERT_FALSE(parsed.empty());
  for (const auto& l : parsed) {
    ASSERT_TRUE(l.pid) << "line without pid prefix: " << l.text;
    EXPECT_TRUE(l.prefix_ok) << "prefix is not \"%-5d \": " << *l.pid << " " << l.text;
  }
  const int server = *parsed.front().pid;
  EXPECT_EQ(parsed.front().text.rfind("execve(\"" + program("fork_server") + "\"", 0), 0u)
      << parsed.front().text;

  std::set<int> workers;
  for (const auto& l : parsed)
    if (l.text == kWorkerOpen) workers.insert(*l.pid);
  ASSERT_EQ(workers.size(), 2u) << dump(texts(parsed));
  EXPECT_FALSE(workers.count(server));
  EXPECT_EQ(forked_pids(texts_of(parsed, server)), workers);
  for (int w : workers) {
    SCOPED_TRACE("worker " + std::to_string(w));
    expect_worker_lines(texts_of(parsed, w));
  }
  auto server_lines = texts_of(parsed, server);
  EXPECT_EQ(server_lines.back(), "+++ exited with 0 +++") << dump(server_lines);
  EXPECT_EQ(parsed.back().pid, server);
}

// -f to stderr: with the server alive, worker lines carry "[pid N] ".
TEST_F(Follow, ForkServerToStderr) {
  Child tracer({estrace_path(), "-f", program("fork_server"), "2"});
  serve_two(tracer);
  if (HasFatalFailure()) return;

  auto parsed = join_unfinished(parse_trace(tracer.err()));
  std::set<int> workers;
  for (const auto& l : parsed)
    if (l.text == kWorkerOpen) {
      ASSERT_TRUE(l.pid) << "worker line without [pid N]: " << l.text;
      EXPECT_TRUE(l.prefix_ok) << "prefix is not \"[pid %5d] \": " << l.text;
      workers.insert(*l.pid);
    }
  ASSERT_EQ(workers.size(), 2u) << dump(texts(parsed));
  for (int w : workers) {
    SCOPED_TRACE("worker " + std::to_string(w));
    expect_worker_lines(texts_of(parsed, w));
  }
  // The server outlives its workers: the last line is its exit, alone, so unprefixed.
  ASSERT_FALSE(parsed.empty());
  EXPECT_EQ(parsed.back().text, "+++ exited with 0 +++");
  EXPECT_FALSE(parsed.back().pid && workers.count(*parsed.back().pid));
}

// -ff -o F: one file F.PID per process, no prefixes inside.
TEST_F(Follow, OneFilePerProcess) {
  TempDir dir;
  const std::string base = dir.file("trace");
  Child tracer({estrace_path(), "-ff", "-o", base, program("fork_server"), "2"});
  serve_two(tracer);
  if (HasFatalFailure()) return;

  std::map<int, std::vector<std::string>> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    std::string name = e.path().filename().string();
    ASSERT_EQ(name.rfind("trace.", 0), 0u) << "unexpected file " << name;
    int pid = std::stoi(name.substr(6));
    auto parsed = parse_trace(read_file(e.path().string()));
    for (const auto& l : parsed) EXPECT_FALSE(l.pid) << name << ": prefixed line " << l.text;
    files[pid] = texts(join_unfinished(parsed));
  }
  ASSERT_EQ(files.size(), 3u);
  int server = -1;
  for (const auto& [pid, lines] : files)
    if (!lines.empty() && lines.front().rfind("execve(", 0) == 0) server = pid;
  ASSERT_NE(server, -1) << "no file starts with the execve";
  std::set<int> workers;
  for (const auto& [pid, lines] : files)
    if (pid != server) workers.insert(pid);
  EXPECT_EQ(forked_pids(files[server]), workers);
  for (int w : workers) {
    SCOPED_TRACE("worker " + std::to_string(w));
    expect_worker_lines(files[w]);
  }
  EXPECT_EQ(files[server].back(), "+++ exited with 0 +++");
}

}  // namespace
}  // namespace it
