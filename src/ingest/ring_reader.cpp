// ingest: ring draining. See include/estrace/ingest/ring_reader.h.
#include "estrace/ingest/ring_reader.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <bpf/libbpf.h>

namespace estrace::ingest {

Result<std::unique_ptr<RingReader>> RingReader::open(const std::vector<int>& ring_fds) {
  std::unique_ptr<RingReader> reader(new RingReader());
  for (int fd : ring_fds) {
    if (!reader->rb_) {
      reader->rb_ = ring_buffer__new(fd, &RingReader::on_record, reader.get(), nullptr);
      if (!reader->rb_) return Error{std::string("cannot map a ring buffer: ") + strerror(errno)};
    } else if (ring_buffer__add(reader->rb_, fd, &RingReader::on_record, reader.get())) {
      return Error{std::string("cannot map a ring buffer: ") + strerror(errno)};
    }
  }
  if (!reader->rb_) return Error{"no ring buffers to read"};
  return reader;
}

RingReader::~RingReader() {
  if (rb_) ring_buffer__free(rb_);
}

// Called by libbpf from C: copy and return; nothing may throw through it. libbpf has
// already consumed the record when it calls this, so a record not copied is lost: counted.
int RingReader::on_record(void* ctx, void* data, size_t size) noexcept {
  auto* self = static_cast<RingReader*>(ctx);
  Batch* out = self->target_;
  try {
    if (out->bytes.capacity() < kBatchBytes) out->bytes.reserve(kBatchBytes + (size_t{64} << 10));
    size_t at = out->bytes.size();
    out->bytes.resize(at + ((size + 7) & ~size_t{7}));
    std::memcpy(out->bytes.data() + at, data, size);
    out->records++;
  } catch (...) {
    ++self->dropped_;
    return -ENOMEM;
  }
  return out->bytes.size() >= kBatchBytes ? -EFBIG : 0;  // full: stop, keep the rest queued
}

bool RingReader::poll(int timeout_ms, Batch& out) {
  target_ = &out;
  int n = ring_buffer__poll(rb_, timeout_ms);
  if (n < 0 && n != -EINTR && n != -ENOMEM && n != -EFBIG) return false;
  if (out.bytes.size() >= kBatchBytes) return true;
  return drain(out);
}

bool RingReader::drain(Batch& out) {
  target_ = &out;
  int n = ring_buffer__consume(rb_);
  return n >= 0 || n == -EINTR || n == -ENOMEM || n == -EFBIG;
}

}  // namespace estrace::ingest
