// File structures: struct stat as strace abbreviates it, getdents' entry count.
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

// S_IFDIR|S_ISVTX|0777
void print_mode(fmt::memory_buffer& out, uint32_t mode) {
  bool first = true;
  if (const char* type = xlat_name(xlat::kStatTypes, mode & S_IFMT)) {
    put(out, type);
    first = false;
  }
  print_flag_names(out, xlat::kStatModeBits, mode & (S_ISUID | S_ISGID | S_ISVTX), first);
  if (!first) put(out, '|');
  print_octal(out, mode & 0777);
}

// Default (abbreviated) output: mode, then size, or rdev for devices, then "...".
void stat_arg(const ArgContext& c, int i) {
  const decode::CaptureView* d = c.data(i);
  if (!d || d->data.size() < sizeof(struct stat) || c.failed()) return print_ptr(c.out, c.arg(i));
  struct stat st;
  std::memcpy(&st, d->data.data(), sizeof st);
  put(c.out, "{st_mode=");
  print_mode(c.out, st.st_mode);
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
    fmt::format_to(std::back_inserter(c.out), ", st_rdev=makedev({:#x}, {:#x})", major(st.st_rdev),
                   minor(st.st_rdev));
  else
    fmt::format_to(std::back_inserter(c.out), ", st_size={}", st.st_size);
  put(c.out, ", ...}");
}

// getdents/getdents64: "0x5654... /* 29 entries */". Both records keep d_reclen at offset 16.
void dirents_arg(const ArgContext& c, int i) {
  print_ptr(c.out, c.arg(i));
  if (c.failed() || c.call.ret < 0) return;
  const decode::CaptureView* d = c.data(i);
  std::string_view buf = d ? d->data : std::string_view();
  size_t len = std::min<size_t>(buf.size(), static_cast<size_t>(c.call.ret));
  unsigned n = 0;
  for (size_t off = 0; off + 18 <= len;) {
    uint16_t reclen;
    std::memcpy(&reclen, buf.data() + off + 16, 2);
    if (reclen == 0) break;
    ++n;
    off += reclen;
  }
  fmt::format_to(std::back_inserter(c.out), " /* {} entr{} */", n, n == 1 ? "y" : "ies");
}

}  // namespace

void register_file(PrinterTable& t) {
  t[size_t(K::Stat)].print = stat_arg;
  t[size_t(K::Dirents)].print = dirents_arg;
}

}  // namespace estrace::format
