// ingest: timestamp merge across rings. See include/estrace/ingest/merger.h.
#include "estrace/ingest/merger.h"

#include <algorithm>
#include <cstring>

#include "estrace/abi/event.h"

namespace estrace::ingest {

void Merger::add(Batch&& batch) {
  const uint32_t id = first_batch_ + static_cast<uint32_t>(batches_.size());
  batches_.push_back(Held{std::move(batch), 0});
  Held& held = batches_.back();
  const auto& bytes = held.batch.bytes;
  const auto& starts = held.batch.run_starts;
  size_t off = 0, record = 0, next_start = 0;
  // A batch that does not say where its runs start is one run (sorted as one if it is not).
  run_starts_.push_back(index_.size());
  while (off + sizeof(es_header) <= bytes.size()) {
    while (next_start < starts.size() && starts[next_start] <= record) {
      if (starts[next_start] == record && index_.size() != run_starts_.back())
        run_starts_.push_back(index_.size());
      ++next_start;
    }
    ++record;
    es_header h;
    std::memcpy(&h, bytes.data() + off, sizeof h);
    if (h.size < sizeof(es_header) || off + h.size > bytes.size()) {
      ++malformed_;
      break;
    }
    index_.push_back(Entry{h.ts, id, static_cast<uint32_t>(off)});
    ++held.unreleased;
    off += (h.size + 7u) & ~size_t{7};
  }
  drop_released_batches();
}

namespace {

bool by_time(const Merger::Entry& a, const Merger::Entry& b) { return a.ts < b.ts; }

// Insertion sort, linear on a run that is nearly in order (one ring's records: a record's
// time is taken just before it is written); a run that is not falls back to std::stable_sort.
template <class It>
void sort_nearly_sorted(It first, It last) {
  const auto budget = 16 * (last - first) + 64;
  std::ptrdiff_t moves = 0;
  for (It i = first + (first != last); i < last; ++i) {
    for (It j = i; j != first && by_time(*j, *(j - 1)); --j) {
      std::iter_swap(j, j - 1);
      if (++moves > budget) return std::stable_sort(first, last, by_time);
    }
  }
}

}  // namespace

// What was added since the last release is a few runs, each nearly in order: each is put in
// order and merged into the part already in order. Cheaper than sorting the lot (the sort
// was a seventh of the decoding thread's time with two busy CPUs).
void Merger::sort_index() {
  run_starts_.push_back(index_.size());  // the end of the last run
  for (size_t r = 0; r + 1 < run_starts_.size(); ++r) {
    auto first = index_.begin() + static_cast<ptrdiff_t>(run_starts_[r]);
    auto last = index_.begin() + static_cast<ptrdiff_t>(run_starts_[r + 1]);
    if (first == last) continue;
    sort_nearly_sorted(first, last);
    std::inplace_merge(index_.begin(), first, last, by_time);
  }
  run_starts_.clear();
}

void Merger::drop_released_batches() {
  while (!batches_.empty() && batches_.front().unreleased == 0) {
    if (released_.size() < RingReader::kSpareBatches) {
      Batch& done = batches_.front().batch;
      done.clear();  // keeps its capacity
      released_.push_back(std::move(done));
    }
    batches_.pop_front();
    ++first_batch_;
  }
}

}  // namespace estrace::ingest
