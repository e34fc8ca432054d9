// ingest: timestamp merge across rings. See include/estrace/ingest/merger.h.
#include "estrace/ingest/merger.h"

#include <algorithm>
#include <cstring>

#include "estrace/abi/event.h"

namespace estrace::ingest {

void Merger::add(Batch&& batch) {
  const uint64_t id = first_batch_ + batches_.size();
  batches_.push_back(Held{std::move(batch), 0});
  Held& held = batches_.back();
  const auto& bytes = held.batch.bytes;
  size_t off = 0;
  while (off + sizeof(es_header) <= bytes.size()) {
    es_header h;
    std::memcpy(&h, bytes.data() + off, sizeof h);
    if (h.size < sizeof(es_header) || off + h.size > bytes.size()) {
      ++malformed_;
      break;
    }
    index_.push_back(Entry{h.ts, seq_++, id, off, h.size});
    ++held.unreleased;
    off += (h.size + 7u) & ~size_t{7};
  }
  drop_released_batches();
}

// Each ring's records arrive nearly in order, so only the part added since the last release
// is sorted and then merged with what was already in order.
void Merger::sort_index() {
  auto by_time = [](const Entry& a, const Entry& b) {
    return a.ts != b.ts ? a.ts < b.ts : a.seq < b.seq;
  };
  auto mid = index_.begin() + static_cast<ptrdiff_t>(sorted_);
  std::sort(mid, index_.end(), by_time);
  std::inplace_merge(index_.begin(), mid, index_.end(), by_time);
  sorted_ = index_.size();
}

void Merger::drop_released_batches() {
  constexpr size_t kKeepReleased = 4;
  while (!batches_.empty() && batches_.front().unreleased == 0) {
    if (released_.size() < kKeepReleased) {
      Batch& done = batches_.front().batch;
      done.bytes.clear();  // keeps its capacity
      done.records = 0;
      released_.push_back(std::move(done));
    }
    batches_.pop_front();
    ++first_batch_;
  }
}

}  // namespace estrace::ingest
