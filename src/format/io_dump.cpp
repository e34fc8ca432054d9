// format: hex dumps for -e read= / -e write=. See include/estrace/format/io_dump.h.
#include "estrace/format/io_dump.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "estrace/abi/capture_spec.h"
#include "estrace/abi/event.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::format {
namespace {

struct IoRow {
  std::string_view name;
  bool write;   // data goes out: dumped even when the call failed, arg 2 bytes
  bool vector;  // struct iovec[] at arg 1, count at arg 2
};

// strace's dumpio() cases that estrace captures (buffer or iovec at argument 1).
constexpr std::array kIoRows = {
    IoRow{"read", false, false}, IoRow{"pread64", false, false}, IoRow{"recvfrom", false, false},
    IoRow{"readv", false, true}, IoRow{"preadv", false, true},   IoRow{"preadv2", false, true},
    IoRow{"write", true, false}, IoRow{"pwrite64", true, false}, IoRow{"sendto", true, false},
    IoRow{"writev", true, true}, IoRow{"pwritev", true, true},   IoRow{"pwritev2", true, true},
};

const IoRow* row_of(uint32_t nr) {
  std::string_view name = syscalls::name_of(nr);
  for (const IoRow& row : kIoRows)
    if (row.name == name) return &row;
  return nullptr;
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

bool moves_data(uint32_t nr) { return row_of(nr) != nullptr; }

void format_io_dump(const decode::Call& call, const std::function<bool(int)>& reads,
                    const std::function<bool(int)>& writes, fmt::memory_buffer& out) {
  const IoRow* row = row_of(call.nr);  // ia32 calls by their names too
  if (!row || !call.returned) return;
  const int fd = static_cast<int32_t>(call.args[0]);
  if (fd < 0) return;
  const bool failed = call.ret < 0 && call.ret >= -4095;
  const auto& wanted = row->write ? writes : reads;
  if (!wanted || !wanted(fd) || (!row->write && failed)) return;
  const decode::CaptureView* cap = call.capture(1);
  if (!cap || (cap->result & ES_CAPR_FAULT && cap->data.empty())) return;
  if (row->vector) {
    dump_iovec(cap->data, row->write ? UINT64_MAX : static_cast<uint64_t>(call.ret), out);
    return;
  }
  uint64_t len = row->write ? call.args[2] : static_cast<uint64_t>(call.ret);
  format_hexdump(cap->data.substr(0, std::min<uint64_t>(len, cap->data.size())), out);
}

}  // namespace estrace::format
