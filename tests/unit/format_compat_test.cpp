// format: ia32 calls (32-bit processes). Every expectation is a line strace 6.1 printed on this
// machine for the same call of a static -m32 program.
#include <algorithm>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "call_builder.h"
#include "estrace/decode/decoder.h"
#include "estrace/syscalls/compat.h"
#include "record_builder.h"

namespace estrace::format {
namespace {

using C = testing::CallBuilder;
using testing::line;

// An ia32 call with its arguments as the decoder leaves them (compat.h: widened, in row order).
C ia32(const char* name, std::initializer_list<uint64_t> args, int64_t ret) {
  C c("getpid", {}, ret);
  c.call.nr = *syscalls::compat_number_of(name);
  c.call.compat = true;
  int i = 0;
  for (uint64_t a : args) c.call.args[i++] = a;
  return c;
}

// A short call with its " = RET" at strace's column 40.
std::string at40(std::string call, const std::string& ret) {
  call.resize(std::max<size_t>(call.size(), 39), ' ');
  return call + " = " + ret;
}

std::string bytes(const void* p, size_t n) { return std::string(static_cast<const char*>(p), n); }

TEST(FormatCompat, SetThreadArea) {
  // struct user_desc: entry_number, base_addr, limit, then the flag bits.
  uint32_t before[4] = {0xffffffff, 0x95e9380, 0xfffff, 0x51};
  uint32_t after[4] = {12, 0x95e9380, 0xfffff, 0x51};
  auto c = ia32("set_thread_area", {0xffd0e0a0}, 0);
  c.cap_at_enter(0, ES_CAP_FIXED, bytes(before, 16));
  c.cap(0, ES_CAP_FIXED, bytes(after, 16));
  EXPECT_EQ(line(c),
            "set_thread_area({entry_number=-1, base_addr=0x95e9380, limit=0x0fffff, seg_32bit=1, "
            "contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, useable=1}) = 0 "
            "(entry_number=12)");
}

TEST(FormatCompat, UgetrlimitIs32Bit) {
  uint32_t r[2] = {8192 * 1024, 0xffffffff};
  auto c = ia32("ugetrlimit", {3, 0xffd0e0a0}, 0);
  c.fixed(1, r);
  EXPECT_EQ(line(c), "ugetrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}) = 0");
  uint32_t n[2] = {20000, 20000};
  auto d = ia32("ugetrlimit", {7, 0xffd0e0a0}, 0);
  d.fixed(1, n);
  EXPECT_EQ(line(d), "ugetrlimit(RLIMIT_NOFILE, {rlim_cur=20000, rlim_max=20000}) = 0");
}

TEST(FormatCompat, Stat64) {
  unsigned char st[96] = {};
  uint32_t mode = 0100644;
  int64_t size = 224;
  std::memcpy(st + 16, &mode, 4);
  std::memcpy(st + 44, &size, 8);
  auto c = ia32("fstat64", {3, 0xffd0e0a0}, 0);
  c.cap(1, ES_CAP_FIXED, bytes(st, sizeof st));
  EXPECT_EQ(line(c), "fstat64(3, {st_mode=S_IFREG|0644, st_size=224, ...}) = 0");
  auto failed = ia32("lstat64", {0xffd0e100, 0xff85bd70}, -2);
  failed.path(0, "/nonexistent/conformance");
  EXPECT_EQ(line(failed),
            "lstat64(\"/nonexistent/conformance\", 0xff85bd70) = -1 ENOENT (No such file or "
            "directory)");
}

TEST(FormatCompat, LlseekAndMmap2) {
  int64_t pos = 220;
  auto c = ia32("_llseek", {3, static_cast<uint64_t>(-4), 0xffd0e0a0, 2}, 0);
  c.fixed(2, pos);
  EXPECT_EQ(line(c), at40("_llseek(3, -4, [220], SEEK_END)", "0"));
  EXPECT_EQ(line(ia32("mmap2", {0, 4096, 1, 2, 3, 1}, 0xf7f99000)),
            "mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x1000) = 0xf7f99000");
  EXPECT_EQ(line(ia32("mmap2", {0, 8192, 3, 0x22, static_cast<uint64_t>(-1), 0}, 0xf7f98000)),
            "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
            "0xf7f98000");
}

TEST(FormatCompat, TimespecAndSigactionAre32Bit) {
  int32_t ts[2] = {0, 1000};
  auto c = ia32("clock_nanosleep", {0, 0, 0xffb61504, 0xffb6150c}, 0);
  c.fixed(2, ts);
  EXPECT_EQ(line(c),
            "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, 0xffb6150c) = 0");
  // compat_sigaction: handler, flags, restorer, mask (20 bytes).
  uint32_t sa[5] = {1, 0, 0, 0, 0};
  auto s = ia32("rt_sigaction", {10, 0xffb61500, 0, 8}, 0);
  s.cap(1, ES_CAP_FIXED, bytes(sa, sizeof sa));
  EXPECT_EQ(line(s),
            "rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8) = 0");
}

TEST(FormatCompat, Sigreturn) {
  uint32_t mask = 1u << (10 - 1);  // SIGUSR1 blocked in the handler's frame
  auto c = ia32("sigreturn", {0}, 0);
  c.cap(0, ES_CAP_USER_SP, bytes(&mask, 4));
  EXPECT_EQ(line(c), at40("sigreturn({mask=[USR1]})", "0"));
  uint32_t none = 0;
  auto d = ia32("sigreturn", {0}, 0);
  d.cap(0, ES_CAP_USER_SP, bytes(&none, 4));
  EXPECT_EQ(line(d), at40("sigreturn({mask=[]})", "0"));
}

TEST(FormatCompat, SharedRowsAndDecoders) {
  auto open = ia32("openat", {static_cast<uint64_t>(-100), 0xffd0e100, 0}, 3);
  open.path(1, "/etc/hostname");
  EXPECT_EQ(line(open), "openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3");
  EXPECT_EQ(line(ia32("getuid32", {}, 0)), at40("getuid32()", "0"));
  // x86_64's clone decoder, once the decoder put child_tid where x86_64 has it.
  EXPECT_EQ(line(ia32("clone", {0x1200011, 0, 0, 0x81ba3e8, 0}, 12004)),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x81ba3e8) = 12004");
  // Not decoded yet: the address, as for any pointer estrace does not follow.
  EXPECT_EQ(line(ia32("writev", {1, 0xffd0e0a0, 2}, 4)), at40("writev(1, 0xffd0e0a0, 2)", "4"));
}

// Keeps the last call a decoder hands over, with its own copy of the first capture.
struct Keep : decode::Handler {
  model::Call call;
  std::string bytes;
  void on_call_start(const model::Call&, bool) override {}
  void on_call_end(const model::Call& c, bool) override {
    call = c;
    if (c.ncaptures) {
      bytes = std::string(c.captures[0].data);  // the view dies with the record
      call.captures[0].data = bytes;
    }
  }
  void on_signal(const model::Signal&) override {}
  void on_exit(const model::Exit&) override {}
  void on_fork(uint32_t, uint32_t, uint32_t) override {}
  void on_exec(uint32_t, uint32_t) override {}
};

std::string printed(const model::Call& call) {
  C c("getpid", {}, 0);
  c.call = call;
  return line(c);
}

// From the record's registers to the printed line: the decoder widens an ia32 call.
TEST(FormatCompat, DecoderWidensRecords) {
  Keep keep;
  decode::Decoder d;
  // pread64(3, buf, 8, pos_l=2, pos_h=0) as the BPF side sends it: key, flag, registers.
  auto rec = testing::SyscallRecord(ES_REC_SYSCALL, 7, *syscalls::compat_number_of("pread64"))
                 .flags(ES_SYSF_COMPAT)
                 .arg(0, 3)
                 .arg(1, 0xffd0e0a0)
                 .arg(2, 8)
                 .arg(3, 2)
                 .arg(4, 0)
                 .ret(8)
                 .capture(1, ES_CAP_BUF_RET, "llo, ia3");
  d.feed(rec.bytes(), keep);
  ASSERT_TRUE(keep.call.compat);
  EXPECT_EQ(printed(keep.call), at40("pread64(3, \"llo, ia3\", 8, 2)", "8"));
}

// socketcall(SYS_X, args) is shown as the call SYS_X, from the array the BPF side copied.
TEST(FormatCompat, SocketcallShowsTheCallItMultiplexes) {
  const uint32_t socketcall = *syscalls::compat_number_of("socketcall");
  auto feed = [&](uint32_t subcall, std::initializer_list<uint32_t> words, int64_t ret) {
    std::string array(24, '\0');
    std::memcpy(array.data(), std::data(words), 4 * words.size());
    auto rec = testing::SyscallRecord(ES_REC_SYSCALL, 7, socketcall)
                   .flags(ES_SYSF_COMPAT)
                   .arg(0, subcall)
                   .arg(1, 0xffd0e0c0)
                   .ret(ret)
                   .capture(1, ES_CAP_FIXED, array);
    Keep keep;
    decode::Decoder d;
    d.feed(rec.bytes(), keep);
    return printed(keep.call);
  };
  EXPECT_EQ(feed(1, {2, 1, 0}, 3), "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3");
  EXPECT_EQ(feed(4, {3, 4}, 0), at40("listen(3, 4)", "0"));
  EXPECT_EQ(feed(18, {3, 0, 0, 02000000}, 5), at40("accept4(3, NULL, NULL, SOCK_CLOEXEC)", "5"));
  EXPECT_EQ(feed(5, {3, 0, 0}, 5), at40("accept(3, NULL, NULL)", "5"));  // x86_64's row
  // What the arguments point at was not copied: addresses, where strace shows the sockaddr.
  EXPECT_EQ(feed(2, {3, 0xffd0e0d8, 16}, 0), at40("bind(3, 0xffd0e0d8, 16)", "0"));
  // send and recv have no row: the multiplexer itself.
  EXPECT_EQ(feed(9, {4, 0xffd0e0d8, 4, 0}, 4), at40("socketcall(9, 0xffd0e0c0)", "4"));
}

}  // namespace
}  // namespace estrace::format
