// format: synthetic calls -> the exact text strace 6.1 printed for the same call on this machine
// (expectations copied from `strace` runs of small programs, addresses as they came).
#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>

#include <gtest/gtest.h>

#include "call_builder.h"
#include "estrace/abi/event.h"
#include "estrace/format/call_formatter.h"
#include "estrace/format/xlat.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::format {
namespace {

using namespace std::string_literals;

using C = testing::CallBuilder;
using testing::enter;
using testing::line;

std::string array_data(std::initializer_list<std::string> items, unsigned cut_at = 1000) {
  std::string d;
  for (const std::string& s : items) {
    uint16_t len = static_cast<uint16_t>(std::min<size_t>(s.size(), cut_at));
    uint16_t hdr = len | (s.size() > cut_at ? ES_ITEM_CUT : 0);
    d.append(reinterpret_cast<const char*>(&hdr), 2);
    d.append(s.substr(0, len));
  }
  return d;
}

Style with_s(unsigned s, HexMode hex = HexMode::None) {
  Style st;
  st.string_limit = s;
  st.hex = hex;
  return st;
}

constexpr uint64_t FDCWD = static_cast<uint64_t>(-100);
constexpr int64_t ENOENT_ = -2;

// --- files, paths, flags -------------------------------------------------------------------

TEST(Format, OpenatAndAlignment) {
  EXPECT_EQ(line(C("openat", {FDCWD, 0x1000, 02000000}, 3).path(1, "/etc/ld.so.cache")),
            "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");
  EXPECT_EQ(line(C("close", {3}, 0)), "close(3)                                = 0");
  EXPECT_EQ(line(C("access", {0x1000, 4}, ENOENT_).path(0, "/etc/ld.so.preload")),
            "access(\"/etc/ld.so.preload\", R_OK)      = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(line(C("openat", {FDCWD, 0x1000, 0x241, 0666}, 3).path(1, "/dev/null")),
            "openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3");
  EXPECT_EQ(
      line(C("openat", {FDCWD, 0x1000, 0xffffffff & ~3u, 0644}, ENOENT_).path(1, "/nonexist/x")),
      "openat(AT_FDCWD, \"/nonexist/x\", O_RDONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|"
      "O_NONBLOCK|O_SYNC|O_DIRECT|O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|"
      "FASYNC|0xff80003c, 0644) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(line(C("openat", {FDCWD, 0x1000, 3}, ENOENT_).path(1, "/nonexist/x")),
            "openat(AT_FDCWD, \"/nonexist/x\", O_ACCMODE) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(
      line(C("openat", {FDCWD, 0x1000, 02 | 020200000, 0600}, ENOENT_).path(1, "/nonexist/x")),
      "openat(AT_FDCWD, \"/nonexist/x\", O_RDWR|O_TMPFILE, 0600) = -1 ENOENT (No such file or "
      "directory)");
  EXPECT_EQ(
      line(
          C("openat", {FDCWD, 0x1000, 0210000 | 020000 | 0200000}, ENOENT_).path(1, "/nonexist/x")),
      "openat(AT_FDCWD, \"/nonexist/x\", O_RDONLY|O_DSYNC|O_DIRECTORY|FASYNC) = -1 ENOENT (No "
      "such file or directory)");
  EXPECT_EQ(
      line(C("openat", {uint64_t(-5), 0x1000, 02001}, ENOENT_).path(1, "/nonexist/x")),
      "openat(-5, \"/nonexist/x\", O_WRONLY|O_APPEND) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(line(C("openat", {FDCWD, 0x1000, 02204000}, 3).path(1, "/")),
            "openat(AT_FDCWD, \"/\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3");
}

TEST(Format, PathWithoutCaptureIsAnAddress) {
  EXPECT_EQ(line(C("statfs", {0x7ffc8d5601c0, 0x7ffc8d5601c0}, ENOENT_).path(0, "/selinux")),
            "statfs(\"/selinux\", 0x7ffc8d5601c0)      = -1 ENOENT (No such file or directory)");
  C faulted("openat", {FDCWD, 0x10, 0}, -14);
  faulted.cap(1, ES_CAP_PATH, "", ES_CAPR_FAULT);
  EXPECT_EQ(line(faulted), "openat(AT_FDCWD, 0x10, O_RDONLY)        = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(C("openat", {FDCWD, 0, 0}, -14)),
            "openat(AT_FDCWD, NULL, O_RDONLY)        = -1 EFAULT (Bad address)");
}

TEST(Format, FlagTables) {
  EXPECT_EQ(line(C("access", {0x1000, 0}, ENOENT_).path(0, "/nonexist")),
            "access(\"/nonexist\", F_OK)               = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(line(C("access", {0x1000, 6}, ENOENT_).path(0, "/nonexist")),
            "access(\"/nonexist\", R_OK|W_OK)          = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(
      line(C("faccessat", {FDCWD, 0x1000, 0xff}, -22).path(1, "/nonexist")),
      "faccessat(AT_FDCWD, \"/nonexist\", R_OK|W_OK|X_OK|0xf8) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("newfstatat", {FDCWD, 0x1000, 0, 0xffffffff}, -22).path(1, "/nonexist")),
            "newfstatat(AT_FDCWD, \"/nonexist\", NULL, AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|"
            "AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xffff60ff) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(line(C("wait4", {uint64_t(-1), 0, 0xffffffff, 0}, -22)),
            "wait4(-1, NULL, WNOHANG|WEXITED|WSTOPPED|WCONTINUED|WNOWAIT|__WCLONE|__WALL|"
            "__WNOTHREAD|0x1efffff0, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("getrandom", {0, 0, 0xffffffff}, -22)),
            "getrandom(NULL, 0, GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE|0xfffffff8) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(line(C("pipe2", {0, 0xffffffff}, -22)),
            "pipe2(NULL, O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|"
            "O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0xff80003f) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("msync", {0, 0, 0xffffffff}, -22)),
            "msync(NULL, 0, MS_SYNC|MS_ASYNC|MS_INVALIDATE|0xfffffff8) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line(C("madvise", {0, 0, 4}, 0)), "madvise(NULL, 0, MADV_DONTNEED)         = 0");
  EXPECT_EQ(line(C("madvise", {0, 0, 999}, -22)),
            "madvise(NULL, 0, 0x3e7 /* MADV_??? */)  = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("mremap", {0, 0, 0, 0xffffffff, 0}, -22)),
            "mremap(NULL, 0, 0, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP|0xfffffff8, NULL) = "
            "-1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("flock", {100, 0xffffffff}, 0)),
            "flock(100, LOCK_SH|LOCK_EX|LOCK_NB|LOCK_UN|LOCK_MAND|LOCK_RW|0xffffff10) = 0");
  EXPECT_EQ(line(C("flock", {100, 0}, -22)),
            "flock(100, 0)                           = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("lseek", {100, 0, 2}, -9)),
            "lseek(100, 0, SEEK_END)                 = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("lseek", {100, 4294967291, 77}, -9)),
            "lseek(100, 4294967291, 0x4d /* SEEK_??? */) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("shutdown", {100, 9}, -9)),
            "shutdown(100, 0x9 /* SHUT_??? */)       = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("unshare", {0xffffffff}, -22)),
            "unshare(CLONE_NEWTIME|CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|"
            "CLONE_NEWNS|CLONE_SYSVSEM|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|"
            "CLONE_NEWPID|CLONE_NEWNET|0x81f8f07f) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("clock_gettime", {0xff, 0}, -22)),
            "clock_gettime(0xff /* CLOCK_??? */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("clock_gettime", {uint64_t(-2), 0}, -14)),
            "clock_gettime(0xfffffffe /* CLOCK_??? */, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(C("clock_gettime", {1, 0}, -14)),
            "clock_gettime(CLOCK_MONOTONIC, NULL)    = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(C("arch_prctl", {0x1003, 0}, -14)),
            "arch_prctl(ARCH_GET_FS, NULL)           = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(C("arch_prctl", {0x9999, 0}, -22)),
            "arch_prctl(0x9999 /* ARCH_??? */, 0)    = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("arch_prctl", {0x1002, 0x7f49adfa5800}, 0)),
            "arch_prctl(ARCH_SET_FS, 0x7f49adfa5800) = 0");
  EXPECT_EQ(line(C("getrlimit", {99, 0}, -22)),
            "getrlimit(0x63 /* RLIMIT_??? */, NULL)  = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("rt_sigprocmask", {9, 0, 0, 8}, 0)),
            "rt_sigprocmask(0x9 /* SIG_??? */, NULL, NULL, 8) = 0");
  EXPECT_EQ(line(C("umask", {022}, 022)), "umask(022)                              = 022");
  EXPECT_EQ(line(C("mkdir", {0x1000, 0}, ENOENT_).path(0, "/nonexist/x")),
            "mkdir(\"/nonexist/x\", 000)               = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(line(C("mkdir", {0x1000, 04755}, ENOENT_).path(0, "/nonexist/x")),
            "mkdir(\"/nonexist/x\", 04755)             = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(line(C("futex", {0x7f49ae216a4c, 129, 2147483647, 0, 0, 0}, 0)),
            "futex(0x7f49ae216a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
  EXPECT_EQ(line(C("futex", {0, 0xfff, 1, 0, 0, 0}, -38)),
            "futex(NULL, 0xfff /* FUTEX_??? */, 1, NULL, NULL, 0) = -1 ENOSYS (Function not "
            "implemented)");
  EXPECT_EQ(line(C("ioctl", {1, 0x5401, 0x7ffc8d560100}, -25)),
            "ioctl(1, TCGETS, 0x7ffc8d560100)        = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(line(C("ioctl", {100, 0x12345678, 0}, -9)),
            "ioctl(100, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("ioctl", {100, 0x40045432, 0}, -9)),
            "ioctl(100, _IOC(_IOC_WRITE, 0x54, 0x32, 0x4), 0) = -1 EBADF (Bad file descriptor)");
}

TEST(Format, Fcntl) {
  EXPECT_EQ(line(C("fcntl", {100, 3}, -9)),
            "fcntl(100, F_GETFL)                     = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("fcntl", {100, 4, 02000 | 04000}, -9)),
            "fcntl(100, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("fcntl", {11, 2, 1}, 0)), "fcntl(11, F_SETFD, FD_CLOEXEC)          = 0");
  EXPECT_EQ(line(C("fcntl", {100, 2, 0}, -9)),
            "fcntl(100, F_SETFD, 0)                  = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("fcntl", {1, 0, 10}, 11)), "fcntl(1, F_DUPFD, 10)                   = 11");
  EXPECT_EQ(line(C("fcntl", {100, 9999, 3}, -9)),
            "fcntl(100, 0x270f /* F_??? */, 0x3)     = -1 EBADF (Bad file descriptor)");
}

TEST(Format, Memory) {
  EXPECT_EQ(line(C("brk", {0}, 0x56541ec5a000)),
            "brk(NULL)                               = 0x56541ec5a000");
  EXPECT_EQ(line(C("mmap", {0, 8192, 3, 0x22, uint64_t(-1), 0}, 0x7f49ae25d000)),
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
            "0x7f49ae25d000");
  EXPECT_EQ(
      line(C("mmap", {0x7f49ae22b000, 110592, 5, 0x812, 3, 0x7000}, 0x7f49ae22b000)),
      "mmap(0x7f49ae22b000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, "
      "3, 0x7000) = 0x7f49ae22b000");
  EXPECT_EQ(line(C("mmap", {0, 0, 0xffffffff, 0xffffffff, uint64_t(-1), 0}, -22)),
            "mmap(NULL, 0, PROT_READ|PROT_WRITE|PROT_EXEC|PROT_SEM|PROT_GROWSDOWN|PROT_GROWSUP|"
            "0xfcfffff0, 0xf /* MAP_??? */|MAP_FIXED|MAP_ANONYMOUS|MAP_32BIT|MAP_NORESERVE|"
            "MAP_POPULATE|MAP_NONBLOCK|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_EXECUTABLE|MAP_LOCKED|"
            "MAP_STACK|MAP_HUGETLB|MAP_SYNC|MAP_FIXED_NOREPLACE|0x3e00680|63<<MAP_HUGE_SHIFT, -1, "
            "0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("mmap", {0, 0, 0, 0, uint64_t(-1), 0}, -9)),
            "mmap(NULL, 0, PROT_NONE, MAP_FILE, -1, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("mmap", {0, 0, 0x10, 3, uint64_t(-1), 0}, -9)),
            "mmap(NULL, 0, 0x10 /* PROT_??? */, MAP_SHARED_VALIDATE, -1, 0) = -1 EBADF (Bad file "
            "descriptor)");
  EXPECT_EQ(line(C("mmap", {0, 0, 1, 0x20, uint64_t(-1), 0}, -22)),
            "mmap(NULL, 0, PROT_READ, MAP_FILE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(
      line(C("mmap", {0, 0, 1, 0x22 | 0x40000 | (21u << 26), uint64_t(-1), 0}, -22)),
      "mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, "
      "0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line(C("munmap", {0x7f49ae252000, 41491}, 0)),
            "munmap(0x7f49ae252000, 41491)           = 0");
  EXPECT_EQ(line(C("mprotect", {0x7f49ae211000, 16384, 1}, 0)),
            "mprotect(0x7f49ae211000, 16384, PROT_READ) = 0");
  EXPECT_EQ(line(C("set_tid_address", {0x7f49adfa5ad0}, 4598)),
            "set_tid_address(0x7f49adfa5ad0)         = 4598");
  EXPECT_EQ(line(C("set_robust_list", {0x7f49adfa5ae0, 24}, 0)),
            "set_robust_list(0x7f49adfa5ae0, 24)     = 0");
  EXPECT_EQ(line(C("rseq", {0x7f49adfa6120, 0x20, 0, 0x53053053}, 0)),
            "rseq(0x7f49adfa6120, 0x20, 0, 0x53053053) = 0");
}

// --- strings and buffers ---------------------------------------------------------------------

std::string write_line(const std::string& bytes, Style st = {}) {
  C c("write", {3, 0x1000, bytes.size()}, static_cast<int64_t>(bytes.size()));
  c.cap(1, ES_CAP_BUF_ARG, bytes.substr(0, std::min<size_t>(bytes.size(), st.string_limit)));
  return line(c, st);
}

const std::string kMixed = "\0331\0012\t\n\r\v\f\"\\x\177\200\377a7\0"s;

TEST(Format, Escaping) {
  EXPECT_EQ(write_line(kMixed),
            R"(write(3, "\0331\0012\t\n\r\v\f\"\\x\177\200\377a7\0", 18) = 18)");
  EXPECT_EQ(write_line("\x01"
                       "9"),
            R"(write(3, "\19", 2)                      = 2)");
  EXPECT_EQ(write_line("\x01"
                       "A"),
            R"(write(3, "\1A", 2)                      = 2)");
  EXPECT_EQ(write_line("\xe2\x82\xac"), R"(write(3, "\342\202\254", 3)             = 3)");
  EXPECT_EQ(write_line(""), R"(write(3, "", 0)                         = 0)");
  EXPECT_EQ(write_line("ab\0cd"s), R"(write(3, "ab\0cd", 5)                   = 5)");
  EXPECT_EQ(write_line("\0"
                       "0"s),
            R"(write(3, "\0000", 2)                    = 2)");
  EXPECT_EQ(write_line("\07"
                       "8"),
            R"(write(3, "\78", 2)                      = 2)");
  EXPECT_EQ(write_line("\x12"
                       "3"),
            R"(write(3, "\0223", 2)                    = 2)");
  EXPECT_EQ(write_line("\x12\x01"), R"(write(3, "\22\1", 2)                    = 2)");
}

TEST(Format, TruncationAtTheLimit) {
  EXPECT_EQ(write_line("0123456789012345678901234567890"),
            R"(write(3, "0123456789012345678901234567890", 31) = 31)");
  EXPECT_EQ(write_line("01234567890123456789012345678901"),
            R"(write(3, "01234567890123456789012345678901", 32) = 32)");
  EXPECT_EQ(write_line("012345678901234567890123456789012"),
            R"(write(3, "01234567890123456789012345678901"..., 33) = 33)");
  EXPECT_EQ(write_line(kMixed, with_s(5)), R"(write(3, "\0331\0012\t"..., 18)         = 18)");
  EXPECT_EQ(write_line("01234567890123456789012345678901", with_s(5)),
            R"(write(3, "01234"..., 32)                = 32)");
  EXPECT_EQ(write_line(std::string(100, 'z'), with_s(0)),
            R"(write(3, ""..., 100)                    = 100)");
  EXPECT_EQ(write_line("", with_s(0)), R"(write(3, "", 0)                         = 0)");
  C bad("write", {3, 0x10, 5}, 5);
  bad.cap(1, ES_CAP_BUF_ARG, "", ES_CAPR_FAULT);
  EXPECT_EQ(line(bad), "write(3, 0x10, 5)                       = 5");
  EXPECT_EQ(line(C("write", {3, 0, 5}, 5)), "write(3, NULL, 5)                       = 5");
}

TEST(Format, HexModes) {
  Style x = with_s(32, HexMode::NonAscii), xx = with_s(32, HexMode::All);
  EXPECT_EQ(
      write_line(kMixed, x),
      R"(write(3, "\x1b\x31\x01\x32\x09\x0a\x0d\x0b\x0c\x22\x5c\x78\x7f\x80\xff\x61\x37\x00", 18) = 18)");
  EXPECT_EQ(write_line("0123456789012345678901234567890", x),
            R"(write(3, "0123456789012345678901234567890", 31) = 31)");
  EXPECT_EQ(write_line("a\n", x), R"(write(3, "a\n", 2)                      = 2)");
  EXPECT_EQ(write_line("a\"\\", x), R"(write(3, "a\"\\", 3)                    = 3)");
  EXPECT_EQ(write_line("a\x7f", x), R"(write(3, "\x61\x7f", 2)                 = 2)");
  EXPECT_EQ(write_line("ab\0cd"s, x), R"(write(3, "\x61\x62\x00\x63\x64", 5)     = 5)");
  EXPECT_EQ(write_line("\x12", xx), R"(write(3, "\x12", 1)                     = 1)");
  EXPECT_EQ(
      write_line(std::string(100, 'z'), xx),
      R"(write(3, "\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a\x7a"..., 100) = 100)");
  C p("openat", {FDCWD, 0x1000, 0}, ENOENT_);
  p.path(1, "/tmp/nonexist\n\t\"x\x80");
  EXPECT_EQ(
      line(p),
      R"(openat(AT_FDCWD, "/tmp/nonexist\n\t\"x\200", O_RDONLY) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(
      line(p, x),
      R"(openat(AT_FDCWD, "\x2f\x74\x6d\x70\x2f\x6e\x6f\x6e\x65\x78\x69\x73\x74\x0a\x09\x22\x78\x80", O_RDONLY) = -1 ENOENT (No such file or directory))");
  // Paths ignore -s.
  EXPECT_EQ(line(p, with_s(0)), line(p));
}

TEST(Format, ReadBufferAndEnterPart) {
  std::string elf = "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\0\0\0\0\0\0\0\0"s;
  C r("read", {3, 0x7ffd0000, 832}, 832);
  r.cap(1, ES_CAP_BUF_RET, elf);
  EXPECT_EQ(enter(r), "read(3, ");
  EXPECT_EQ(
      line(r),
      R"(read(3, "\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\0\0\0\0\0\0\0\0"..., 832) = 832)");
  EXPECT_EQ(line(C("read", {3, 0x7ffd0000, 1024}, 0)),
            R"(read(3, "", 1024)                       = 0)");
  EXPECT_EQ(
      line(C("read", {3, 0x7ffd0000, 1024}, -11)),
      "read(3, 0x7ffd0000, 1024)               = -1 EAGAIN (Resource temporarily unavailable)");
  C g("getrandom", {0x7ffd0000, 8, 1}, 8);
  g.cap(0, ES_CAP_BUF_RET, "\xff\xc8\x19\xd2\x42\x50\x5b\x9a");
  EXPECT_EQ(line(g), R"(getrandom("\xff\xc8\x19\xd2\x42\x50\x5b\x9a", 8, GRND_NONBLOCK) = 8)");
}

TEST(Format, UnfinishedAndResumedPieces) {
  // strace -f: "[pid N] read(3,  <unfinished ...>" then "<... read resumed>"abc", 4096) = 3".
  C r("read", {3, 0x1000, 4096}, 3);
  r.cap(1, ES_CAP_BUF_RET, "abc");
  EXPECT_EQ(enter(r) + " <unfinished ...>", "read(3,  <unfinished ...>");
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "<... {} resumed>", CallFormatter({}).name(r.call));
  CallFormatter({}).exit_part(r.call, out);
  EXPECT_EQ(fmt::to_string(out), "<... read resumed>\"abc\", 4096)          = 3");
  fmt::memory_buffer v;
  fmt::format_to(std::back_inserter(v), "4603  <... vfork resumed>");
  CallFormatter({}).exit_part(C("vfork", {}, 4604).call, v);
  EXPECT_EQ(fmt::to_string(v), "4603  <... vfork resumed>)              = 4604");
  EXPECT_EQ(enter(C("wait4", {uint64_t(-1), 0x1000, 0, 0}, 0)), "wait4(-1, ");
  EXPECT_EQ(enter(C("flock", {3, 2}, 0)), "flock(3, LOCK_EX");
  EXPECT_EQ(enter(C("vfork", {}, 0)), "vfork(");
  C o("openat", {FDCWD, 0x1000, 02000000}, 3);
  o.path(1, "/etc/passwd");
  EXPECT_EQ(enter(o), "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC");
  fmt::memory_buffer rest;
  CallFormatter({}).exit_part(o.call, rest);
  EXPECT_EQ(fmt::to_string(rest), ")                                       = 3");
  // The padding counts from the start of the current line, prefix included.
  fmt::memory_buffer pid;
  fmt::format_to(std::back_inserter(pid), "earlier line\n4603  ");
  CallFormatter({}).enter_part(C("close", {3}, 0).call, pid);
  CallFormatter({}).exit_part(C("close", {3}, 0).call, pid);
  EXPECT_EQ(fmt::to_string(pid), "earlier line\n4603  close(3)                          = 0");
}

// One rule for the return column, whoever assembles the line: "= RET" at column 40, or one
// space past it.
TEST(Format, ReturnColumn) {
  const size_t columns[] = {0, 10, 39, 40, 41, 60};
  for (size_t column : columns) {
    fmt::memory_buffer out;
    out.append(std::string(column, 'x'));
    pad_return_column(column, out);
    put(out, '=');
    EXPECT_EQ(fmt::to_string(out).find('='), std::max<size_t>(column + 1, 40)) << column;
  }
}

TEST(Format, ReturnsThatAreNotNumbers) {
  EXPECT_EQ(line(C("exit_group", {0}, 0).noreturn()),
            "exit_group(0)                           = ?");
  EXPECT_EQ(
      line(C("pause", {}, -514)),
      "pause()                                 = ? ERESTARTNOHAND (To be restarted if no handler)");
  EXPECT_EQ(line(C("pause", {}, -512)),
            "pause()                                 = ? ERESTARTSYS (To be restarted if "
            "SA_RESTART is set)");
  EXPECT_EQ(
      line(C("pause", {}, -516)),
      "pause()                                 = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
  EXPECT_EQ(line(C("close", {uint64_t(-1)}, -9)),
            "close(-1)                               = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line(C("getuid", {}, 0)), "getuid()                                = 0");
  model::Call unknown;
  unknown.nr = 400;
  unknown.args = {1, 0, 0, 0, 0, 0};
  unknown.ret = -38;
  fmt::memory_buffer out;
  CallFormatter f({});
  f.enter_part(unknown, out);
  f.exit_part(unknown, out);
  EXPECT_EQ(fmt::to_string(out),
            "syscall_0x190(0x1, 0, 0, 0, 0, 0)       = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(f.name(unknown), "syscall_0x190");
}

// --- execve ------------------------------------------------------------------------------------

TEST(Format, Execve) {
  C e("execve", {0x1000, 0x2000, 0x7fff71aaa638}, 0);
  e.path(0, "/usr/bin/ls").cap(1, ES_CAP_STRING_ARRAY, array_data({"ls", "/"}));
  uint32_t n = 41;
  e.cap(2, ES_CAP_ARRAY_COUNT, std::string(reinterpret_cast<char*>(&n), 4));
  EXPECT_EQ(line(e), R"(execve("/usr/bin/ls", ["ls", "/"], 0x7fff71aaa638 /* 41 vars */) = 0)");

  C s2("execve", {0x1000, 0x2000, 0x7ffe99b71138}, 0);
  s2.path(0, "/usr/bin/echo")
      .cap(1, ES_CAP_STRING_ARRAY, array_data({"echo", "a", "bcd", "c", "d", "e"}, 2));
  s2.cap(2, ES_CAP_ARRAY_COUNT, std::string(reinterpret_cast<char*>(&n), 4));
  EXPECT_EQ(line(s2, with_s(2)),
            R"(execve("/usr/bin/echo", ["ec"..., "a", ...], 0x7ffe99b71138 /* 41 vars */) = 0)");
  EXPECT_EQ(line(s2, with_s(0)),
            R"(execve("/usr/bin/echo", [...], 0x7ffe99b71138 /* 41 vars */) = 0)");

  C v("execve", {0x1000, 0x2000, 0x3000}, 0);
  v.path(0, "/bin/true").cap(1, ES_CAP_STRING_ARRAY, array_data({"/bin/true"}, 3));
  v.cap(2, ES_CAP_STRING_ARRAY, array_data({"A=1", "BBBB=2"}, 3));
  Style vs = with_s(3);
  vs.verbose = true;
  EXPECT_EQ(line(v, vs), R"(execve("/bin/true", ["/bi"...], ["A=1", "BBB"...]) = 0)");

  uint32_t zero = 0;
  C z("execve", {0x1000, 0x2000, 0x564f2c61f4c0}, 0);
  z.path(0, "/bin/true").cap(1, ES_CAP_STRING_ARRAY, array_data({"/bin/true"}));
  z.cap(2, ES_CAP_ARRAY_COUNT, std::string(reinterpret_cast<char*>(&zero), 4));
  EXPECT_EQ(line(z), R"(execve("/bin/true", ["/bin/true"], 0x564f2c61f4c0 /* 0 vars */) = 0)");
}

// --- structures ------------------------------------------------------------------------------

struct stat make_stat(mode_t mode, off_t size, dev_t rdev = 0) {
  struct stat st {};
  st.st_mode = mode;
  st.st_size = size;
  st.st_rdev = rdev;
  return st;
}

TEST(Format, Stat) {
  C a("newfstatat", {3, 0x1000, 0x2000, 0x1000}, 0);
  a.path(1, "").fixed(2, make_stat(S_IFREG | 0644, 41491));
  EXPECT_EQ(line(a),
            R"(newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=41491, ...}, AT_EMPTY_PATH) = 0)");
  C d("newfstatat", {FDCWD, 0x1000, 0x2000, 0}, 0);
  d.path(1, "/tmp").fixed(2, make_stat(S_IFDIR | S_ISVTX | 0777, 4096));
  EXPECT_EQ(
      line(d),
      R"(newfstatat(AT_FDCWD, "/tmp", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}, 0) = 0)");
  C c("newfstatat", {1, 0x1000, 0x2000, 0x1000}, 0);
  c.path(1, "").fixed(2, make_stat(S_IFCHR | 0666, 0, makedev(1, 3)));
  EXPECT_EQ(
      line(c),
      R"(newfstatat(1, "", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH) = 0)");
  C f("newfstatat", {FDCWD, 0x1000, 0x7fff08640880, 0}, ENOENT_);
  f.path(1, "/usr/sbin/cat");
  EXPECT_EQ(
      line(f),
      R"(newfstatat(AT_FDCWD, "/usr/sbin/cat", 0x7fff08640880, 0) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(enter(a), R"(newfstatat(3, "", )");
}

struct KSigaction {
  uint64_t handler, flags, restorer, mask;
};

uint64_t bit(int sig) { return uint64_t{1} << (sig - 1); }

TEST(Format, Signals) {
  C a("rt_sigaction", {SIGCHLD, 0x1000, 0, 8}, 0);
  a.fixed(1, KSigaction{0x55ad8b78bdc0, 0x04000000, 0x7f749ea40050, ~(bit(32) | bit(33))});
  EXPECT_EQ(line(a),
            "rt_sigaction(SIGCHLD, {sa_handler=0x55ad8b78bdc0, sa_mask=~[RTMIN RT_1], "
            "sa_flags=SA_RESTORER, sa_restorer=0x7f749ea40050}, NULL, 8) = 0");
  C o("rt_sigaction", {SIGINT, 0, 0x2000, 8}, 0);
  o.fixed(2, KSigaction{0, 0, 0, 0});
  EXPECT_EQ(line(o),
            "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
  C u("rt_sigaction", {SIGUSR1, 0x1000, 0, 8}, 0);
  u.fixed(1, KSigaction{1, 0x04000000 | 0x10000000 | 4, 0x7f4b31e4f050,
                        bit(SIGINT) | bit(SIGTERM) | bit(40)});
  EXPECT_EQ(
      line(u),
      "rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[INT TERM RT_8], "
      "sa_flags=SA_RESTORER|SA_RESTART|SA_SIGINFO, sa_restorer=0x7f4b31e4f050}, NULL, 8) = 0");
  C m("rt_sigprocmask", {SIG_SETMASK, 0x1000, 0x2000, 8}, 0);
  m.fixed(1, uint64_t{0}).fixed(2, ~(bit(SIGKILL) | bit(SIGSTOP) | bit(32) | bit(33)));
  EXPECT_EQ(line(m), "rt_sigprocmask(SIG_SETMASK, [], ~[KILL STOP RTMIN RT_1], 8) = 0");
  EXPECT_EQ(enter(m), "rt_sigprocmask(SIG_SETMASK, [], ");
  EXPECT_EQ(line(C("kill", {999999, 0}, -3)),
            "kill(999999, 0)                         = -1 ESRCH (No such process)");
  EXPECT_EQ(line(C("kill", {999999, 9}, -3)),
            "kill(999999, SIGKILL)                   = -1 ESRCH (No such process)");
  EXPECT_EQ(line(C("kill", {999999, 35}, -3)),
            "kill(999999, SIGRT_3)                   = -1 ESRCH (No such process)");
  EXPECT_EQ(line(C("kill", {999999, 64}, -3)),
            "kill(999999, SIGRT_32)                  = -1 ESRCH (No such process)");
  EXPECT_EQ(line(C("kill", {999999, 65}, -3)),
            "kill(999999, 65)                        = -1 ESRCH (No such process)");
}

TEST(Format, ProcessAndTime) {
  C p("prlimit64", {0, 3, 0, 0x1000}, 0);
  p.fixed(3, std::array<uint64_t, 2>{8192 * 1024, ~uint64_t{0}});
  EXPECT_EQ(line(p),
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
  C n("clock_nanosleep", {0, 0, 0x1000, 0}, 0);
  n.fixed(2, std::array<int64_t, 2>{0, 1000});
  EXPECT_EQ(line(n), "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0");
  C w("wait4", {uint64_t(-1), 0x1000, 0, 0}, 4604);
  w.fixed(1, int{3 << 8});
  EXPECT_EQ(line(w), "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 4604");
  C k("wait4", {uint64_t(-1), 0x1000, 0, 0}, 4605);
  k.fixed(1, int{SIGSEGV | 0x80});
  EXPECT_EQ(
      line(k),
      "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = 4605");
  EXPECT_EQ(line(C("wait4", {uint64_t(-1), 0, 0, 0}, 19886)),
            "wait4(-1, NULL, 0, NULL)                = 19886");
}

TEST(Format, Network) {
  EXPECT_EQ(line(C("socket", {AF_INET, 1 | 02000000 | 04000, 6}, 3)),
            "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_TCP) = 3");
  EXPECT_EQ(line(C("socket", {AF_INET6, 2, 17}, 4)),
            "socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 4");
  EXPECT_EQ(line(C("socket", {AF_UNIX, 5, 0}, 5)), "socket(AF_UNIX, SOCK_SEQPACKET, 0)      = 5");
  EXPECT_EQ(line(C("socket", {AF_NETLINK, 3, 0}, 6)),
            "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 6");
  EXPECT_EQ(line(C("socket", {AF_INET, 1, 0}, 4)), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4");
  EXPECT_EQ(line(C("socket", {0xfff, 0xffffffff, 0}, -22)),
            "socket(0xfff /* AF_??? */, SOCK_CLOEXEC|SOCK_NONBLOCK|0xfff7f7ff, 0) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(line(C("socket", {45, 77, 0}, -22)),
            "socket(AF_MCTP, 0x4d /* SOCK_??? */, 0) = -1 EINVAL (Invalid argument)");

  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::strcpy(un.sun_path, "/nonexist/sock");
  C cu("connect", {3, 0x1000, sizeof un}, ENOENT_);
  cu.cap(1, ES_CAP_BUF_ARG, std::string(reinterpret_cast<char*>(&un), sizeof un));
  EXPECT_EQ(
      line(cu),
      R"(connect(3, {sa_family=AF_UNIX, sun_path="/nonexist/sock"}, 110) = -1 ENOENT (No such file or directory))");
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(9);
  in.sin_addr.s_addr = htonl(0x7f000001);
  C ci("connect", {4, 0x1000, sizeof in}, -111);
  ci.cap(1, ES_CAP_BUF_ARG, std::string(reinterpret_cast<char*>(&in), sizeof in));
  EXPECT_EQ(
      line(ci),
      R"(connect(4, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused))");
  EXPECT_EQ(
      enter(ci),
      R"(connect(4, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16)");
  in.sin_port = htons(43926);
  in.sin_addr.s_addr = 0;
  C gs("getsockname", {4, 0x1000, 0x2000}, 0);
  gs.cap(1, ES_CAP_BUF_ARGPTR, std::string(reinterpret_cast<char*>(&in), sizeof in));
  gs.fixed(2, uint32_t{16});
  EXPECT_EQ(
      line(gs),
      R"(getsockname(4, {sa_family=AF_INET, sin_port=htons(43926), sin_addr=inet_addr("0.0.0.0")}, [16]) = 0)");

  C pp("pipe2", {0x1000, 0}, 0);
  pp.fixed(0, std::array<int32_t, 2>{5, 6});
  EXPECT_EQ(line(pp), "pipe2([5, 6], 0)                        = 0");
  C pc("pipe2", {0x1000, 02000000}, 0);
  pc.fixed(0, std::array<int32_t, 2>{7, 8});
  EXPECT_EQ(line(pc), "pipe2([7, 8], O_CLOEXEC)                = 0");

  struct pollfd fds[2] = {{7, POLLIN, 0}, {8, POLLIN | POLLOUT, POLLOUT}};
  C po("poll", {0x1000, 2, 0}, 1);
  po.cap(0, ES_CAP_BUF_ARG_FIXED, std::string(reinterpret_cast<char*>(fds), sizeof fds));
  EXPECT_EQ(line(po),
            "poll([{fd=7, events=POLLIN}, {fd=8, events=POLLIN|POLLOUT}], 2, 0) = 1 ([{fd=8, "
            "revents=POLLOUT}])");
  fds[0].revents = POLLIN;
  C p2("poll", {0x1000, 2, 100}, 2);
  p2.cap(0, ES_CAP_BUF_ARG_FIXED, std::string(reinterpret_cast<char*>(fds), sizeof fds));
  EXPECT_EQ(line(p2),
            "poll([{fd=7, events=POLLIN}, {fd=8, events=POLLIN|POLLOUT}], 2, 100) = 2 ([{fd=7, "
            "revents=POLLIN}, {fd=8, revents=POLLOUT}])");
  fds[0].revents = fds[1].revents = 0;
  C p3("poll", {0x1000, 2, 0}, 0);
  p3.cap(0, ES_CAP_BUF_ARG_FIXED, std::string(reinterpret_cast<char*>(fds), sizeof fds));
  EXPECT_EQ(line(p3),
            "poll([{fd=7, events=POLLIN}, {fd=8, events=POLLIN|POLLOUT}], 2, 0) = 0 (Timeout)");
}

TEST(Format, Getdents) {
  // Three linux_dirent64 records of 24 bytes (d_reclen at offset 16).
  std::string buf(72, '\0');
  for (int i = 0; i < 3; ++i) buf[i * 24 + 16] = 24;
  C g("getdents64", {3, 0x56541ec632a0, 32768}, 72);
  g.cap(1, ES_CAP_BUF_RET, buf);
  EXPECT_EQ(line(g), "getdents64(3, 0x56541ec632a0 /* 3 entries */, 32768) = 72");
  EXPECT_EQ(line(C("getdents64", {3, 0x56541ec632a0, 32768}, 0)),
            "getdents64(3, 0x56541ec632a0 /* 0 entries */, 32768) = 0");
}

// --- -y ------------------------------------------------------------------------------------

struct FakeFds : model::FdNames {
  std::map<int, model::FdName> by_fd{{3, {"/etc/passwd", {}}}};
  std::optional<model::FdName> name(uint32_t, int fd) const override {
    if (auto it = by_fd.find(fd); it != by_fd.end()) return it->second;
    return std::nullopt;
  }
};

TEST(Format, DecodeFds) {
  FakeFds names;
  Style y;
  y.decode_fds = 1;
  y.fds = &names;
  C r("read", {3, 0x1000, 4096}, 3);
  r.cap(1, ES_CAP_BUF_RET, "abc");
  EXPECT_EQ(line(r, y), R"(read(3</etc/passwd>, "abc", 4096)       = 3)");
  C o("openat", {FDCWD, 0x1000, 0}, 3);
  o.path(1, "/etc/passwd");
  EXPECT_EQ(line(o, y), R"(openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3</etc/passwd>)");
  EXPECT_EQ(line(C("close", {4}, 0), y), "close(4)                                = 0");
  EXPECT_EQ(line(r), R"(read(3, "abc", 4096)                    = 3)");
}

// A path is the traced process's bytes: escaped as strace escapes it (octal, \n, '<' and '>'
// too), in hex under -x/-xx; -yy's details are estrace's own text and printed as they are.
TEST(Format, DecodedFdPathsAreEscaped) {
  FakeFds names;
  names.by_fd = {{3, {"/tmp/esc\x1b[2Jname\nX<a>\"b\\c", {}}},
                 {4, {"/dev/null", {model::Device{false, 1, 3}, std::nullopt}}}};
  Style y;
  y.decode_fds = 2;
  y.fds = &names;
  EXPECT_EQ(line(C("close", {3}, 0), y), R"(close(3</tmp/esc\33[2Jname\nX\74a\76\"b\\c>) = 0)");
  EXPECT_EQ(line(C("close", {4}, 0), y), "close(4</dev/null<char 1:3>>)           = 0");
  y.hex = HexMode::NonAscii;
  EXPECT_EQ(line(C("close", {4}, 0), y), "close(4</dev/null<char 1:3>>)           = 0");
  y.hex = HexMode::All;
  EXPECT_EQ(line(C("close", {4}, 0), y),
            R"(close(4<\x2f\x64\x65\x76\x2f\x6e\x75\x6c\x6c<char 1:3>>) = 0)");
}

// What a dup returns is named as the call left it (result_name), fcntl's F_DUPFD included.
struct DupFds : FakeFds {
  std::optional<model::FdName> result_name(uint32_t, int fd) const override {
    if (fd == 10) return model::FdName{"/tmp/out", {}};
    return std::nullopt;
  }
};

TEST(Format, DuplicatedFdsAreNamedLikeTheirSource) {
  DupFds names;
  Style y;
  y.decode_fds = 1;
  y.fds = &names;
  EXPECT_EQ(line(C("fcntl", {3, F_DUPFD, 10}, 10), y),
            "fcntl(3</etc/passwd>, F_DUPFD, 10)      = 10</tmp/out>");
  EXPECT_EQ(line(C("dup", {3}, 10), y), "dup(3</etc/passwd>)                     = 10</tmp/out>");
}

// --- signal, exit, time lines ---------------------------------------------------------------

model::Signal make_signal(int sig, int code, std::map<size_t, int64_t> ints,
                          std::map<size_t, int64_t> longs = {}) {
  model::Signal s;
  s.sig = sig;
  int32_t head[3] = {sig, 0, code};
  std::memcpy(s.siginfo.data(), head, sizeof head);
  for (auto [off, v] : ints) {
    int32_t x = static_cast<int32_t>(v);
    std::memcpy(s.siginfo.data() + off, &x, 4);
  }
  for (auto [off, v] : longs) std::memcpy(s.siginfo.data() + off, &v, 8);
  return s;
}

std::string sigline(const model::Signal& s) {
  fmt::memory_buffer out;
  format_signal(s, out);
  return fmt::to_string(out);
}

TEST(Format, SignalLines) {
  EXPECT_EQ(sigline(make_signal(SIGCHLD, CLD_EXITED, {{16, 19886}, {20, 0}, {24, 3}},
                                {{32, 0}, {40, 0}})),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=19886, si_uid=0, "
            "si_status=3, si_utime=0, si_stime=0} ---");
  EXPECT_EQ(sigline(make_signal(SIGCHLD, CLD_KILLED, {{16, 19887}, {24, SIGSEGV}})),
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=19887, si_uid=0, "
            "si_status=SIGSEGV, si_utime=0, si_stime=0} ---");
  EXPECT_EQ(sigline(make_signal(SIGUSR1, SI_USER, {{16, 19885}})),
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=19885, si_uid=0} ---");
  EXPECT_EQ(sigline(make_signal(SIGUSR1, SI_TKILL, {{16, 19885}})),
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=19885, si_uid=0} ---");
  EXPECT_EQ(sigline(make_signal(35, SI_QUEUE, {{16, 19885}}, {{24, 42}})),
            "--- SIGRT_3 {si_signo=SIGRT_3, si_code=SI_QUEUE, si_pid=19885, si_uid=0, si_int=42, "
            "si_ptr=0x2a} ---");
  EXPECT_EQ(sigline(make_signal(SIGALRM, SI_TIMER, {}, {{24, 7}})),
            "--- SIGALRM {si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, "
            "si_int=7, si_ptr=0x7} ---");
  EXPECT_EQ(sigline(make_signal(SIGSEGV, SEGV_MAPERR, {})),
            "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---");
  EXPECT_EQ(sigline(make_signal(SIGSEGV, SEGV_MAPERR, {}, {{16, 8}})),
            "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x8} ---");
  EXPECT_EQ(sigline(make_signal(SIGINT, SI_KERNEL, {})),
            "--- SIGINT {si_signo=SIGINT, si_code=SI_KERNEL} ---");
}

std::string exitline(int status) {
  fmt::memory_buffer out;
  format_exit(model::Exit{0, 0, 0, status}, out);
  return fmt::to_string(out);
}

TEST(Format, ExitLines) {
  EXPECT_EQ(exitline(0), "+++ exited with 0 +++");
  EXPECT_EQ(exitline(3 << 8), "+++ exited with 3 +++");
  EXPECT_EQ(exitline(SIGKILL), "+++ killed by SIGKILL +++");
  EXPECT_EQ(exitline(SIGSEGV | 0x80), "+++ killed by SIGSEGV (core dumped) +++");
}

TEST(Format, TimestampsAndDurations) {
  setenv("TZ", "UTC", 1);
  tzset();
  const uint64_t ns = 1700000000ull * 1000000000ull + 123456789ull;  // 2023-11-14 22:13:20 UTC
  auto ts = [&](TimeMode m) {
    fmt::memory_buffer out;
    format_timestamp(m, ns, out);
    return fmt::to_string(out);
  };
  EXPECT_EQ(ts(TimeMode::None), "");
  EXPECT_EQ(ts(TimeMode::Seconds), "22:13:20 ");
  EXPECT_EQ(ts(TimeMode::Micros), "22:13:20.123456 ");
  EXPECT_EQ(ts(TimeMode::Epoch), "1700000000.123456 ");
  fmt::memory_buffer d;
  format_duration(123456, d);
  EXPECT_EQ(fmt::to_string(d), " <0.000123>");
  d.clear();
  format_duration(2500000000ull, d);
  EXPECT_EQ(fmt::to_string(d), " <2.500000>");
}

}  // namespace
}  // namespace estrace::format

namespace estrace::format {
namespace {

TEST(Format, ExitArgsAndReturnValueAreTheTwoHalvesOfExitPart) {
  C o("openat", {FDCWD, 0x1000, 02000000}, 3);
  o.path(1, "/etc/passwd");
  CallFormatter f({});
  fmt::memory_buffer args, ret;
  f.exit_args(o.call, args);
  f.return_value(o.call, ret);
  EXPECT_EQ(fmt::to_string(args), ")");
  EXPECT_EQ(fmt::to_string(ret), "= 3");
  C r("read", {3, 0x1000, 4096}, 3);
  r.cap(1, ES_CAP_BUF_RET, "abc");
  args.clear();
  ret.clear();
  f.exit_args(r.call, args);
  f.return_value(r.call, ret);
  EXPECT_EQ(fmt::to_string(args), R"("abc", 4096))");
  EXPECT_EQ(fmt::to_string(ret), "= 3");
  ret.clear();
  f.return_value(C("exit_group", {0}, 0).noreturn().call, ret);
  EXPECT_EQ(fmt::to_string(ret), "= ?");
  ret.clear();
  f.return_value(C("close", {9}, -9).call, ret);
  EXPECT_EQ(fmt::to_string(ret), "= -1 EBADF (Bad file descriptor)");
}

}  // namespace
}  // namespace estrace::format
