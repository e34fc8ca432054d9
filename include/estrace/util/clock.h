// util: a clock read in nanoseconds. CLOCK_MONOTONIC is the clock of the records' timestamps
// (bpf_ktime_get_ns), so times taken here compare with theirs.
#pragma once

#include <cstdint>
#include <ctime>

namespace estrace {

inline uint64_t now_ns(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(ts.tv_nsec);
}

}  // namespace estrace
