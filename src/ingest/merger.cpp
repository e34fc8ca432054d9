// ingest: timestamp merge across rings. See include/estrace/ingest/merger.h.
#include "estrace/ingest/merger.h"

#include <algorithm>
#include <cstring>

#include "estrace/abi/event.h"

namespace estrace::ingest {

void Merger::add(Batch&& batch) {
  auto owned = std::make_shared<const Batch>(std::move(batch));
  const auto& bytes = owned->bytes;
  size_t off = 0;
  while (off + sizeof(es_header) <= bytes.size()) {
    es_header h;
    std::memcpy(&h, bytes.data() + off, sizeof h);
    if (h.size < sizeof(es_header) || off + h.size > bytes.size()) {
      ++malformed_;
      break;
    }
    index_.push_back(Entry{h.ts, seq_++, owned, off});
    off += (h.size + 7u) & ~size_t{7};
  }
}

void Merger::release(uint64_t watermark_ns, const Sink& sink) {
  if (index_.empty()) return;
  std::sort(index_.begin(), index_.end(), [](const Entry& a, const Entry& b) {
    return a.ts != b.ts ? a.ts < b.ts : a.seq < b.seq;
  });
  size_t n = 0;
  while (n < index_.size() && index_[n].ts <= watermark_ns) {
    const Entry& e = index_[n];
    es_header h;
    std::memcpy(&h, e.batch->bytes.data() + e.offset, sizeof h);
    sink(std::span<const uint8_t>(e.batch->bytes.data() + e.offset, h.size));
    ++n;
  }
  index_.erase(index_.begin(), index_.begin() + static_cast<ptrdiff_t>(n));
}

}  // namespace estrace::ingest
