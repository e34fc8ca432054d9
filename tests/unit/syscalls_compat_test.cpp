// syscalls: the i386 table of 32-bit processes (compat.h): numbers, names, which x86_64 row each
// shares, how split arguments are joined, and the capture rows derived for them.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {
namespace {

uint32_t key(const char* name) {
  auto k = compat_number_of(name);
  EXPECT_TRUE(k) << name;
  return k.value_or(0);
}

TEST(Compat, NumbersMatchTheKernel) {
  // arch/x86/entry/syscalls/syscall_32.tbl
  EXPECT_EQ(key("restart_syscall"), compat_key(0));
  EXPECT_EQ(key("exit"), compat_key(1));
  EXPECT_EQ(key("open"), compat_key(5));
  EXPECT_EQ(key("waitpid"), compat_key(7));
  EXPECT_EQ(key("brk"), compat_key(45));
  EXPECT_EQ(key("socketcall"), compat_key(102));
  EXPECT_EQ(key("ipc"), compat_key(117));
  EXPECT_EQ(key("_llseek"), compat_key(140));
  EXPECT_EQ(key("ugetrlimit"), compat_key(191));
  EXPECT_EQ(key("mmap2"), compat_key(192));
  EXPECT_EQ(key("fstat64"), compat_key(197));
  EXPECT_EQ(key("getuid32"), compat_key(199));
  EXPECT_EQ(key("set_thread_area"), compat_key(243));
  EXPECT_EQ(key("exit_group"), compat_key(252));
  EXPECT_EQ(key("openat"), compat_key(295));
  EXPECT_EQ(key("fstatat64"), compat_key(300));
  EXPECT_EQ(key("statx"), compat_key(383));
  EXPECT_EQ(key("clock_gettime64"), compat_key(403));
  EXPECT_EQ(key("futex_time64"), compat_key(422));
  EXPECT_EQ(key("cachestat"), compat_key(451));
  EXPECT_EQ(key("file_setattr"), compat_key(469));
  EXPECT_EQ(compat_number_of("newfstatat"), std::nullopt);  // x86_64 only
  EXPECT_EQ(compat_number_of("tuxcall"), std::nullopt);
  EXPECT_EQ(name_of(compat_key(192)), "mmap2");
  EXPECT_EQ(signature(compat_key(222)), nullptr);  // unused in i386
  EXPECT_EQ(arch_number(compat_key(192)), 192u);
  EXPECT_EQ(arch_number(192), 192u);
}

TEST(Compat, EveryRowRoundTrips) {
  size_t rows = 0;
  for (const Signature& s : compat_signatures()) {
    ++rows;
    ASSERT_NE(s.name, nullptr);
    EXPECT_TRUE(is_compat_key(s.nr)) << s.name;
    EXPECT_LT(s.nr, uint32_t(ES_SPEC_ROWS)) << s.name;
    EXPECT_EQ(signature(s.nr), &s) << s.name;
    EXPECT_EQ(compat_number_of(s.name), s.nr) << s.name;
    EXPECT_LE(s.nargs, 6) << s.name;
    for (int i = 0; i < s.nargs; ++i) EXPECT_NE(s.args[i].kind, ArgKind::None) << s.name;
  }
  // <asm/unistd_32.h> of Linux 6.1 (0..450 less the unused numbers) and 451..469.
  EXPECT_EQ(rows, 440u + 19u);
}

// The i386 rows that borrow an x86_64 row do so only where the layouts agree: no structure
// with longs or pointers inside, which an i386 caller lays out in 32 bits. The y2038 calls
// (clock_gettime64, futex_time64...) are the exception by design: they take 64-bit time.
TEST(Compat, SharedRowsHaveNo64BitStructures) {
  // Not Rlimit: it is struct rlimit64 (prlimit64), the same on both.
  const std::set<ArgKind> wide = {ArgKind::Stat,     ArgKind::Sigaction,  ArgKind::Timespec,
                                  ArgKind::Timeval,  ArgKind::Itimerspec, ArgKind::Rusage,
                                  ArgKind::Sysinfo,  ArgKind::Iovec,      ArgKind::Msghdr,
                                  ArgKind::SigFrame, ArgKind::Mmsghdr,    ArgKind::MmsgTimeout};
  for (const Signature& s : compat_signatures()) {
    auto shared = shared_layout(s.nr);
    if (!shared) continue;
    std::string name = s.name;
    if (name.ends_with("64") && name != name_of(*shared)) continue;  // a y2038 variant
    if (name == "rt_sigreturn") continue;  // its own frame offset, x86_64's decoder
    for (int i = 0; i < s.nargs; ++i)
      EXPECT_FALSE(wide.count(s.args[i].kind)) << name << " argument " << i;
  }
}

TEST(Compat, RowsByName) {
  // Same layout as x86_64: the x86_64 row, under the i386 name and key.
  const Signature* open = signature(key("open"));
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->nargs, 3);
  EXPECT_EQ(open->args[1].kind, ArgKind::OpenFlags);
  EXPECT_EQ(shared_layout(key("open")), number_of("open"));
  EXPECT_EQ(shared_layout(key("getuid32")), number_of("getuid"));
  EXPECT_EQ(shared_layout(key("futex_time64")), number_of("futex"));
  EXPECT_EQ(shared_layout(key("clone")), number_of("clone"));  // its decoder, arguments swapped
  EXPECT_EQ(shared_layout(number_of("open").value()), number_of("open"));
  // Their own layout.
  EXPECT_EQ(shared_layout(key("mmap2")), std::nullopt);
  EXPECT_EQ(signature(key("mmap2"))->args[5].kind, ArgKind::MmapPgoff);
  EXPECT_EQ(signature(key("fstat64"))->args[1].kind, ArgKind::Stat64);
  EXPECT_EQ(signature(key("ugetrlimit"))->args[1].kind, ArgKind::Rlimit32);
  EXPECT_EQ(signature(key("clock_gettime"))->args[1].kind, ArgKind::Timespec32);
  EXPECT_EQ(signature(key("clock_gettime64"))->args[1].kind, ArgKind::Timespec);
  EXPECT_EQ(signature(key("set_thread_area"))->args[0].kind, ArgKind::UserDesc);
  // Classes follow: -e trace=%stat and %file find i386 calls too.
  EXPECT_TRUE(classes_of(key("stat64")) & kStatLike);
  EXPECT_TRUE(classes_of(key("open")) & kFile);
  // Not decoded: the multiplexers print their raw arguments.
  EXPECT_EQ(signature(key("ipc"))->nargs, 6);
  EXPECT_EQ(signature(key("ipc"))->args[0].kind, ArgKind::Hex);
}

