// decode: -y descriptor names kept from the calls, with /proc as the fallback.
#include "estrace/decode/fd_table.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include <gtest/gtest.h>

#include "estrace/syscalls/catalogue.h"

namespace estrace::decode {
namespace {

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
  EXPECT_EQ(t.name(tgid, 977), "/etc/hostname");
  t.after_line(make("dup2", {977, 978}, 978, tgid));
  EXPECT_EQ(t.name(tgid, 978), "/etc/hostname");
  t.after_line(make("close", {977}, 0, tgid));
  EXPECT_EQ(t.name(tgid, 977), std::nullopt);  // closed, and not open in /proc either
  EXPECT_EQ(t.name(tgid, 978), "/etc/hostname");
}

TEST(FdTable, FailedCallsChangeNothing) {
  FdTable t;
  const uint32_t tgid = static_cast<uint32_t>(getpid());
  t.after_line(make("dup2", {0, 979}, -9, tgid));
  EXPECT_EQ(t.name(tgid, 979), std::nullopt);
}

TEST(FdTable, UnknownFdsComeFromProc) {
  FdTable t;
  int fd = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(t.name(static_cast<uint32_t>(getpid()), fd), "/dev/null");
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
  EXPECT_EQ(t.name(999999, 977), "/etc/hostname");
  t.set(999999, 1, "/tmp/out");
  t.exec(999999);
  EXPECT_EQ(t.name(999999, 977), std::nullopt);
  EXPECT_EQ(t.name(999999, 1), "/tmp/out");  // the standard three survive exec
}

// Counts the calls that reach the printer.
class Printed : public Handler {
 public:
  std::vector<std::string> names;
  void on_call_start(const Call&, bool) override {}
  void on_call_end(const Call& c, bool) override {
    names.emplace_back(syscalls::name_of(c.nr));
  }
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
  EXPECT_EQ(t.name(tgid, 977), "/etc/hostname");
  tracking.on_call_end(close, false);
  EXPECT_EQ(t.name(tgid, 977), std::nullopt);
  EXPECT_EQ(printed.names, std::vector<std::string>{"read"});
}

TEST(FdTable, TheCallsThatChangeItAreNamed) {
  for (auto name : {"openat", "open", "dup2", "close", "socket", "pipe2", "chdir", "fcntl",
                    "execve"})
    EXPECT_TRUE(changes_fd_table(name)) << name;
  for (auto name : {"read", "write", "getppid", "mmap"}) EXPECT_FALSE(changes_fd_table(name)) << name;
}

}  // namespace
}  // namespace estrace::decode
