// The shared fuzz entry: settings from the first bytes, then records through the pipeline's
// userspace half (decode -> format -> output). See fuzz_entry.h for the input layout.
#include "fuzz_entry.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <span>
#include <sstream>
#include <vector>

#include "estrace/abi/event.h"
#include "estrace/decode/decoder.h"
#include "estrace/decode/fd_table.h"
#include "estrace/format/call_formatter.h"
#include "estrace/output/sink.h"
#include "estrace/output/trace_writer.h"

namespace estrace::fuzz {
namespace {

constexpr size_t kSettings = 4;

// Like StreamSink, optionally claiming a stream per task (-ff) to exercise that path.
class StringSink final : public output::Sink {
 public:
  StringSink(std::ostream& out, bool per_task) : out_(out), per_task_(per_task) {}
  void write(uint32_t, std::string_view text) override { out_.write(text.data(), text.size()); }
  void flush() override { out_.flush(); }
  bool per_task() const override { return per_task_; }

 private:
  std::ostream& out_;
  bool per_task_;
};

// Records at 8-byte aligned offsets of an owned buffer, as the ring reader hands them on.
std::vector<uint8_t> aligned_copy(const uint8_t* data, size_t size) {
  return std::vector<uint8_t>(data, data + size);
}

void feed_stream(std::span<const uint8_t> stream, decode::Decoder& decoder,
                 decode::Handler& handler) {
  size_t off = 0;
  while (off < stream.size()) {
    const size_t left = stream.size() - off;
    uint32_t size = 0;
    if (left >= offsetof(es_header, size) + sizeof size)
      std::memcpy(&size, stream.data() + off + offsetof(es_header, size), sizeof size);
    // A size the stream cannot hold (or none at all): the rest is one (malformed) record.
    const size_t n = size == 0 || size > left ? left : size;
    std::vector<uint8_t> record = aligned_copy(stream.data() + off, n);
    decoder.feed(record, handler);
    off += (n + 7u) & ~size_t{7};
  }
}

}  // namespace

std::string run(const uint8_t* data, size_t size) {
  uint8_t cfg[kSettings] = {32, 0, 0, 0};
  if (size >= kSettings) {
    std::memcpy(cfg, data, kSettings);
    data += kSettings;
    size -= kSettings;
  }
  const std::vector<uint8_t> stream = aligned_copy(data, size);

  const int fd_level = std::min((cfg[1] >> 3) & 3, 2);
  decode::FdTable fds(fd_level ? fd_level : 1);
  format::Style style;
  style.string_limit = cfg[0] == 255 ? 1u << 20 : cfg[0];
  style.hex = static_cast<format::HexMode>(std::min(cfg[1] & 3, 2));
  style.verbose = cfg[1] & 4;
  style.decode_fds = fd_level;
  style.fds = fd_level ? &fds : nullptr;

  style.xlat = static_cast<format::XlatMode>(std::min((cfg[3] >> 1) & 3, 2));

  output::LineOptions opts;
  opts.time = static_cast<format::TimeMode>((cfg[1] >> 5) & 3);
  opts.show_duration = cfg[2] & 1;
  opts.pid_prefix_always = cfg[2] & 2;
  opts.to_terminal_stream = cfg[2] & 4;
  opts.terminal_prefix_always = cfg[2] & 8;
  opts.whole_lines = cfg[2] & 16;
  opts.syscall_numbers = cfg[3] & 8;

  std::ostringstream text;
  StringSink sink(text, cfg[2] & 32);
  output::TraceWriter writer(format::CallFormatter(style), opts, sink);
  writer.add_task(1);
  decode::FdTracking tracking(fds, writer);
  decode::Handler& handler = fd_level ? static_cast<decode::Handler&>(tracking) : writer;
  decode::Decoder decoder;

  if (cfg[3] & 1) {
    std::array<uint64_t, 6> args{};
    if (!stream.empty())
      std::memcpy(args.data(), stream.data(), std::min(stream.size(), sizeof args));
    decoder.in_progress(1, 1, static_cast<uint32_t>(args[0] % 512), args, 1000, handler);
  }
  feed_stream(stream, decoder, handler);
  decoder.feed(stream, handler);  // the whole input as one record
  writer.finish_partials(" <detached ...>");
  return text.str();
}

}  // namespace estrace::fuzz
