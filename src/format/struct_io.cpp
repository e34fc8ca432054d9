// Descriptor I/O structures: iovec arrays, struct flock, in/out socklen_t, ioctl's argument.
#include <fcntl.h>

#include <algorithm>
#include <cstring>

#include "estrace/abi/event.h"
#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// [{iov_base="hello", iov_len=5}, {iov_base=" world\n", iov_len=7}]: each base's bytes as
// the BPF side copied them (es_iovec_item). For a read only the bytes the call returned are
// shown, spread over the items in order; items past them print "".
// The es_iovec_item array in `data`: "[{iov_base=\"hello\", iov_len=5}, ...]". A read shows
// only the `remaining` bytes it returned, spread over the items in order.
void print_iovec_items(const ArgContext& c, std::string_view data, bool cut, uint64_t remaining) {
  put(c.out, '[');
  size_t off = 0;
  unsigned items = 0;
  while (off + sizeof(es_iovec_item) <= data.size()) {
    es_iovec_item item;
    std::memcpy(&item, data.data() + off, sizeof item);
    off += sizeof item;
    std::string_view bytes = data.substr(off, item.copied);
    off += item.copied;
    // -e read=/write= capture more than -s for their dumps; the line still shows -s bytes.
    bytes = bytes.substr(0, c.style.string_limit);
    if (items) put(c.out, ", ");
    if (items == c.style.string_limit) {  // strace abbreviates arrays after -s items
      cut = false;
      put(c.out, "...");
      break;
    }
    put(c.out, "{iov_base=");
    const uint64_t shown = std::min(item.len, remaining);
    if (item.result & ES_CAPR_FAULT)
      print_ptr(c.out, item.base);
    else
      print_quoted(c.out, bytes, c.style.hex, shown > bytes.size());
    fmt::format_to(to(c), ", iov_len={}}}", item.len);
    remaining -= shown;
    ++items;
  }
  if (cut) put(c.out, items ? ", ..." : "...");
  put(c.out, ']');
}

void iovec_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  const bool filled = c.argsig(i).dir == syscalls::kOut;
  if (!d || (filled && !c.succeeded()) || (d->result & ES_CAPR_FAULT && d->data.empty()))
    return print_ptr(c.out, c.arg(i));
  print_iovec_items(c, d->data, d->result & ES_CAPR_TRUNCATED,
                    filled ? static_cast<uint64_t>(c.call.ret) : UINT64_MAX);
}

// The control messages' capture of argument i (ES_CAP_MSG_CONTROL), nullptr when missing.
const std::string_view* control_of(const ArgContext& c, int i) {
  for (int k = 0; k < c.call.ncaptures; ++k) {
    const model::CaptureView& cap = c.call.captures[k];
    if (cap.kind == ES_CAP_MSG_CONTROL && cap.arg == i && !cap.at_enter && !cap.data.empty())
      return &cap.data;
  }
  return nullptr;
}

// sendmsg/recvmsg's struct msghdr (es_msghdr_head, the address, then the iovec items); the
// control messages come in a capture of their own (ES_CAP_MSG_CONTROL).
void msghdr_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  const bool filled = c.argsig(i).dir == syscalls::kOut;
  es_msghdr_head h;
  if (!d || (filled && !c.succeeded()) || d->data.size() < sizeof h)
    return print_ptr(c.out, c.arg(i));
  std::memcpy(&h, d->data.data(), sizeof h);
  std::string_view rest = d->data.substr(sizeof h);
  const size_t name = std::min<size_t>(h.name_copied, rest.size());
  print_msghdr(c, h, rest.substr(0, name), control_of(c, i), rest.substr(name),
               d->result & ES_CAPR_TRUNCATED,
               filled ? static_cast<uint64_t>(c.call.ret) : UINT64_MAX);
}

// [110 => 16] when the call changed it, [16] when not, [110] when it failed.
void socklen_inout_arg(const ArgContext& c, int i) {
  const model::CaptureView* before = c.data_before(i);
  const model::CaptureView* after = c.succeeded() ? c.data_after(i) : nullptr;
  int32_t b = 0, a = 0;  // signed, as strace prints it: [-1]
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

// {msg_name=..., msg_namelen=16, msg_iov=[...], msg_iovlen=2, msg_controllen=0, msg_flags=0}:
// the address as copied (`name`), the control bytes (their address when not copied), the
// iovec items and, for a receive, the `remaining` bytes it returned spread over them.
void print_msghdr(const ArgContext& c, const es_msghdr_head& h, std::string_view name,
                  const std::string_view* control, std::string_view iovecs, bool iov_cut,
                  uint64_t remaining) {
  put(c.out, "{msg_name=");
  if (!h.name)
    put(c.out, "NULL");
  else if (!name.empty())
    print_sockaddr(c, name.substr(0, std::min<size_t>(name.size(), h.namelen)));
  else
    print_ptr(c.out, h.name);
  fmt::format_to(to(c), ", msg_namelen={}, msg_iov=", h.namelen);
  print_iovec_items(c, iovecs, iov_cut, remaining);
  fmt::format_to(to(c), ", msg_iovlen={}, ", h.iovlen);
  if (h.controllen) {
    put(c.out, "msg_control=");
    if (control)
      print_msg_control(c, *control);
    else
      print_ptr(c.out, h.control);
    put(c.out, ", ");
  }
  fmt::format_to(to(c), "msg_controllen={}, msg_flags=", h.controllen);
  print_flags(c.out, c.style.xlat, xlat::kMsgFlags, h.flags);
  put(c.out, '}');
}

// {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}; false without a copy.
bool print_flock(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  struct flock fl;
  if (!d || d->data.size() < sizeof fl) return false;
  std::memcpy(&fl, d->data.data(), sizeof fl);
  put(c.out, "{l_type=");
  print_xval(c.out, c.style.xlat, xlat::kLockTypes, static_cast<uint16_t>(fl.l_type));
  put(c.out, ", l_whence=");
  print_xval(c.out, c.style.xlat, xlat::kWhence, static_cast<uint16_t>(fl.l_whence));
  fmt::format_to(to(c), ", l_start={}, l_len={}, l_pid={}}}", fl.l_start, fl.l_len, fl.l_pid);
  return true;
}

void register_io(PrinterTable& t) {
  t[size_t(K::Iovec)].print = iovec_arg;
  t[size_t(K::Msghdr)].print = msghdr_arg;
  t[size_t(K::SocklenInOut)].print = socklen_inout_arg;
  t[size_t(K::IoctlArg)].print = ioctl_arg;
}

}  // namespace estrace::format
