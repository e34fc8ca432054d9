// app: records from the rings to the handlers. A drain thread copies records out of the rings
// into batches (app/batch_queue.h); the run's own thread merges them in timestamp order and
// decodes them into the handler chain.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

#include "estrace/app/batch_queue.h"
#include "estrace/decode/decoder.h"
#include "estrace/decode/pid_comms.h"
#include "estrace/ingest/merger.h"
#include "estrace/ingest/ring_reader.h"
#include "estrace/output/sink.h"

namespace estrace::app {

class EventFlow {
 public:
  // Events go to `first`; the sink is flushed after each pump. `comms` (-Y, else null) is
  // kept current by the decoder.
  EventFlow(decode::Handler& first, output::Sink& sink, decode::PidComms* comms);
  ~EventFlow();
  EventFlow(const EventFlow&) = delete;
  EventFlow& operator=(const EventFlow&) = delete;

  // For calls read from /proc rather than the rings (those in progress at attach).
  decode::Decoder& decoder() { return decoder_; }
  // Starts the drain thread on the opened rings. `command`: a pid whose end wakes the run's
  // thread at once (0 for none).
  void start(std::unique_ptr<ingest::RingReader> reader, int command);
  // Decodes what no record still in a ring can overtake, after waiting up to a few ms for work.
  void pump();
  // Stops the drain thread, then decodes everything left in the rings.
  void finish();
  // Records dropped as malformed, by the merge and by the decoder.
  uint64_t malformed() const { return merger_.malformed() + decoder_.malformed(); }

 private:
  void drain_loop();
  void move_records(bool final);

  decode::Handler& first_;
  output::Sink& sink_;
  std::unique_ptr<ingest::RingReader> reader_;
  ingest::Merger merger_;
  decode::Decoder decoder_;
  BatchQueue queue_;
  std::thread drain_;
  std::atomic<bool> stop_drain_{false};
  // When the drain thread last started reading the rings (CLOCK_MONOTONIC, the records' clock):
  // every record stamped before it is in a batch pushed by then, or about to commit.
  std::atomic<uint64_t> rings_read_ns_{0};
};

}  // namespace estrace::app