TEST(Compat, SplitArgumentsAreJoined) {
  // pread64(fd, buf, count, pos_l, pos_h): the offset is one 64-bit value.
  std::array<uint64_t, 6> a = {3, 0xffd000, 8, 0x00000002, 0x00000001, 0};
  widen_compat_args(key("pread64"), a);
  EXPECT_EQ(a[0], 3u);
  EXPECT_EQ(a[3], 0x100000002u);
  // _llseek(fd, offset_high, offset_low, result, whence): high half first.
  a = {3, 0, 0xfffffffc, 0xffd000, 2, 0};
  widen_compat_args(key("_llseek"), a);
  EXPECT_EQ(a[1], 0xfffffffcu);  // as the registers say: a positive 64-bit offset
  EXPECT_EQ(a[2], 0xffd000u);
  EXPECT_EQ(a[3], 2u);
  a = {3, 0xffffffff, 0xfffffffc, 0xffd000, 2, 0};
  widen_compat_args(key("_llseek"), a);
  EXPECT_EQ(static_cast<int64_t>(a[1]), -4);
  // 32-bit ints are signed: AT_FDCWD, -1, negative offsets.
  a = {0xffffff9c, 0xffd000, 0, 0, 0, 0};
  widen_compat_args(key("openat"), a);
  EXPECT_EQ(static_cast<int64_t>(a[0]), -100);
  a = {0, 4096, 3, 0x22, 0xffffffff, 0};
  widen_compat_args(key("mmap2"), a);
  EXPECT_EQ(static_cast<int64_t>(a[4]), -1);
  EXPECT_EQ(a[1], 4096u);
  // clone's tls and child_tid change places; x86_64 keys are left alone.
  a = {0x1200011, 0, 0, 0xaaaa, 0xbbbb, 0};
  widen_compat_args(key("clone"), a);
  EXPECT_EQ(a[3], 0xbbbbu);
  EXPECT_EQ(a[4], 0xaaaau);
  a = {0xffffffff, 0, 0, 0, 0, 0};
  widen_compat_args(*number_of("close"), a);
  EXPECT_EQ(a[0], 0xffffffffu);
}

TEST(Compat, CapturesNameRegisters) {
  // fanotify_mark(fd, flags, mask_l, mask_h, dirfd, path): the path is printed fifth.
  EXPECT_EQ(compat_printed_index(key("fanotify_mark"), 5), 4);
  EXPECT_EQ(compat_printed_index(key("fanotify_mark"), 3), -1);  // a high half
  EXPECT_EQ(compat_printed_index(key("openat"), 1), 1);
  auto spec = capture_spec(key("fanotify_mark"), 32);
  EXPECT_EQ(spec.slots[0].kind, ES_CAP_PATH);
  EXPECT_EQ(spec.slots[0].arg, 5);  // the BPF side reads the register
}

