// ingest: copies records out of the per-CPU rings as fast as they come (reading the rings'
// shared memory directly: a copy per record, one consumer update per ring and drain), and
// merges the rings' records into timestamp order for decode.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <vector>

#include "estrace/util/result.h"

namespace estrace::ingest {

// Leaves the bytes a vector grows by uninitialised: the drain copies every record over them at
// once, and zeroing them first was half of what the drain thread spent (the first write to a
// line the decoding thread last read is the expensive one; one write, not two).
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <class U>
  explicit UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialised: left as it is
  }
};

// Records copied out of the rings, each padded to 8 bytes; every record starts with its
// es_header, whose `size` says how long it is.
struct Batch {
  std::vector<uint8_t, UninitialisedAllocator<uint8_t>> bytes;
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
  // timer; a ring past half full, wake() or a watched fd end it early; no wait when the last
  // batch filled up), then copies every record into `out`. Returns false on a fatal error.
  bool poll(int timeout_ms, Batch& out);
  // Ends the wait of a poll in progress (or the next one) at once; any thread may call it.
  void wake();
  // The poll that sees process `pid` end returns at once: the command's end is noticed as it
  // happens rather than at the next tick. False if the process is already gone.
  bool watch_exit(int pid);
  // True when the last poll saw the watched process end (it reports that once).
  bool saw_exit() const { return saw_exit_; }
  // Copies whatever is in the rings now, without waiting (up to a full batch: the rest stays
  // in the rings for the next one).
  bool drain(Batch& out);
  // When the last poll or drain started copying (CLOCK_MONOTONIC ns): every record stamped
  // before that, and committed, was copied. After a drain that filled its batch, the time of
  // the oldest record it left in a ring, when that is earlier.
  uint64_t read_started_ns() const { return read_started_ns_; }

  // A batch stops growing at about this size (the rest waits in the rings for the next
  // one), so memory stays bounded however fast the rings fill.
  static constexpr size_t kBatchBytes = size_t{256} << 10;
  // Emptied batches kept for reuse, by the merge and by the queue: about as many as can be in
  // flight at once (the queue holds 16), so a busy run fills old batches rather than map,
  // fault in and unmap a fresh 320 KiB per poll (4 of each kept: 700 mmaps for 2M records).
  static constexpr size_t kSpareBatches = 16;

 private:
  RingReader() = default;
  struct Ring {                          // one ring's shared memory
    uint64_t* consumer = nullptr;        // how far the reader has read (written by us)
    const uint64_t* producer = nullptr;  // how far the kernel has reserved
    const uint8_t* data = nullptr;       // the data pages, mapped twice in a row
    uint64_t mask = 0;                   // data size - 1 (a power of two)
    size_t page = 0;                     // mapping sizes, for munmap
    size_t data_map_bytes = 0;
  };
  static Result<Ring> map_ring(int fd);
  static const uint32_t* header_at(const Ring& ring, uint64_t pos);
  static bool copy_ring(Ring& ring, Batch& out);
  static uint64_t oldest_left(const Ring& ring);
  int epoll_fd_ = -1;  // the rings, wake_fd_ and watched fds
  int wake_fd_ = -1;   // an eventfd
  int pidfd_ = -1;     // watch_exit's process
  bool saw_exit_ = false;
  bool left_behind_ = false;  // the last drain filled its batch before the rings were empty
  std::vector<Ring> rings_;
  uint64_t read_started_ns_ = 0;
};

}  // namespace estrace::ingest
