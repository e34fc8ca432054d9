// app: keeps the decoding thread from settling on one CPU. When every CPU is busy with traced
// threads that never sleep, the scheduler leaves the one extra task (the decoder) where it
// is: the traced thread sharing that CPU carries all of estrace's cost and finishes last (two
// getppid threads on two CPUs: the slower one takes ~537 ms when the decoder stays put,
// ~505 ms when it is moved, for the same total work).
// Every period the thread is moved off its CPU, then allowed on all of them again: where some
// CPU is idle, its next wakeup puts it there as before; where none is, its cost alternates.
#pragma once

#include <cstdint>

namespace estrace::app {

class CpuKick {
 public:
  explicit CpuKick(uint64_t period_ns) : period_ns_(period_ns) {}
  // Moves the calling thread when a period has passed since the last move; true if it did.
  // The CPUs it may use are read each time: the user's taskset (or a cpuset) is kept, never
  // widened, and a thread allowed on one CPU stays there.
  bool tick(uint64_t now_ns);

 private:
  uint64_t period_ns_;
  uint64_t next_ns_ = 0;
};

}  // namespace estrace::app
