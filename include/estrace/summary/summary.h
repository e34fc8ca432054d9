// summary: the value model of syscall summaries. Per-syscall counts, errors, time and a
// log2-linear latency histogram (layout shared with the BPF side, abi/summary.h), merged from
// the per-CPU values the kernel aggregates; per-errno failure counts; interval deltas and
// percentiles. No I/O, no libbpf.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "estrace/abi/summary.h"
#include "estrace/summary/settings.h"

namespace estrace::summary {

// Number of histogram buckets (ES_HIST_BUCKETS, as a size).
inline constexpr size_t kBuckets = static_cast<size_t>(ES_HIST_BUCKETS);

// Bucket i of the histogram covers [bucket_lower(i), bucket_upper(i)) ns. Buckets below
// ES_HIST_SUB are 1 ns wide (exact); above, a bucket is 1/16 of its power of two wide. The last
// bucket also holds everything longer than its upper bound.
uint64_t bucket_lower(uint32_t i);
uint64_t bucket_upper(uint32_t i);

struct Stats {
  uint64_t calls = 0;
  uint64_t errors = 0;
  uint64_t total_ns = 0;  // wall-clock time inside the calls
  uint64_t max_ns = 0;
  std::vector<uint64_t> hist = std::vector<uint64_t>(kBuckets);

  // One call of `ns` (what the BPF side does per call; for tests and synthetic data).
  void record(uint64_t ns, bool failed = false);
  // Sums counts, time and histogram; keeps the larger max.
  void add(const es_syscall_stats& raw);
  void add(const Stats& other);

  // Mean latency rounded to the nearest ns, as strace rounds it.
  uint64_t avg_ns() const;
  // Shortest call: not counted by the kernel, so the lower edge of the lowest non-empty bucket
  // (exact below 16 ns, else at most 1/16 below the truth); exact when there was one call.
  uint64_t min_ns() const;
};

// Latency at percentile `p` (0..100) in ns, 0 when there were no calls. The rank falls in one
// bucket and the value is interpolated linearly inside it, assuming the calls spread evenly
// there; the top non-empty bucket is capped by the exact max_ns, and p = 100 is max_ns.
// The result always lies within [min_ns(), max_ns].
// Precision: the true value lies in the same bucket, so the error is below one bucket width,
// i.e. under 1/16 (6.25%) of the value; when the calls spread over the bucket it is about half
// a bucket (~3%); below 16 ns it is exact.
double percentile(const Stats& stats, double p);

// (syscall number, positive errno).
using ErrnoKey = std::pair<uint32_t, uint32_t>;

struct Summary {
  std::map<uint32_t, Stats> syscalls;   // only syscalls with at least one call
  std::map<ErrnoKey, uint64_t> errnos;  // failures per (syscall, errno)

  // One syscall's value on one CPU, as a BPF per-CPU array holds it. Empty values are skipped.
  void add_cpu(uint32_t nr, const es_syscall_stats& raw);
  // All CPUs' values of one syscall (what bpf_map_lookup_elem returns for a per-CPU array).
  void add_cpus(uint32_t nr, std::span<const es_syscall_stats> per_cpu);
  // Failures of `nr` with errno `err` (the per-CPU hash entries, summed or one CPU at a time).
  void add_errno(uint32_t nr, uint32_t err, uint64_t count);

  // What happened since `earlier`, an older snapshot of the same counters (for --interval).
  // Counts, time and histograms subtract exactly. The max does not: when it grew it is the new
  // max, exactly; otherwise it is estimated as the upper edge of the highest bucket that grew,
  // capped by the running max.
  Summary minus(const Summary& earlier) const;

  // The errnos `nr` failed with and how often: most frequent first, ties by errno number.
  std::vector<std::pair<uint32_t, uint64_t>> errnos_of(uint32_t nr) const;

  // Everything merged: the "total" row.
  Stats total() const;
  bool empty() const { return syscalls.empty(); }

  // The calls of one personality: x86_64's numbers, or ia32's keys (syscalls/compat.h).
  Summary personality(bool ia32) const;
};

// Syscall numbers with calls, in -S order: descending by the key (ascending for Name), ties in
// syscall-number order (strace's qsort over the syscall table behaves so).
std::vector<uint32_t> sorted(const Summary& summary, SortKey key);

// "openat"; "syscall_N" for a number with no name.
std::string syscall_name(uint32_t nr);

}  // namespace estrace::summary
