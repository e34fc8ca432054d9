// Percentiles from the log2-linear histogram (precision: see summary.h).
#include <algorithm>
#include <cmath>

#include "estrace/summary/summary.h"

namespace estrace::summary {
namespace {

// The value at rank k of the histogram, interpolated inside its bucket.
double interpolated(const Stats& stats, double p) {
  uint64_t in_hist = 0;
  uint32_t top = 0;
  for (uint32_t i = 0; i < stats.hist.size(); ++i) {
    in_hist += stats.hist[i];
    if (stats.hist[i] != 0) top = i;
  }
  if (in_hist == 0) return 0;
  if (p >= 100) return static_cast<double>(stats.max_ns);
  p = std::max(p, 0.0);

  // The wanted call is the k-th shortest, k = p% of the calls (nearest rank, kept real so that
  // it can fall between calls). Inside its bucket, the calls are taken as spread evenly, each
  // in the middle of its share of the bucket.
  const double k = p / 100.0 * static_cast<double>(in_hist);
  uint64_t before = 0;
  for (uint32_t i = 0; i < stats.hist.size(); ++i) {
    const uint64_t n = stats.hist[i];
    if (n == 0) continue;
    if (k <= static_cast<double>(before + n) || i == top) {
      if (i < ES_HIST_SUB) return static_cast<double>(i);  // 1 ns wide: exact
      const auto lo = static_cast<double>(bucket_lower(i));
      auto hi = static_cast<double>(bucket_upper(i));
      // The top bucket holds the max, so nothing in it is longer; and the last bucket also
      // holds everything beyond its bounds, up to the max.
      if (i == top) hi = std::min(hi, static_cast<double>(stats.max_ns) + 1);
      if (i == ES_HIST_BUCKETS - 1) hi = static_cast<double>(stats.max_ns) + 1;
      hi = std::max(hi, lo + 1);
      const double share = (k - static_cast<double>(before) - 0.5) / static_cast<double>(n);
      return std::min(lo + (hi - lo) * std::clamp(share, 0.0, 1.0),
                      static_cast<double>(std::max(stats.max_ns, bucket_lower(i))));
    }
    before += n;
  }
  return static_cast<double>(stats.max_ns);
}

}  // namespace

// Interpolation inside a bucket can land outside what was measured (one call sits at its
// bucket's middle rank, below its own exact value): clamped to [min, max].
double percentile(const Stats& stats, double p) {
  const double v = interpolated(stats, p);
  const auto lo = static_cast<double>(stats.min_ns());
  return std::clamp(v, lo, std::max(lo, static_cast<double>(stats.max_ns)));
}

}  // namespace estrace::summary
