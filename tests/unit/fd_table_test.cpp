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

}  // namespace
}  // namespace estrace::decode
