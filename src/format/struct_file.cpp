// File structures: mode words, getdents' entries (struct stat and statx: struct_stat.cpp).
#include <asm/unistd_64.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

}  // namespace

// S_IFDIR|S_ISVTX|0777
void print_mode(fmt::memory_buffer& out, XlatMode xlat, uint32_t mode) {
  if (xlat != XlatMode::Abbrev)  // -X: "0100644", "0100644 /* S_IFREG|0644 */"
    return print_styled(out, xlat, fmt::format("{:#o}", mode),
                        [&](fmt::memory_buffer& o) { print_mode(o, XlatMode::Abbrev, mode); });
  bool first = true;
  if (const char* type = xlat_name(xlat::kStatTypes, mode & S_IFMT)) {
    put(out, type);
    first = false;
  }
  print_flag_names(out, xlat::kStatModeBits, mode & (S_ISUID | S_ISGID | S_ISVTX), first);
  if (!first) put(out, '|');
  print_octal(out, mode & 0777);
}

namespace {

constexpr const char* kDirentTypes[] = {"DT_UNKNOWN", "DT_FIFO", "DT_CHR",  "DT_3",   "DT_DIR",
                                        "DT_5",       "DT_BLK",  "DT_7",    "DT_REG", "DT_9",
                                        "DT_LNK",     "DT_11",   "DT_SOCK", "DT_13",  "DT_WHT"};

// -v: [{d_ino=2, d_off=..., d_reclen=24, d_type=DT_DIR, d_name="."}, ...] (getdents64 layout:
// ino, off, reclen, type, name).
void print_dirents64(const ArgContext& c, std::string_view buf) {
  put(c.out, '[');
  for (size_t off = 0; off + 19 <= buf.size();) {
    uint64_t ino;
    int64_t doff;
    uint16_t reclen;
    std::memcpy(&ino, buf.data() + off, 8);
    std::memcpy(&doff, buf.data() + off + 8, 8);
    std::memcpy(&reclen, buf.data() + off + 16, 2);
    if (reclen < 19 || off + reclen > buf.size()) break;
    auto type = static_cast<uint8_t>(buf[off + 18]);
    std::string_view name = buf.substr(off + 19, reclen - 19);
    name = name.substr(0, std::min(name.find('\0'), name.size()));
    if (off) put(c.out, ", ");
    fmt::format_to(std::back_inserter(c.out), "{{d_ino={}, d_off={}, d_reclen={}, d_type=", ino,
                   doff, reclen);
    if (type < std::size(kDirentTypes))
      put(c.out, kDirentTypes[type]);
    else
      fmt::format_to(std::back_inserter(c.out), "{}", type);
    put(c.out, ", d_name=");
    print_quoted(c.out, name, c.style.hex, false);
    put(c.out, '}');
    off += reclen;
  }
  put(c.out, ']');
}

// getdents/getdents64: "0x5654... /* 29 entries */". Both records keep d_reclen at offset 16.
void dirents_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  std::string_view buf = d ? d->data : std::string_view();
  size_t len = c.call.ret > 0 ? std::min<size_t>(buf.size(), static_cast<size_t>(c.call.ret)) : 0;
  if (c.style.verbose && c.succeeded() && c.sig.nr == __NR_getdents64 && (d || c.call.ret == 0) &&
      len == static_cast<size_t>(c.call.ret))
    return print_dirents64(c, buf.substr(0, len));
  print_ptr(c.out, c.arg(i));
  if (c.failed() || c.call.ret < 0) return;
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

void register_file(PrinterTable& t) { t[size_t(K::Dirents)].print = dirents_arg; }

}  // namespace estrace::format
