// ingest: puts records from all CPUs' rings back into timestamp order. A record becomes
// visible a few microseconds after its timestamp was taken, so records older than the
// watermark (now minus a hold-back) can no longer be overtaken and are released.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <span>
#include <vector>

#include "estrace/abi/event.h"
#include "estrace/ingest/ring_reader.h"

namespace estrace::ingest {

class Merger {
 public:
  using Sink = std::function<void(std::span<const uint8_t> record)>;

  // Takes ownership of a batch's records (malformed framing is dropped and counted).
  void add(Batch&& batch);
  // Hands over, in timestamp order, every record with ts <= watermark_ns.
  template <class F>
  void release(uint64_t watermark_ns, F&& sink);
  // Hands over everything (at shutdown).
  template <class F>
  void release_all(F&& sink) {
    release(UINT64_MAX, sink);
  }
  size_t pending() const { return index_.size(); }
  uint64_t malformed() const { return malformed_; }
  // Batches whose records were all handed over, emptied, for their memory to be used again
  // (a fresh 320 KiB batch costs an mmap, 80 page faults and a munmap); RingReader::kSpareBatches
  // at most are kept.
  template <class F>
  void recycle(F&& reuse) {
    for (auto& b : released_) reuse(std::move(b));
    released_.clear();
  }

  // 16 bytes per record: the index is rewritten by every merge. Ties keep arrival order
  // because every step that orders it is stable (insertion sort, stable_sort, inplace_merge).
  struct Entry {
    uint64_t ts;
    uint32_t batch;   // id of the batch holding it (wraps after 2^32 batches: compared as
                      // a distance from the oldest held, never by value)
    uint32_t offset;  // where its record starts in that batch (batches are < 4 GiB)
  };

 private:
  struct Held {
    Batch batch;
    size_t unreleased = 0;
  };
  void sort_index();
  void drop_released_batches();

  std::vector<Entry> index_;
  std::deque<Held> batches_;  // batches_[i] has id first_batch_ + i
  std::vector<Batch> released_;
  uint32_t first_batch_ = 0;
  uint64_t malformed_ = 0;
  // index_ is in order up to the first of these, then runs added since, each nearly in order:
  // where each starts.
  std::vector<size_t> run_starts_;
};

template <class F>
void Merger::release(uint64_t watermark_ns, F&& sink) {
  if (index_.empty()) return;
  sort_index();
  size_t n = 0;
  while (n < index_.size() && index_[n].ts <= watermark_ns) {
    const Entry& e = index_[n];
    Held& held = batches_[static_cast<uint32_t>(e.batch - first_batch_)];
    const uint8_t* record = held.batch.bytes.data() + e.offset;
    uint32_t size;  // add() checked that the record's header fits and its size is in bounds
    std::memcpy(&size, record + offsetof(es_header, size), sizeof size);
    sink(std::span<const uint8_t>(record, size));
    --held.unreleased;
    ++n;
  }
  index_.erase(index_.begin(), index_.begin() + static_cast<ptrdiff_t>(n));
  drop_released_batches();
}

}  // namespace estrace::ingest
