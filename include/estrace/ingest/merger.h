// ingest: puts records from all CPUs' rings back into timestamp order. A record becomes
// visible a few microseconds after its timestamp was taken, so records older than the
// watermark (now minus a hold-back) can no longer be overtaken and are released.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "estrace/ingest/ring_reader.h"

namespace estrace::ingest {

class Merger {
 public:
  using Sink = std::function<void(std::span<const uint8_t> record)>;

  // Takes ownership of a batch's records (malformed framing is dropped and counted).
  void add(Batch&& batch);
  // Hands over, in timestamp order, every record with ts <= watermark_ns.
  void release(uint64_t watermark_ns, const Sink& sink);
  // Hands over everything (at shutdown).
  void release_all(const Sink& sink) { release(UINT64_MAX, sink); }
  size_t pending() const { return index_.size(); }
  uint64_t malformed() const { return malformed_; }

 private:
  struct Entry {
    uint64_t ts;
    uint64_t seq;  // arrival order breaks timestamp ties
    std::shared_ptr<const Batch> batch;
    size_t offset;
  };
  std::vector<Entry> index_;
  uint64_t seq_ = 0;
  uint64_t malformed_ = 0;
};

}  // namespace estrace::ingest
