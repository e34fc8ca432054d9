// app: hands record batches from the drain thread to the decode thread. The drain side never
// waits on the decode side: a slow terminal costs lost-and-counted records, not a stalled
// target.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "estrace/ingest/ring_reader.h"

namespace estrace::app {

class BatchQueue {
 public:
  // At most this many bytes wait for the decoder; past that the drain stops copying, the
  // rings fill, and the kernel counts what it cannot write: memory stays bounded.
  static constexpr size_t kMaxQueuedBytes = size_t{4} << 20;

  void push(ingest::Batch&& batch) {
    {
      std::lock_guard lock(mu_);
      queued_bytes_ += batch.bytes.size();
      batches_.push_back(std::move(batch));
    }
    cv_.notify_one();
  }

  // Emptied batches go back to the drain thread, which fills them instead of allocating.
  void give_back(ingest::Batch&& batch) {
    std::lock_guard lock(mu_);
    if (spare_.size() < ingest::RingReader::kSpareBatches) spare_.push_back(std::move(batch));
  }
  ingest::Batch take_spare() {
    std::lock_guard lock(mu_);
    if (spare_.empty()) return {};
    ingest::Batch b = std::move(spare_.back());
    spare_.pop_back();
    return b;
  }

  bool full() const {
    std::lock_guard lock(mu_);
    return queued_bytes_ >= kMaxQueuedBytes;
  }

  // Ends the wait of a pop_all in progress (or the next one) with or without batches: the
  // drain thread saw the command end.
  void nudge() {
    {
      std::lock_guard lock(mu_);
      nudged_ = true;
    }
    cv_.notify_one();
  }

  // Moves every queued batch into `out`, waiting up to `timeout` for the first one (or a nudge).
  template <class Out>
  void pop_all(std::chrono::milliseconds timeout, Out&& out) {
    std::deque<ingest::Batch> taken;
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, timeout, [&] { return !batches_.empty() || nudged_; });
      nudged_ = false;
      taken.swap(batches_);
      queued_bytes_ = 0;
    }
    for (auto& b : taken) out(std::move(b));
  }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ingest::Batch> batches_;
  size_t queued_bytes_ = 0;
  bool nudged_ = false;
  std::vector<ingest::Batch> spare_;
};

}  // namespace estrace::app
