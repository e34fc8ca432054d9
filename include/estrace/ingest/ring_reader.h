// ingest: copies records out of the per-CPU rings as fast as they come (the libbpf callback
// only appends bytes), and merges the rings' records into timestamp order for decode.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <vector>

#include "estrace/util/result.h"

struct ring_buffer;

namespace estrace::ingest {

// Records copied out of the rings, each padded to 8 bytes; every record starts with its
// es_header, whose `size` says how long it is.
struct Batch {
  std::vector<uint8_t> bytes;
  size_t records = 0;
  // Where each ring's records start (record indexes, ascending): within one, the records
  // are nearly in timestamp order already, which is what makes merging them cheap.
  std::vector<uint32_t> run_starts;

  void clear() {  // keeps the capacity
    bytes.clear();
    records = 0;
    run_starts.clear();
  }
};

class RingReader {
 public:
  static Result<std::unique_ptr<RingReader>> open(const std::vector<int>& ring_fds);
  ~RingReader();
  RingReader(const RingReader&) = delete;
  RingReader& operator=(const RingReader&) = delete;

  // Waits up to `timeout_ms` (records are submitted without wakeups, so this is mostly a
  // timer; a ring past half full, wake() or a watched fd end it early), then copies every
  // record into `out`. Returns false on a fatal ring error.
  bool poll(int timeout_ms, Batch& out);
  // Ends the wait of a poll in progress (or the next one) at once; any thread may call it.
  void wake();
  // The poll that sees process `pid` end returns at once: the command's end is noticed as it
  // happens rather than at the next tick. False if the process is already gone.
  bool watch_exit(int pid);
  // True when the last poll saw the watched process end (it reports that once).
  bool saw_exit() const { return saw_exit_; }
  // Copies whatever is in the rings now, without waiting.
  bool drain(Batch& out);
  // When the last poll or drain started copying (CLOCK_MONOTONIC ns): every record stamped
  // before that, and committed, was copied.
  uint64_t read_started_ns() const { return read_started_ns_; }
  // Records the reader took from a ring but could not keep (out of memory): lost, counted.
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

  // A batch stops growing at about this size (the rest waits in the rings for the next
  // one), so memory stays bounded however fast the rings fill.
  static constexpr size_t kBatchBytes = size_t{256} << 10;
  // Emptied batches kept for reuse, by the merge and by the queue: about as many as can be in
  // flight at once (the queue holds 16), so a busy run fills old batches rather than map,
  // fault in and unmap a fresh 320 KiB per poll (4 of each kept: 700 mmaps for 2M records).
  static constexpr size_t kSpareBatches = 16;

 private:
  RingReader() = default;
  ring_buffer* rb_ = nullptr;
  int epoll_fd_ = -1;  // the rings, wake_fd_ and watched fds (libbpf's own set has no room)
  int wake_fd_ = -1;   // an eventfd
  int pidfd_ = -1;     // watch_exit's process
  Batch* target_ = nullptr;
  std::atomic<uint64_t> dropped_{0};
  bool saw_exit_ = false;
  struct Ring {  // libbpf's callback context: which ring a record came from
    RingReader* reader;
    int index;
  };
  std::deque<Ring> rings_;  // stable addresses
  int last_ring_ = -1;      // the ring of the last record copied into target_
  uint64_t read_started_ns_ = 0;
  static int on_record(void* ctx, void* data, size_t size) noexcept;
};

}  // namespace estrace::ingest
