// The summary model: merging per-CPU values, interval deltas, sort orders.
#include "estrace/summary/summary.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"

namespace estrace::summary {

uint64_t bucket_lower(uint32_t i) {
  if (i < ES_HIST_SUB) return i;
  const uint32_t k = i / ES_HIST_SUB + ES_HIST_SUB_BITS - 1;  // the power of two
  const uint64_t sub = i % ES_HIST_SUB;
  return (ES_HIST_SUB + sub) << (k - ES_HIST_SUB_BITS);
}

uint64_t bucket_upper(uint32_t i) {
  if (i < ES_HIST_SUB) return i + 1;
  const uint32_t k = i / ES_HIST_SUB + ES_HIST_SUB_BITS - 1;
  const uint64_t sub = i % ES_HIST_SUB;
  return (ES_HIST_SUB + sub + 1) << (k - ES_HIST_SUB_BITS);
}

void Stats::record(uint64_t ns, bool failed) {
  ++calls;
  errors += failed ? 1 : 0;
  total_ns += ns;
  max_ns = std::max(max_ns, ns);
  ++hist[es_hist_bucket(ns)];
}

void Stats::add(const es_syscall_stats& raw) {
  calls += raw.calls;
  errors += raw.errors;
  total_ns += raw.total_ns;
  max_ns = std::max<uint64_t>(max_ns, raw.max_ns);
  for (size_t i = 0; i < hist.size(); ++i) hist[i] += raw.hist[i];
}

void Stats::add(const Stats& other) {
  calls += other.calls;
  errors += other.errors;
  total_ns += other.total_ns;
  max_ns = std::max(max_ns, other.max_ns);
  for (size_t i = 0; i < hist.size(); ++i) hist[i] += other.hist[i];
}

uint64_t Stats::avg_ns() const { return calls == 0 ? 0 : (total_ns + calls / 2) / calls; }

uint64_t Stats::min_ns() const {
  if (calls == 1) return max_ns;
  for (uint32_t i = 0; i < hist.size(); ++i) {
    if (hist[i] != 0) return std::min(bucket_lower(i), max_ns);
  }
  return 0;
}

void Summary::add_cpu(uint32_t nr, const es_syscall_stats& raw) {
  if (raw.calls == 0) return;
  syscalls[nr].add(raw);
}

void Summary::add_cpus(uint32_t nr, std::span<const es_syscall_stats> per_cpu) {
  for (const es_syscall_stats& raw : per_cpu) add_cpu(nr, raw);
}

void Summary::add_errno(uint32_t nr, uint32_t err, uint64_t count) {
  if (count != 0) errnos[{nr, err}] += count;
}

namespace {

uint64_t minus_sat(uint64_t a, uint64_t b) { return a > b ? a - b : 0; }

}  // namespace

Summary Summary::minus(const Summary& earlier) const {
  Summary delta;
  for (const auto& [nr, now] : syscalls) {
    auto before = earlier.syscalls.find(nr);
    if (before == earlier.syscalls.end()) {
      delta.syscalls.emplace(nr, now);
      continue;
    }
    const Stats& then = before->second;
    // Per-CPU values are read one after another while calls go on, so a counter can look
    // smaller than in the older snapshot by a few; never let it wrap.
    Stats d;
    d.calls = minus_sat(now.calls, then.calls);
    if (d.calls == 0) continue;
    d.errors = minus_sat(now.errors, then.errors);
    d.total_ns = minus_sat(now.total_ns, then.total_ns);
    uint32_t top = 0;
    for (uint32_t i = 0; i < d.hist.size(); ++i) {
      d.hist[i] = minus_sat(now.hist[i], then.hist[i]);
      if (d.hist[i] != 0) top = i;
    }
    if (now.max_ns > then.max_ns) {
      d.max_ns = now.max_ns;
    } else {
      d.max_ns = std::min(now.max_ns, bucket_upper(top) - 1);
    }
    delta.syscalls.emplace(nr, std::move(d));
  }
  for (const auto& [key, count] : errnos) {
    auto before = earlier.errnos.find(key);
    const uint64_t d = minus_sat(count, before == earlier.errnos.end() ? 0 : before->second);
    if (d != 0) delta.errnos.emplace(key, d);
  }
  return delta;
}

std::vector<std::pair<uint32_t, uint64_t>> Summary::errnos_of(uint32_t nr) const {
  std::vector<std::pair<uint32_t, uint64_t>> list;
  for (auto it = errnos.lower_bound({nr, 0}); it != errnos.end() && it->first.first == nr; ++it) {
    list.emplace_back(it->first.second, it->second);
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return list;
}

Stats Summary::total() const {
  Stats all;
  for (const auto& [nr, stats] : syscalls) all.add(stats);
  return all;
}

Summary Summary::personality(bool ia32) const {
  Summary part;
  for (const auto& [nr, stats] : syscalls)
    if (syscalls::is_compat_key(nr) == ia32) part.syscalls.emplace(nr, stats);
  for (const auto& [key, count] : errnos)
    if (syscalls::is_compat_key(key.first) == ia32) part.errnos.emplace(key, count);
  return part;
}

std::string syscall_name(uint32_t nr) {
  std::string_view name = syscalls::name_of(nr);
  return name.empty() ? fmt::format("syscall_{}", nr) : std::string(name);
}

std::vector<uint32_t> sorted(const Summary& summary, SortKey key) {
  std::vector<uint32_t> order;
  order.reserve(summary.syscalls.size());
  for (const auto& [nr, stats] : summary.syscalls) order.push_back(nr);  // number order
  auto by = [&](auto value) {
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return value(summary.syscalls.at(a)) > value(summary.syscalls.at(b));
    });
  };
  switch (key) {
    case SortKey::Time:
      by([](const Stats& s) { return s.total_ns; });
      break;
    case SortKey::MinTime:  // strace puts the largest minimum first, too
      by([](const Stats& s) { return s.min_ns(); });
      break;
    case SortKey::MaxTime:
      by([](const Stats& s) { return s.max_ns; });
      break;
    case SortKey::AvgTime:
      by([](const Stats& s) { return s.avg_ns(); });
      break;
    case SortKey::Calls:
      by([](const Stats& s) { return s.calls; });
      break;
    case SortKey::Errors:
      by([](const Stats& s) { return s.errors; });
      break;
    case SortKey::Name:
      std::stable_sort(order.begin(), order.end(),
                       [](uint32_t a, uint32_t b) { return syscall_name(a) < syscall_name(b); });
      break;
    case SortKey::Nothing:
      break;
  }
  return order;
}

}  // namespace estrace::summary
