// app: the drain thread and the merge into the decoder. See include/estrace/app/event_flow.h.
#include "estrace/app/event_flow.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <span>
#include <utility>

#include "estrace/app/trace_output.h"
#include "estrace/util/clock.h"

namespace estrace::app {
namespace {

using namespace std::chrono_literals;

// Records older than the last read of the rings minus this can no longer be overtaken by a
// record from another CPU's ring (the gap between a record's timestamp and its commit is
// microseconds). The last read, not now: a drain thread kept off the CPUs by busy tracees
// leaves records in the rings for longer than that.
constexpr uint64_t kHoldBackNs = 2'000'000;
// How often the drain thread copies records out (records are submitted without wakeups).
constexpr int kPollMs = 1;

}  // namespace

EventFlow::EventFlow(decode::Handler& first, output::Sink& sink, decode::PidComms* comms)
    : first_(first), sink_(sink) {
  decoder_.set_comms(comms);
}

EventFlow::~EventFlow() {
  if (!drain_.joinable()) return;
  stop_drain_ = true;
  reader_->wake();
  drain_.join();
}

void EventFlow::start(std::unique_ptr<ingest::RingReader> reader, int command) {
  reader_ = std::move(reader);
  // The command's end wakes the drain thread, which wakes the run's: noticed as it happens.
  if (command) reader_->watch_exit(command);
  drain_ = std::thread([this] { drain_loop(); });
}

void EventFlow::drain_loop() {
  while (!stop_drain_.load(std::memory_order_relaxed)) {
    if (queue_.full()) {  // the decoder is behind: let the rings absorb (and count) the rest
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
      continue;
    }
    ingest::Batch batch = queue_.take_spare();
    if (!reader_->poll(kPollMs, batch)) {
      say("reading the ring buffers failed");
      return;
    }
    if (reader_->saw_exit()) queue_.nudge();  // the command ended: the control loop looks now
    if (batch.records)
      queue_.push(std::move(batch));
    else
      queue_.give_back(std::move(batch));  // a timeout with nothing read: keep its memory
    rings_read_ns_.store(reader_->read_started_ns(), std::memory_order_release);
  }
}

void EventFlow::pump() { move_records(false); }

// Moves queued records through the merge into the decoder and the handlers.
void EventFlow::move_records(bool final) {
  auto add = [&](ingest::Batch&& b) { merger_.add(std::move(b)); };
  queue_.pop_all(final ? 0ms : 5ms, add);
  // Every batch pushed before the drain thread published `read` is in the merge after this.
  const uint64_t read = rings_read_ns_.load(std::memory_order_acquire);
  queue_.pop_all(0ms, add);
  auto feed = [&](std::span<const uint8_t> record) { decoder_.feed(record, first_); };
  if (final)
    merger_.release_all(feed);
  else
    merger_.release(std::min(now_ns(CLOCK_MONOTONIC), read) - std::min(read, kHoldBackNs), feed);
  merger_.recycle([&](ingest::Batch&& b) { queue_.give_back(std::move(b)); });
  sink_.flush();
}

void EventFlow::finish() {
  // Everything the kernel wrote before the traced set emptied is in the rings now.
  stop_drain_ = true;
  reader_->wake();
  drain_.join();
  for (;;) {  // batches are capped: drain until the rings are empty
    ingest::Batch rest;
    reader_->drain(rest);
    if (!rest.records) break;
    queue_.push(std::move(rest));
    move_records(false);
  }
  move_records(true);
}

}  // namespace estrace::app
