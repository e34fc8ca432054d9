// struct stat and struct statx as strace prints them: abbreviated by default (mode, then size or
// rdev, then "..."), every field with -v, times with a local-time comment.
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <cstring>
#include <ctime>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

// makedev(0xfe, 0): each half as strace's %#x (0 without the prefix).
void print_makedev(fmt::memory_buffer& out, XlatMode mode, uint64_t dev) {
  if (mode != XlatMode::Abbrev)  // -X: "0xfe00", "0xfe00 /* makedev(0xfe, 0) */"
    return print_styled(out, mode, raw_hex(dev),
                        [&](fmt::memory_buffer& o) { print_makedev(o, XlatMode::Abbrev, dev); });
  put(out, "makedev(");
  print_hex(out, major(dev));
  put(out, ", ");
  print_hex(out, minor(dev));
  put(out, ')');
}

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// 2026-11-24T01:30:41.285274949+0000
void print_date(fmt::memory_buffer& out, int64_t sec, uint64_t nsec) {
  auto t = static_cast<time_t>(sec);
  struct tm tm;
  char date[64], zone[16];
  localtime_r(&t, &tm);
  strftime(date, sizeof date, "%FT%T", &tm);
  strftime(zone, sizeof zone, "%z", &tm);
  out.append(std::string_view(date));
  if (nsec) fmt::format_to(std::back_inserter(out), ".{:09}", nsec);
  out.append(std::string_view(zone));
}

void stat_time(const ArgContext& c, const char* name, int64_t sec, uint64_t nsec) {
  fmt::format_to(to(c), ", {}=", name);
  print_time_comment(c.out, sec, nsec);
  fmt::format_to(to(c), ", {}_nsec={}", name, nsec);
}

}  // namespace

void print_stat(const ArgContext& c, const struct stat& st) {
  const bool dev = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode);
  put(c.out, '{');
  if (c.style.verbose) {
    put(c.out, "st_dev=");
    print_makedev(c.out, c.style.xlat, st.st_dev);
    fmt::format_to(to(c), ", st_ino={}, ", st.st_ino);
  }
  put(c.out, "st_mode=");
  print_mode(c.out, c.style.xlat, st.st_mode);
  if (c.style.verbose)
    fmt::format_to(to(c), ", st_nlink={}, st_uid={}, st_gid={}, st_blksize={}, st_blocks={}",
                   st.st_nlink, st.st_uid, st.st_gid, st.st_blksize, st.st_blocks);
  if (dev) {
    put(c.out, ", st_rdev=");
    print_makedev(c.out, c.style.xlat, st.st_rdev);
  } else {
    fmt::format_to(to(c), ", st_size={}", st.st_size);
  }
  if (!c.style.verbose) return put(c.out, ", ...}");
  stat_time(c, "st_atime", st.st_atim.tv_sec, st.st_atim.tv_nsec);
  stat_time(c, "st_mtime", st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  stat_time(c, "st_ctime", st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
  put(c.out, '}');
}

namespace {

void stat_arg(const ArgContext& c, int i) {
  struct stat st;
  if (!load_struct(c, i, st)) return print_ptr(c.out, c.arg(i));
  print_stat(c, st);
}

// The sync type is an enum in two bits (AT_STATX_SYNC_AS_STAT is 0), the rest AT_* flags.
void statx_flags_arg(const ArgContext& c, int i) {
  auto v = static_cast<uint32_t>(c.arg(i));
  print_xval(c.out, c.style.xlat, xlat::kStatxSync, v & AT_STATX_SYNC_TYPE);
  bool first = false;
  uint64_t rest = print_flag_names(c.out, xlat::kAtFlags, v & ~uint32_t(AT_STATX_SYNC_TYPE), first);
  if (rest) fmt::format_to(to(c), "|{:#x}", rest);
}

void statx_mask_arg(const ArgContext& c, int i) {
  print_flags(c.out, c.style.xlat, xlat::kStatxMask, static_cast<uint32_t>(c.arg(i)));
}

void statx_time(const ArgContext& c, const char* name, const statx_timestamp& t) {
  fmt::format_to(to(c), ", {}={{tv_sec={}, tv_nsec={}}} /* ", name, t.tv_sec, t.tv_nsec);
  print_date(c.out, t.tv_sec, t.tv_nsec);
  put(c.out, " */");
}

void statx_arg(const ArgContext& c, int i) {
  struct statx sx;
  if (!load_struct(c, i, sx)) return print_ptr(c.out, c.arg(i));
  const bool v = c.style.verbose;
  put(c.out, "{stx_mask=");
  print_flags(c.out, c.style.xlat, xlat::kStatxMask, sx.stx_mask);
  if (v) fmt::format_to(to(c), ", stx_blksize={}", sx.stx_blksize);
  put(c.out, ", stx_attributes=");
  print_flags(c.out, c.style.xlat, xlat::kStatxAttrs, sx.stx_attributes);
  if (v)
    fmt::format_to(to(c), ", stx_nlink={}, stx_uid={}, stx_gid={}", sx.stx_nlink, sx.stx_uid,
                   sx.stx_gid);
  put(c.out, ", stx_mode=");
  print_mode(c.out, c.style.xlat, sx.stx_mode);
  if (v) fmt::format_to(to(c), ", stx_ino={}", sx.stx_ino);
  fmt::format_to(to(c), ", stx_size={}", sx.stx_size);
  if (!v) return put(c.out, ", ...}");
  fmt::format_to(to(c), ", stx_blocks={}, stx_attributes_mask=", sx.stx_blocks);
  print_flags(c.out, c.style.xlat, xlat::kStatxAttrs, sx.stx_attributes_mask);
  if (sx.stx_mask & STATX_ATIME) statx_time(c, "stx_atime", sx.stx_atime);
  if (sx.stx_mask & STATX_BTIME) statx_time(c, "stx_btime", sx.stx_btime);
  if (sx.stx_mask & STATX_CTIME) statx_time(c, "stx_ctime", sx.stx_ctime);
  if (sx.stx_mask & STATX_MTIME) statx_time(c, "stx_mtime", sx.stx_mtime);
  fmt::format_to(to(c),
                 ", stx_rdev_major={}, stx_rdev_minor={}, stx_dev_major={}, stx_dev_minor={}",
                 sx.stx_rdev_major, sx.stx_rdev_minor, sx.stx_dev_major, sx.stx_dev_minor);
  if (sx.stx_mask & 0x1000 /* STATX_MNT_ID */) {
    put(c.out, ", stx_mnt_id=");
    print_hex(c.out, sx.stx_mnt_id);
  }
  put(c.out, '}');
}

}  // namespace

// "1795483841 /* 2026-11-24T01:30:41.285274949+0000 */": local time like strace, no fraction
// when nsec is 0.
void print_time_comment(fmt::memory_buffer& out, int64_t sec, uint64_t nsec) {
  fmt::format_to(std::back_inserter(out), "{} /* ", sec);
  print_date(out, sec, nsec);
  put(out, " */");
}

void register_stat(PrinterTable& t) {
  t[size_t(K::Stat)].print = stat_arg;
  t[size_t(K::Statx)].print = statx_arg;
  t[size_t(K::StatxFlags)].print = statx_flags_arg;
  t[size_t(K::StatxMask)].print = statx_mask_arg;
}

}  // namespace estrace::format
