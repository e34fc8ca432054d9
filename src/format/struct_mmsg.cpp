// format: sendmmsg/recvmmsg's struct mmsghdr arrays and recvmmsg's timeout, as strace 6.1
// prints them: [{msg_hdr={msg_name=NULL, ...}, msg_len=5}, ...]. The BPF side copies each
// message's header, address, control bytes and iovecs at exit (es_mmsg_item). A send shows
// every message it was given, with msg_len for the `ret` it sent (none when it failed); a
// receive shows the `ret` messages it filled, each one's iovecs holding its msg_len bytes.
// Without -v the array is abbreviated after -s messages.
#include <algorithm>
#include <cstring>

#include "estrace/abi/event.h"
#include "estrace/format/mmsg_capture.h"
#include "estrace/format/printers.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

void mmsghdr_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  const bool received = c.argsig(i).dir == syscalls::kOut;
  if (!d || (received && !c.succeeded()) || (d->data.empty() && d->result & ES_CAPR_FAULT))
    return print_ptr(c.out, c.arg(i));
  const uint64_t count = received ? static_cast<uint64_t>(c.call.ret) : c.arg(c.argsig(i).aux);
  const uint64_t sent = c.succeeded() ? static_cast<uint64_t>(c.call.ret) : 0;
  put(c.out, '[');
  size_t off = 0;
  uint64_t n = 0;
  MmsgMessage m;
  for (; n < count && (c.style.verbose || n < c.style.string_limit); ++n) {
    if (!next_mmsg_message(d->data, off, m)) break;
    if (n) put(c.out, ", ");
    put(c.out, "{msg_hdr=");
    const std::string_view* control = m.control.empty() ? nullptr : &m.control;
    print_msghdr(c, m.item.hdr, m.name, control, m.iovecs, m.item.iov_result & ES_CAPR_TRUNCATED,
                 received ? m.item.msg_len : UINT64_MAX);
    if (received || n < sent) fmt::format_to(to(c), ", msg_len={}", m.item.msg_len);
    put(c.out, '}');
  }
  if (n < count) put(c.out, n ? ", ..." : "...");
  put(c.out, ']');
}

// " (left {tv_sec=0, tv_nsec=999992289})": the timeout as the kernel left it.
bool mmsg_timeout_ret(const ArgContext& c, int i) {
  fmt::format_to(to(c), "{}", c.call.ret);
  const model::CaptureView* t = c.arg(i) ? c.data_after(i) : nullptr;
  if (t && t->data.size() >= 16) {
    int64_t ts[2];
    std::memcpy(ts, t->data.data(), sizeof ts);
    fmt::format_to(to(c), " (left {{tv_sec={}, tv_nsec={}}})", ts[0], ts[1]);
  }
  return true;
}

}  // namespace

bool next_mmsg_message(std::string_view data, size_t& off, MmsgMessage& m) {
  if (off + sizeof m.item > data.size()) return false;
  std::memcpy(&m.item, data.data() + off, sizeof m.item);
  off += sizeof m.item;
  const size_t parts[] = {m.item.hdr.name_copied, m.item.control_copied, m.item.iov_bytes};
  std::string_view* views[] = {&m.name, &m.control, &m.iovecs};
  for (size_t k = 0; k < 3; ++k) {
    if (off + parts[k] > data.size()) return false;
    *views[k] = data.substr(off, parts[k]);
    off += parts[k];
  }
  return true;
}

void register_mmsg(PrinterTable& t) {
  t[size_t(K::Mmsghdr)].print = mmsghdr_arg;
  t[size_t(K::MmsgTimeout)].print = t[size_t(K::Timespec)].print;  // as the call started
  t[size_t(K::MmsgTimeout)].ret = mmsg_timeout_ret;
}

}  // namespace estrace::format
