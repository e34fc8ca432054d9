// app: hands record batches from the drain thread to the decode thread. The drain side never
// waits on the decode side: a slow terminal costs lost-and-counted records, not a stalled
// target.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "estrace/ingest/ring_reader.h"

namespace estrace::app {

class BatchQueue {
 public:
  void push(ingest::Batch&& batch) {
    {
      std::lock_guard lock(mu_);
      batches_.push_back(std::move(batch));
    }
    cv_.notify_one();
  }

  // Moves every queued batch into `out`, waiting up to `timeout` for the first one.
  template <class Out>
  void pop_all(std::chrono::milliseconds timeout, Out&& out) {
    std::deque<ingest::Batch> taken;
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, timeout, [&] { return !batches_.empty(); });
      taken.swap(batches_);
    }
    for (auto& b : taken) out(std::move(b));
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ingest::Batch> batches_;
};

}  // namespace estrace::app
