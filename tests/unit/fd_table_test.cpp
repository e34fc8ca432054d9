// decode: -y descriptor names kept from the calls, with /proc as the fallback.
#include "estrace/decode/fd_table.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "estrace/abi/sock_info.h"
#include "estrace/format/fd_detail.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::decode {
namespace {

// A name as -y shows it before escaping: the path and the details together.
std::optional<std::string> text(const std::optional<model::FdName>& name) {
  if (!name) return std::nullopt;
  return name->path + format::fd_detail_text(name->detail);
}

Call make(std::string_view name, std::array<uint64_t, 6> args, int64_t ret, uint32_t tgid) {
  Call c;
  c.tid = c.tgid = tgid;
  c.nr = *syscalls::number_of(name);
  c.args = args;
  c.ret = ret;
  return c;
}

TEST(FdTable, OpenNamesItsFdEvenAfterTheFdIsGone) {
  FdTable t;
  const uint32_t tgid = static_cast<uint32_t>(getpid());
  std::string path = "/etc/hostname";
  path.push_back('\0');
  Call open = make("openat", {uint64_t(AT_FDCWD), 0, O_RDONLY}, 977, tgid);  // 977: not open here
  open.captures[open.ncaptures++] = CaptureView{1, ES_CAP_PATH, 0, path};
  t.before_line(open);
  EXPECT_EQ(text(t.name(tgid, 977)), "/etc/hostname");
  t.after_line(make("dup2", {977, 978}, 978, tgid));
  EXPECT_EQ(text(t.name(tgid, 978)), "/etc/hostname");
  t.after_line(make("close", {977}, 0, tgid));
  EXPECT_EQ(text(t.name(tgid, 977)), std::nullopt);  // closed, and not open in /proc either
  EXPECT_EQ(text(t.name(tgid, 978)), "/etc/hostname");
}

TEST(FdTable, FailedCallsChangeNothing) {
  FdTable t;
  const uint32_t tgid = static_cast<uint32_t>(getpid());
  t.after_line(make("dup2", {0, 979}, -9, tgid));
  EXPECT_EQ(text(t.name(tgid, 979)), std::nullopt);
}

TEST(FdTable, UnknownFdsComeFromProc) {
  FdTable t;
  int fd = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(text(t.name(static_cast<uint32_t>(getpid()), fd)), "/dev/null");
  close(fd);
}

TEST(FdTable, ForkCopiesAndExecForgets) {
  FdTable t;
  const uint32_t tgid = static_cast<uint32_t>(getpid());
  std::string path = "/etc/hostname";
  path.push_back('\0');
  Call open = make("openat", {uint64_t(AT_FDCWD), 0, O_RDONLY}, 977, tgid);
  open.captures[open.ncaptures++] = CaptureView{1, ES_CAP_PATH, 0, path};
  t.before_line(open);
  t.fork(tgid, 999999);
  EXPECT_EQ(text(t.name(999999, 977)), "/etc/hostname");
  t.set(999999, 1, "/tmp/out");
  t.exec(999999);
  EXPECT_EQ(text(t.name(999999, 977)), std::nullopt);
  EXPECT_EQ(text(t.name(999999, 1)), "/tmp/out");  // the standard three survive exec
}

// Counts the calls that reach the printer.
class Printed : public Handler {
 public:
  std::vector<std::string> names;
  void on_call_start(const Call&, bool) override {}
  void on_call_end(const Call& c, bool) override { names.emplace_back(syscalls::name_of(c.nr)); }
  void on_signal(const Signal&) override {}
  void on_exit(const Exit&) override {}
  void on_fork(uint32_t, uint32_t, uint32_t) override {}
  void on_exec(uint32_t, uint32_t) override {}
};

TEST(FdTracking, HiddenCallsFeedTheTableButAreNotPrinted) {
  FdTable t;
  Printed printed;
  FdTracking tracking(t, printed);
  const uint32_t tgid = static_cast<uint32_t>(getpid());
  std::string path = "/etc/hostname";
  path.push_back('\0');
  Call open = make("openat", {uint64_t(AT_FDCWD), 0, O_RDONLY}, 977, tgid);
  open.captures[open.ncaptures++] = CaptureView{1, ES_CAP_PATH, 0, path};
  open.hidden = true;  // -e trace=read: the open is sent only for the table
  tracking.on_call_end(open, false);
  tracking.on_call_end(make("read", {977, 0, 10}, 3, tgid), false);
  Call close = make("close", {977}, 0, tgid);
  close.hidden = true;
  EXPECT_EQ(text(t.name(tgid, 977)), "/etc/hostname");
  tracking.on_call_end(close, false);
  EXPECT_EQ(text(t.name(tgid, 977)), std::nullopt);
  EXPECT_EQ(printed.names, std::vector<std::string>{"read"});
}

TEST(FdTable, TheCallsThatChangeItAreNamed) {
  for (auto name : {"openat", "open", "dup2", "close", "socket", "pipe2", "chdir", "fcntl",
                    "execve", "recvmsg", "recvmmsg"})
    EXPECT_TRUE(changes_fd_table(name)) << name;
  for (auto name : {"read", "write", "getppid", "mmap"})
    EXPECT_FALSE(changes_fd_table(name)) << name;
}

// -yy: the ES_CAP_SOCKETS capture of a call, one es_sock_info per described fd.
std::string sockets_capture(std::initializer_list<es_sock_info> items) {
  std::string bytes;
  for (const auto& s : items) bytes.append(reinterpret_cast<const char*>(&s), sizeof s);
  return bytes;
}

es_sock_info udp(int fd, uint8_t when, uint16_t lport, uint16_t rport) {
  es_sock_info s{};
  s.fd = fd;
  s.when = when;
  s.family = AF_INET;
  s.ino = 777;
  std::strcpy(s.proto, "UDP");
  s.local_addr[0] = s.remote_addr[0] = 127;
  s.local_addr[3] = s.remote_addr[3] = 1;
  if (!rport) std::memset(s.remote_addr, 0, sizeof s.remote_addr);
  s.local_port = lport;
  s.remote_port = rport;
  return s;
}

// strace keeps a socket's first sock_diag answer: a bound UDP socket that connects later
// still shows only its local address. Until then, the protocol and inode.
TEST(FdTable, SocketDetailsAreKeptFromTheFirstAnswer) {
  FdTable t(2);
  const uint32_t tgid = 999998;
  std::string unbound = sockets_capture({udp(3, ES_AT_ENTER, 0, 0)});
  Call bind = make("bind", {3}, 0, tgid);
  bind.captures[bind.ncaptures++] = CaptureView{ES_ARG_SOCKETS, ES_CAP_SOCKETS, 0, unbound};
  t.socket_arguments(bind);
  EXPECT_EQ(text(t.name(tgid, 3)), "UDP:[777]");

  std::string bound = sockets_capture({udp(3, ES_AT_ENTER, 5000, 0)});
  Call connect = make("connect", {3}, 0, tgid);
  connect.captures[connect.ncaptures++] = CaptureView{ES_ARG_SOCKETS, ES_CAP_SOCKETS, 0, bound};
  t.before_line(connect);
  EXPECT_EQ(text(t.name(tgid, 3)), "UDP:[127.0.0.1:5000]");

  std::string connected = sockets_capture({udp(3, ES_AT_ENTER, 5000, 53)});
  Call write = make("write", {3}, 1, tgid);
  write.captures[write.ncaptures++] = CaptureView{ES_ARG_SOCKETS, ES_CAP_SOCKETS, 0, connected};
  t.before_line(write);
  EXPECT_EQ(text(t.name(tgid, 3)), "UDP:[127.0.0.1:5000]");
}

// A returned socket is named as the call left it (accept's connection).
TEST(FdTable, ReturnedSocketsAreNamedAtExit) {
  FdTable t(2);
  const uint32_t tgid = 999997;
  es_sock_info conn = udp(5, ES_AT_EXIT, 80, 41234);
  std::strcpy(conn.proto, "TCP");
  conn.ino = 778;
  std::string bytes = sockets_capture({conn});
  Call accept = make("accept", {3}, 5, tgid);
  accept.captures[accept.ncaptures++] = CaptureView{ES_ARG_SOCKETS, ES_CAP_SOCKETS, 0, bytes};
  t.before_line(accept);
  EXPECT_EQ(text(t.result_name(tgid, 5)), "TCP:[127.0.0.1:80->127.0.0.1:41234]");
}

// An es_fd_file array as the -y captures hold it.
std::string files_capture(std::initializer_list<es_fd_file> items) {
  std::string bytes;
  for (const auto& f : items) bytes.append(reinterpret_cast<const char*>(&f), sizeof f);
  return bytes;
}

es_fd_file file(int fd, uint64_t ino, uint32_t mode, const char* name) {
  es_fd_file f{};
  f.fd = fd;
  f.ino = ino;
  f.mode = mode;
  std::strncpy(f.name, name, sizeof f.name - 1);
  return f;
}

// SCM_RIGHTS: a received file is named as the table named the same inode when it was opened
// (the process is gone from /proc by the time its calls are decoded), a pipe by its kind.
TEST(FdTable, DescriptorsReceivedWithScmRightsAreNamed) {
  FdTable t;
  const uint32_t tgid = 1u << 30;  // no such process: /proc cannot answer
  std::string path = "/etc/hostname";
  path.push_back('\0');
  Call open = make("openat", {uint64_t(AT_FDCWD), 0, O_RDONLY}, 5, tgid);
  open.captures[open.ncaptures++] = CaptureView{1, ES_CAP_PATH, 0, path};
  const std::string opened = files_capture({file(5, 4242, S_IFREG | 0644, "hostname")});
  open.captures[open.ncaptures++] = CaptureView{ES_ARG_RESULT, ES_CAP_FD_FILE_RET, 0, opened};
  t.before_line(open);

  const std::string received = files_capture({file(7, 4242, S_IFREG | 0644, "hostname"),
                                              file(8, 99, S_IFIFO | 0600, "pipe:[99]"),
                                              file(9, 4242, S_IFDIR | 0755, "elsewhere")});
  Call recv = make("recvmsg", {4, 0x1000, 0}, 1, tgid);
  recv.captures[recv.ncaptures++] = CaptureView{ES_ARG_RESULT, ES_CAP_FD_FILE_RECV, 0, received};
  t.before_line(recv);
  EXPECT_EQ(text(t.name(tgid, 7)), "/etc/hostname");
  EXPECT_EQ(text(t.name(tgid, 8)), "pipe:[99]");
  EXPECT_EQ(text(t.name(tgid, 9)), std::nullopt);  // the same number on another filesystem
}

// Every call whose row returns a fd names it, from the kernel's file table as the call left
// it (the process may be gone from /proc by the time its line is printed).
TEST(FdTable, EveryFdReturningCallNamesItsFd) {
  const uint32_t tgid = 1u << 30;  // no such process: /proc cannot answer
  struct Case {
    const char* call;
    const char* inode;  // the anonymous inode's name, as /proc/PID/fd shows it
  };
  for (auto [call, inode] :
       {Case{"userfaultfd", "[userfaultfd]"}, Case{"fanotify_init", "[fanotify]"},
        Case{"io_uring_setup", "[io_uring]"}, Case{"fsopen", "[fscontext]"},
        Case{"pidfd_getfd", "[eventfd]"}, Case{"landlock_create_ruleset", "[landlock-ruleset]"}}) {
    FdTable t;
    Call c = make(call, {}, 6, tgid);
    const std::string created = files_capture({file(6, 77, 0, inode)});
    c.captures[c.ncaptures++] = CaptureView{ES_ARG_RESULT, ES_CAP_FD_FILE_RET, 0, created};
    t.before_line(c);
    EXPECT_EQ(text(t.result_name(tgid, 6)), std::string("anon_inode:") + inode) << call;
    EXPECT_EQ(text(t.name(tgid, 6)), std::string("anon_inode:") + inode) << call;
  }
}

// open_tree's fd is a directory's: named as /proc shows it while the call is decoded, and
// kept after the fd is closed.
TEST(FdTable, OpenTreeNamesItsFd) {
  FdTable t;
  const uint32_t tgid = static_cast<uint32_t>(getpid());
  int fd = open("/", O_PATH | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  std::string path = "/";
  path.push_back('\0');
  Call c = make("open_tree", {uint64_t(AT_FDCWD), 0, 0}, fd, tgid);
  c.captures[c.ncaptures++] = CaptureView{1, ES_CAP_PATH, 0, path};
  t.before_line(c);
  close(fd);
  EXPECT_EQ(text(t.name(tgid, fd)), "/");
}

// The same calls are sent for the table under a narrow -e trace=, so their fds keep names.
TEST(FdTable, FdReturningCallsChangeIt) {
  for (auto name : {"userfaultfd", "fanotify_init", "io_uring_setup", "open_tree", "fsopen",
                    "pidfd_getfd", "landlock_create_ruleset"})
    EXPECT_TRUE(changes_fd_table(name)) << name;
}

}  // namespace
}  // namespace estrace::decode
