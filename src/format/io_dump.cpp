// format: hex dumps for -e read= / -e write=. See include/estrace/format/io_dump.h.
#include "estrace/format/io_dump.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "estrace/abi/capture_spec.h"
#include "estrace/abi/event.h"
#include "estrace/format/mmsg_capture.h"
#include "estrace/syscalls/signature.h"

namespace estrace::format {
namespace {

// What argument 1 holds, as the call's capture lays it out.
enum class Data {
  None,     // not a call that moves data
  Buffer,   // bytes: arg 2 of them (writes) or the return value (reads)
  Iovec,    // struct iovec[] (es_iovec_item records), count at arg 2
  Msghdr,   // struct msghdr (es_msghdr_head, the address, then its iovecs)
  Mmsghdr,  // struct mmsghdr[] (es_mmsg_item per message): the first `ret` messages
};

// strace's dumpio() cases that estrace captures: rows flagged kDumpsIo, their argument 1 says
// how the data is laid out and, by its direction, whether it goes out (a write: dumped even
// when the call failed).
struct IoRow {
  Data data = Data::None;
  bool write = false;
};

IoRow row_of(uint32_t nr) {
  const syscalls::Signature* sig = syscalls::signature(nr);  // ia32 rows flag theirs too
  if (!sig || !(sig->flags & syscalls::kDumpsIo) || sig->nargs < 2) return {};
  const syscalls::ArgSig& a = sig->args[1];
  const bool write = a.dir == syscalls::kIn;
  switch (a.kind) {
    case syscalls::ArgKind::BufIn:
    case syscalls::ArgKind::BufOut:
      return {Data::Buffer, write};
    case syscalls::ArgKind::Iovec:
      return {Data::Iovec, write};
    case syscalls::ArgKind::Msghdr:
      return {Data::Msghdr, write};
    case syscalls::ArgKind::Mmsghdr:
      return {Data::Mmsghdr, write};
    default:
      return {};
  }
}

constexpr size_t kPerLine = 16;

// A vectored call's buffers: " * N bytes in buffer I" then each one's dump; `budget` is what
// the call moved (reads) or unlimited (writes). A zero-length buffer ends the list, as there.
void dump_iovec(std::string_view data, uint64_t budget, fmt::memory_buffer& out) {
  size_t off = 0;
  for (int i = 0; off + sizeof(es_iovec_item) <= data.size(); ++i) {
    es_iovec_item item;
    std::memcpy(&item, data.data() + off, sizeof item);
    off += sizeof item;
    std::string_view bytes = data.substr(off, std::min<size_t>(item.copied, data.size() - off));
    off += bytes.size();
    uint64_t len = std::min(item.len, budget);
    if (len == 0) break;
    budget -= len;
    fmt::format_to(std::back_inserter(out), " * {} bytes in buffer {}\n", len, i);
    if (!(item.result & ES_CAPR_FAULT))
      format_hexdump(bytes.substr(0, std::min<uint64_t>(len, bytes.size())), out);
  }
}

// A message vector's messages, the first `count`: " = N buffers in vector I", then each
// message's buffers as dump_iovec shows them, up to its msg_len.
void dump_mmsghdr(std::string_view data, uint64_t count, fmt::memory_buffer& out) {
  size_t off = 0;
  MmsgMessage m;
  for (uint64_t i = 0; i < count && next_mmsg_message(data, off, m); ++i) {
    fmt::format_to(std::back_inserter(out), " = {} buffers in vector {}\n", m.item.hdr.iovlen, i);
    dump_iovec(m.iovecs, m.item.msg_len, out);
  }
}

}  // namespace

void format_hexdump(std::string_view data, fmt::memory_buffer& out) {
  auto to = std::back_inserter(out);
  for (size_t line = 0; line < data.size(); line += kPerLine) {
    std::string_view chunk = data.substr(line, kPerLine);
    fmt::format_to(to, " | {:05x}  ", line);
    for (size_t j = 0; j < kPerLine; ++j) {
      if (j < chunk.size())
        fmt::format_to(to, "{:02x} ", static_cast<unsigned char>(chunk[j]));
      else
        out.append(std::string_view("   "));
      if (j == kPerLine / 2 - 1) out.push_back(' ');
    }
    out.push_back(' ');
    for (size_t j = 0; j < kPerLine; ++j) {
      unsigned char c = j < chunk.size() ? static_cast<unsigned char>(chunk[j]) : ' ';
      out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '.');
    }
    out.append(std::string_view(" |\n"));
  }
}

bool moves_data(uint32_t nr) { return row_of(nr).data != Data::None; }

void format_io_dump(const model::Call& call, const std::function<bool(int)>& reads,
                    const std::function<bool(int)>& writes, fmt::memory_buffer& out) {
  const IoRow row = row_of(call.nr);
  if (row.data == Data::None || !call.returned) return;
  const int fd = static_cast<int32_t>(call.args[0]);
  if (fd < 0) return;
  const bool failed = model::is_error_return(call.ret);
  const auto& wanted = row.write ? writes : reads;
  if (!wanted || !wanted(fd) || (!row.write && failed)) return;
  const model::CaptureView* cap = call.capture(1);
  if (!cap || (cap->result & ES_CAPR_FAULT && cap->data.empty())) return;
  const uint64_t moved = row.write ? UINT64_MAX : static_cast<uint64_t>(call.ret);
  switch (row.data) {
    case Data::Buffer: {
      uint64_t len = row.write ? call.args[2] : static_cast<uint64_t>(call.ret);
      format_hexdump(cap->data.substr(0, std::min<uint64_t>(len, cap->data.size())), out);
      return;
    }
    case Data::Iovec:
      return dump_iovec(cap->data, moved, out);
    case Data::Msghdr: {
      es_msghdr_head head;
      if (cap->data.size() < sizeof head) return;
      std::memcpy(&head, cap->data.data(), sizeof head);
      const size_t iovecs = sizeof head + head.name_copied;
      if (iovecs <= cap->data.size()) dump_iovec(cap->data.substr(iovecs), moved, out);
      return;
    }
    case Data::Mmsghdr:
      // The messages the call moved; each is dumped up to the msg_len the kernel wrote.
      if (!failed) dump_mmsghdr(cap->data, static_cast<uint64_t>(call.ret), out);
      return;
    case Data::None:
      return;
  }
}

}  // namespace estrace::format
