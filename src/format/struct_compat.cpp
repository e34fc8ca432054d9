// ia32 layouts: the structures 32-bit processes pass (syscalls/compat.h). Each is read at its
// i386 size and printed the way strace prints the x86_64 structure of the same meaning.
#include <sys/resource.h>
#include <sys/stat.h>

#include <cstring>

#include "estrace/format/printers.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// The i386 struct stat64 (arch/x86/include/uapi/asm/stat.h): 64-bit fields 4-byte aligned.
struct __attribute__((packed)) Stat64 {
  uint64_t st_dev;
  uint32_t pad0;
  uint32_t st_ino32;
  uint32_t st_mode;
  uint32_t st_nlink;
  uint32_t st_uid;
  uint32_t st_gid;
  uint64_t st_rdev;
  uint32_t pad3;
  int64_t st_size;
  uint32_t st_blksize;
  uint64_t st_blocks;
  uint32_t st_atime_sec, st_atime_nsec;
  uint32_t st_mtime_sec, st_mtime_nsec;
  uint32_t st_ctime_sec, st_ctime_nsec;
  uint64_t st_ino;
};
static_assert(sizeof(Stat64) == 96, "i386 struct stat64");

void stat64_arg(const ArgContext& c, int i) {
  Stat64 s;
  if (!load_struct(c, i, s)) return print_ptr(c.out, c.arg(i));
  struct stat st {};
  st.st_dev = s.st_dev;
  st.st_ino = s.st_ino;
  st.st_mode = s.st_mode;
  st.st_nlink = s.st_nlink;
  st.st_uid = s.st_uid;
  st.st_gid = s.st_gid;
  st.st_rdev = s.st_rdev;
  st.st_size = s.st_size;
  st.st_blksize = s.st_blksize;
  st.st_blocks = static_cast<blkcnt_t>(s.st_blocks);
  st.st_atim = {static_cast<time_t>(s.st_atime_sec), static_cast<long>(s.st_atime_nsec)};
  st.st_mtim = {static_cast<time_t>(s.st_mtime_sec), static_cast<long>(s.st_mtime_nsec)};
  st.st_ctim = {static_cast<time_t>(s.st_ctime_sec), static_cast<long>(s.st_ctime_nsec)};
  print_stat(c, st);
}

// struct old_timespec32: {tv_sec=1, tv_nsec=0}
void timespec32_arg(const ArgContext& c, int i) {
  int32_t ts[2];
  if (!load_struct(c, i, ts)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(to(c), "{{tv_sec={}, tv_nsec={}}}", ts[0], ts[1]);
}

// The 32-bit struct rlimit; its ~0U is RLIM_INFINITY.
void rlimit32_arg(const ArgContext& c, int i) { print_rlimit<uint32_t>(c, i, "RLIM_INFINITY"); }

// struct compat_sigaction: handler, flags, restorer (4 bytes each), then the 64-bit mask.
void sigaction32_arg(const ArgContext& c, int i) {
  struct __attribute__((packed)) {
    uint32_t handler, flags, restorer;
    uint64_t mask;
  } sa;
  if (!load_struct(c, i, sa)) return print_ptr(c.out, c.arg(i));
  // SIG_DFL and SIG_IGN are 0 and 1 in either width.
  print_sigaction(c.out, c.style.xlat, sa.handler, sa.flags, sa.restorer, sa.mask);
}

// struct user_desc (asm/ldt.h) as i386 has it: no `lm` bit.
struct UserDesc {
  uint32_t entry_number;
  uint32_t base_addr;
  uint32_t limit;
  uint32_t bits;  // seg_32bit:1, contents:2, read_exec_only:1, limit_in_pages:1,
                  // seg_not_present:1, useable:1
};

// C's "%#08x": the prefix counts in the width, and 0 has none.
void print_hex08(fmt::memory_buffer& out, uint32_t v) {
  if (v == 0)
    put(out, "00000000");
  else
    fmt::format_to(std::back_inserter(out), "{:#08x}", v);
}

void user_desc_arg(const ArgContext& c, int i) {
  UserDesc d;
  if (!load_struct(c, i, d)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(to(c), "{{entry_number={}, base_addr=", static_cast<int32_t>(d.entry_number));
  print_hex(c.out, d.base_addr);
  put(c.out, ", limit=");
  print_hex08(c.out, d.limit);
  fmt::format_to(to(c),
                 ", seg_32bit={}, contents={}, read_exec_only={}, limit_in_pages={}, "
                 "seg_not_present={}, useable={}}}",
                 d.bits & 1, d.bits >> 1 & 3, d.bits >> 3 & 1, d.bits >> 4 & 1, d.bits >> 5 & 1,
                 d.bits >> 6 & 1);
}

// set_thread_area writes the entry it chose back: "= 0 (entry_number=12)".
bool user_desc_ret(const ArgContext& c, int i) {
  if (c.argsig(i).dir != syscalls::kIn || !c.succeeded()) return false;
  const model::CaptureView* after = c.data_after(i);
  UserDesc d;
  if (!after || after->data.size() < sizeof d) return false;
  std::memcpy(&d, after->data.data(), sizeof d);
  fmt::format_to(to(c), "{} (entry_number={})", c.call.ret, d.entry_number);
  return true;
}

// _llseek's loff_t *result: [7]
void loff_out_arg(const ArgContext& c, int i) {
  int64_t v;
  if (!load_struct(c, i, v)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(to(c), "[{}]", v);
}

// mmap2 counts its offset in 4096-byte units; strace shows bytes.
void mmap_pgoff_arg(const ArgContext& c, int i) { print_hex(c.out, c.arg(i) << 12); }

// sigreturn: {mask=[USR1]} from the frame's old 32-bit mask (signals 1-32).
void old_sigframe_arg(const ArgContext& c, int i) {
  uint32_t mask;
  if (!load_struct(c, i, mask)) return;  // strace prints nothing it cannot read either
  put(c.out, "{mask=");
  print_sigmask(c.out, c.style.xlat, mask);
  put(c.out, '}');
}

}  // namespace

void register_compat(PrinterTable& t) {
  // socketcall's array when decode/ could not show the multiplexed call: its address.
  t[size_t(K::SocketcallArgs)].print = [](const ArgContext& c, int i) {
    print_ptr(c.out, c.arg(i));
  };
  t[size_t(K::OldSigFrame)].print = old_sigframe_arg;
  t[size_t(K::Stat64)].print = stat64_arg;
  t[size_t(K::Timespec32)].print = timespec32_arg;
  t[size_t(K::Rlimit32)].print = rlimit32_arg;
  t[size_t(K::Sigaction32)].print = sigaction32_arg;
  t[size_t(K::UserDesc)].print = user_desc_arg;
  t[size_t(K::UserDesc)].ret = user_desc_ret;
  t[size_t(K::LoffOut)].print = loff_out_arg;
  t[size_t(K::MmapPgoff)].print = mmap_pgoff_arg;
}

}  // namespace estrace::format