TEST(Compat, SocketcallTargets) {
  EXPECT_EQ(socketcall_target(1), key("socket"));
  EXPECT_EQ(socketcall_target(18), key("accept4"));
  EXPECT_EQ(socketcall_target(5), number_of("accept"));  // i386 has accept only through it
  EXPECT_EQ(socketcall_target(9), std::nullopt);         // send: no row in either table
  EXPECT_EQ(socketcall_target(21), std::nullopt);
  auto spec = capture_spec(key("socketcall"), 32);
  EXPECT_EQ(spec.slots[0].kind, ES_CAP_FIXED);
  EXPECT_EQ(spec.slots[0].size, 24);                             // args[6], 32-bit words
  EXPECT_EQ(spec.flags, ES_SPEC_TRACED | ES_SPEC_ENTER_RECORD);  // accept, recv may block
}

TEST(Compat, CaptureRows) {
  auto openat = capture_spec(key("openat"), 32);
  EXPECT_EQ(openat.flags, ES_SPEC_TRACED);
  EXPECT_EQ(openat.slots[0].kind, ES_CAP_PATH);
  EXPECT_EQ(openat.slots[0].arg, 1);
  auto fstat64 = capture_spec(key("fstat64"), 32);
  EXPECT_EQ(fstat64.slots[0].kind, ES_CAP_FIXED);
  EXPECT_EQ(fstat64.slots[0].size, 96);  // i386 struct stat64
  auto sta = capture_spec(key("set_thread_area"), 32);
  EXPECT_EQ(sta.slots[0].size, 16);
  EXPECT_EQ(sta.slots[0].when, ES_AT_ENTER | ES_AT_EXIT);  // entry_number is written back
  auto ret = capture_spec(key("rt_sigreturn"), 32);
  EXPECT_EQ(ret.slots[0].kind, ES_CAP_USER_SP);
  EXPECT_EQ(ret.slots[0].len_arg, 31);  // the ia32 frame's mask, 248 bytes up
  auto old = capture_spec(key("sigreturn"), 32);
  EXPECT_EQ(old.slots[0].kind, ES_CAP_USER_SP);
  EXPECT_EQ(old.slots[0].len_arg, 10);  // sigcontext's oldmask, 80 bytes up
  EXPECT_EQ(old.slots[0].size, 4);
  EXPECT_EQ(old.slots[0].when, ES_AT_ENTER);
  // argv's char *[] and a compat_iovec hold 32-bit pointers: read at that width.
  auto execve = capture_spec(key("execve"), 32);
  EXPECT_EQ(execve.slots[0].kind, ES_CAP_PATH);
  EXPECT_EQ(execve.slots[1].kind, ES_CAP_STRING_ARRAY);
  EXPECT_EQ(execve.slots[1].flags & ES_CAPF_PTR32, ES_CAPF_PTR32);
  EXPECT_EQ(capture_spec(*number_of("execve"), 32).slots[1].flags & ES_CAPF_PTR32, 0);
  auto writev = capture_spec(key("writev"), 32);
  EXPECT_EQ(writev.slots[0].kind, ES_CAP_IOVEC_ARG);
  EXPECT_EQ(writev.slots[0].flags & ES_CAPF_PTR32, ES_CAPF_PTR32);
  EXPECT_EQ(writev.slots[0].len_arg, 2);
  // A compat_msghdr is read at 32 bits too, its control messages with it.
  auto sendmsg = capture_spec(key("sendmsg"), 32);
  EXPECT_EQ(sendmsg.slots[0].kind, ES_CAP_MSGHDR_ARG);
  EXPECT_EQ(sendmsg.slots[0].flags & ES_CAPF_PTR32, ES_CAPF_PTR32);
  EXPECT_EQ(sendmsg.slots[1].kind, ES_CAP_MSG_CONTROL);
  EXPECT_EQ(sendmsg.slots[1].flags & ES_CAPF_PTR32, ES_CAPF_PTR32);
  // A compat_mmsghdr array has no 32-bit capture: an address (only the timeout is copied).
  for (const auto& slot : capture_spec(key("recvmmsg"), 32).slots)
    EXPECT_NE(slot.kind, ES_CAP_MMSGHDR_RET);
}

}  // namespace
}  // namespace estrace::syscalls
