// Descriptor I/O structures: iovec arrays, struct flock, in/out socklen_t, ioctl's argument.
#include <fcntl.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// [{iov_base=0x7ffd..., iov_len=4}, ...]. strace shows each iov_base's bytes; that needs a copy
// that follows each pointer (a two-level capture the BPF side does not make yet), so until then
// the bases print as addresses.
void iovec_arg(const ArgContext& c, int i) {
  const decode::CaptureView* d = c.data(i);
  if (!d || (c.argsig(i).dir == syscalls::kOut && !c.succeeded()))
    return print_ptr(c.out, c.arg(i));
  put(c.out, '[');
  for (size_t off = 0; off + 16 <= d->data.size(); off += 16) {
    uint64_t base, len;
    std::memcpy(&base, d->data.data() + off, 8);
    std::memcpy(&len, d->data.data() + off + 8, 8);
    if (off) put(c.out, ", ");
    put(c.out, "{iov_base=");
    print_ptr(c.out, base);
    fmt::format_to(to(c), ", iov_len={}}}", len);
  }
  put(c.out, ']');
}

// [110 => 16] when the call changed it, [16] when not, [110] when it failed.
void socklen_inout_arg(const ArgContext& c, int i) {
  const decode::CaptureView* before = c.data_before(i);
  const decode::CaptureView* after = c.succeeded() ? c.data_after(i) : nullptr;
  uint32_t b = 0, a = 0;
  if (before && before->data.size() >= 4) std::memcpy(&b, before->data.data(), 4);
  if (after && after->data.size() >= 4) std::memcpy(&a, after->data.data(), 4);
  const bool has_b = before && before->data.size() >= 4, has_a = after && after->data.size() >= 4;
  if (has_b && has_a && a != b)
    fmt::format_to(to(c), "[{} => {}]", b, a);
  else if (has_a)
    fmt::format_to(to(c), "[{}]", a);
  else if (has_b)
    fmt::format_to(to(c), "[{}]", b);
  else
    print_ptr(c.out, c.arg(i));
}

// Known requests take an address (shown as one); unknown ones a value, in hex.
void ioctl_arg(const ArgContext& c, int i) {
  if (xlat_name(xlat::kIoctlCmds, static_cast<uint32_t>(c.arg(c.argsig(i).aux))))
    return print_ptr(c.out, c.arg(i));
  print_hex(c.out, c.arg(i));
}

}  // namespace

// {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}; false without a copy.
bool print_flock(const ArgContext& c, int i) {
  const decode::CaptureView* d = c.data(i);
  struct flock fl;
  if (!d || d->data.size() < sizeof fl) return false;
  std::memcpy(&fl, d->data.data(), sizeof fl);
  put(c.out, "{l_type=");
  print_xval(c.out, xlat::kLockTypes, static_cast<uint16_t>(fl.l_type));
  put(c.out, ", l_whence=");
  print_xval(c.out, xlat::kWhence, static_cast<uint16_t>(fl.l_whence));
  fmt::format_to(to(c), ", l_start={}, l_len={}, l_pid={}}}", fl.l_start, fl.l_len, fl.l_pid);
  return true;
}

void register_io(PrinterTable& t) {
  t[size_t(K::Iovec)].print = iovec_arg;
  t[size_t(K::SocklenInOut)].print = socklen_inout_arg;
  t[size_t(K::IoctlArg)].print = ioctl_arg;
}

}  // namespace estrace::format
