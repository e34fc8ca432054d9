// summary: strace -c's table against real strace 6.1 output, sort orders, percentiles on known
// distributions, interval deltas, and the other texts (latency, histograms, errnos, JSON).
#include "estrace/summary/summary.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "estrace/summary/report.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::summary {
namespace {

uint32_t nr(const char* name) {
  auto n = syscalls::number_of(name);
  EXPECT_TRUE(n.has_value()) << name;
  return n.value_or(0);
}

// One row of a known summary: counts and times as the kernel would have aggregated them.
struct Row {
  const char* name;
  uint64_t calls;
  uint64_t errors;
  uint64_t total_ns;
  uint64_t max_ns = 0;  // 0: the mean
};

Summary summary_of(const std::vector<Row>& rows) {
  Summary s;
  for (const Row& r : rows) {
    Stats& st = s.syscalls[nr(r.name)];
    st.calls = r.calls;
    st.errors = r.errors;
    st.total_ns = r.total_ns;
    const uint64_t avg = r.total_ns / r.calls;
    st.max_ns = r.max_ns != 0 ? r.max_ns : avg;
    st.hist[es_hist_bucket(st.max_ns)] += 1;
    st.hist[es_hist_bucket(avg)] += r.calls - 1;
  }
  return s;
}

std::string table(const Summary& s, SortKey sort = SortKey::Time,
                  const std::vector<Column>& columns = default_columns()) {
  fmt::memory_buffer out;
  write_table(out, s, sort, columns);
  return fmt::to_string(out);
}

// `strace -c -w -o default.txt ./prog`, strace 6.1 on this machine; prog: 5 sched_getaffinity,
// 3 nanosleep(2 ms), 7 failing open, 1000 getppid. The nanoseconds below reproduce every number
// strace printed (it prints them rounded; they were solved back from its rounding).
const std::vector<Row> kStraceRun = {
    {"clock_nanosleep", 3, 0, 9378118},
    {"getppid", 1000, 0, 7123965},
    {"execve", 1, 0, 453679},
    {"mmap", 8, 0, 111024},
    {"openat", 9, 7, 83593},
    {"sched_getaffinity", 5, 0, 39409},
    {"mprotect", 3, 0, 38671},
    {"newfstatat", 2, 0, 16345},
    {"pread64", 2, 0, 15518},
    {"munmap", 1, 0, 15141},
    {"close", 2, 0, 15140},
    {"access", 1, 1, 9301},
    {"prlimit64", 1, 0, 8268},
    {"read", 1, 0, 8267},
    {"set_tid_address", 1, 0, 7814},
    {"arch_prctl", 1, 0, 7813},
    {"set_robust_list", 1, 0, 7671},
    {"rseq", 1, 0, 7566},
    {"brk", 1, 0, 7565},
};

constexpr const char* kStraceDefault =
    R"(% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ------------------
 54.04    0.009378        3126         3           clock_nanosleep
 41.05    0.007124           7      1000           getppid
  2.61    0.000454         453         1           execve
  0.64    0.000111          13         8           mmap
  0.48    0.000084           9         9         7 openat
  0.23    0.000039           7         5           sched_getaffinity
  0.22    0.000039          12         3           mprotect
  0.09    0.000016           8         2           newfstatat
  0.09    0.000016           7         2           pread64
  0.09    0.000015          15         1           munmap
  0.09    0.000015           7         2           close
  0.05    0.000009           9         1         1 access
  0.05    0.000008           8         1           prlimit64
  0.05    0.000008           8         1           read
  0.05    0.000008           7         1           set_tid_address
  0.05    0.000008           7         1           arch_prctl
  0.04    0.000008           7         1           set_robust_list
  0.04    0.000008           7         1           rseq
  0.04    0.000008           7         1           brk
------ ----------- ----------- --------- --------- ------------------
100.00    0.017355          16      1044         8 total
)";

TEST(SummaryTable, SameAsStraceDashC) { EXPECT_EQ(table(summary_of(kStraceRun)), kStraceDefault); }

// `strace -c -w -U name,calls,errors,max-time,avg-time,time`, the same program, another run.
TEST(SummaryTable, SameAsStraceWithColumns) {
  const std::vector<Row> run = {
      {"getppid", 1000, 0, 9298733, 248750},
      {"clock_nanosleep", 3, 0, 6255582, 2089750},
      {"munmap", 1, 0, 631563, 631563},
      {"mmap", 8, 0, 558896, 375750},
      {"execve", 1, 0, 160752, 160752},
      {"openat", 9, 7, 84566, 12750},
      {"sched_getaffinity", 5, 0, 36182, 7750},
      {"mprotect", 3, 0, 35282, 13750},
      {"newfstatat", 2, 0, 15296, 7750},
      {"pread64", 2, 0, 14728, 7750},
      {"close", 2, 0, 14419, 7210},
      {"access", 1, 1, 8959, 8959},
      {"read", 1, 0, 7802, 7802},
      {"prlimit64", 1, 0, 7505, 7505},
      {"brk", 1, 0, 7150, 7150},
      {"arch_prctl", 1, 0, 7149, 7149},
      {"set_tid_address", 1, 0, 7148, 7148},
      {"set_robust_list", 1, 0, 6712, 6712},
      {"rseq", 1, 0, 6711, 6711},
  };
  const char* expected =
      R"(syscall                calls    errors  longest  usecs/call % time
------------------ --------- --------- -------- ----------- ------
getppid                 1000           0.000249           9  54.17
clock_nanosleep            3           0.002090        2085  36.44
munmap                     1           0.000632         631   3.68
mmap                       8           0.000376          69   3.26
execve                     1           0.000161         160   0.94
openat                     9         7 0.000013           9   0.49
sched_getaffinity          5           0.000008           7   0.21
mprotect                   3           0.000014          11   0.21
newfstatat                 2           0.000008           7   0.09
pread64                    2           0.000008           7   0.09
close                      2           0.000007           7   0.08
access                     1         1 0.000009           8   0.05
read                       1           0.000008           7   0.05
prlimit64                  1           0.000008           7   0.04
brk                        1           0.000007           7   0.04
arch_prctl                 1           0.000007           7   0.04
set_tid_address            1           0.000007           7   0.04
set_robust_list            1           0.000007           6   0.04
rseq                       1           0.000007           6   0.04
------------------ --------- --------- -------- ----------- ------
total                   1044         8 0.002090          16 100.00
)";
  EXPECT_EQ(table(summary_of(run), SortKey::Time,
                  {Column::Name, Column::Calls, Column::Errors, Column::MaxTime, Column::AvgTime,
                   Column::TimePercent}),
            expected);
}

// `strace -c -f ls /` (system time, all of it below strace's resolution): no time anywhere
// keeps syscall-number order and 0.00 percentages, and the name column is 16 wide.
TEST(SummaryTable, AllZeroTimes) {
  const std::vector<Row> run = {
      {"read", 7, 0, 0},  {"write", 1, 0, 0},    {"close", 23, 0, 0},      {"mmap", 30, 0, 0},
      {"ioctl", 2, 2, 0}, {"openat", 34, 13, 0}, {"newfstatat", 22, 0, 0}, {"rseq", 1, 0, 0},
  };
  EXPECT_EQ(table(summary_of(run)), R"(% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
  0.00    0.000000           0         7           read
  0.00    0.000000           0         1           write
  0.00    0.000000           0        23           close
  0.00    0.000000           0        30           mmap
  0.00    0.000000           0         2         2 ioctl
  0.00    0.000000           0        34        13 openat
  0.00    0.000000           0        22           newfstatat
  0.00    0.000000           0         1           rseq
------ ----------- ----------- --------- --------- ----------------
100.00    0.000000           0       120        15 total
)");
}

// strace prints "name" last when -U leaves it out, and the shortest/longest columns.
TEST(SummaryTable, NameAddedLastAndMinMaxColumns) {
  Summary s;
  s.syscalls[nr("read")].record(1500);
  s.syscalls[nr("read")].record(3000);
  s.syscalls[nr("write")].record(2'500'000'000, true);
  const std::string text =
      table(s, SortKey::Time, {Column::Calls, Column::MinTime, Column::MaxTime});
  EXPECT_EQ(text, R"(    calls shortest  longest syscall
--------- -------- -------- ----------------
        1 2.500000 2.500000 write
        2 0.000001 0.000003 read
--------- -------- -------- ----------------
        3 0.000001 2.500000 total
)");
}

std::vector<std::string> names_in(const Summary& s, SortKey key) {
  std::vector<std::string> names;
  for (uint32_t n : sorted(s, key)) names.push_back(syscall_name(n));
  return names;
}

TEST(SummarySort, CallsLikeStrace) {
  // `strace -c -w -S calls` of the same program: calls descending, ties in number order.
  const std::vector<std::string> strace_order = {"getppid",
                                                 "openat",
                                                 "mmap",
                                                 "sched_getaffinity",
                                                 "mprotect",
                                                 "clock_nanosleep",
                                                 "close",
                                                 "pread64",
                                                 "newfstatat",
                                                 "read",
                                                 "munmap",
                                                 "brk",
                                                 "access",
                                                 "execve",
                                                 "arch_prctl",
                                                 "set_tid_address",
                                                 "set_robust_list",
                                                 "prlimit64",
                                                 "rseq"};
  EXPECT_EQ(names_in(summary_of(kStraceRun), SortKey::Calls), strace_order);
}

TEST(SummarySort, OtherKeys) {
  const Summary s = summary_of({{"write", 2, 1, 300, 200},
                                {"read", 4, 0, 400, 110},
                                {"openat", 1, 1, 250},
                                {"close", 4, 3, 40, 10}});
  using V = std::vector<std::string>;
  EXPECT_EQ(names_in(s, SortKey::Time), (V{"read", "write", "openat", "close"}));
  EXPECT_EQ(names_in(s, SortKey::Name), (V{"close", "openat", "read", "write"}));
  EXPECT_EQ(names_in(s, SortKey::Nothing), (V{"read", "write", "close", "openat"}));
  EXPECT_EQ(names_in(s, SortKey::Errors), (V{"close", "write", "openat", "read"}));
  EXPECT_EQ(names_in(s, SortKey::AvgTime), (V{"openat", "write", "read", "close"}));
  EXPECT_EQ(names_in(s, SortKey::MaxTime), (V{"openat", "write", "read", "close"}));
  // strace sorts min-time descending too.
  EXPECT_EQ(names_in(s, SortKey::MinTime), (V{"openat", "write", "read", "close"}));
}

TEST(SummaryHistogram, BucketsMatchTheBpfSide) {
  for (uint64_t ns : {0ull, 1ull, 15ull, 16ull, 17ull, 31ull, 32ull, 33ull, 1000ull, 1023ull,
                      1024ull, 999'999ull, 1'000'000ull, 10'000'000ull, (1ull << 40) - 1}) {
    const uint32_t b = es_hist_bucket(ns);
    EXPECT_LE(bucket_lower(b), ns) << ns;
    EXPECT_LT(ns, bucket_upper(b)) << ns;
  }
  for (uint32_t i = 0; i + 1 < ES_HIST_BUCKETS; ++i) {
    EXPECT_EQ(bucket_upper(i), bucket_lower(i + 1)) << i;
    EXPECT_EQ(es_hist_bucket(bucket_lower(i)), i) << i;
    EXPECT_EQ(es_hist_bucket(bucket_upper(i) - 1), i) << i;
  }
  EXPECT_EQ(es_hist_bucket(uint64_t{1} << 50), ES_HIST_BUCKETS - 1u);
}

double relative_error(double got, double want) { return std::fabs(got - want) / want; }

TEST(SummaryPercentile, BimodalOneAndTenMilliseconds) {
  Stats s;
  for (int i = 0; i < 900; ++i) s.record(1'000'000);
  for (int i = 0; i < 100; ++i) s.record(10'000'000);
  // Half a bucket around a point mass; the top bucket is capped by the exact max.
  EXPECT_LT(relative_error(percentile(s, 50), 1e6), 1.0 / 32);
  EXPECT_LT(relative_error(percentile(s, 90), 1e6), 1.0 / 16);
  EXPECT_LT(relative_error(percentile(s, 99), 1e7), 1.0 / 16);
  EXPECT_LE(percentile(s, 99), 1e7);
  EXPECT_DOUBLE_EQ(percentile(s, 100), 1e7);
}

TEST(SummaryPercentile, UniformSpreadIsWithinHalfABucket) {
  Stats s;
  // 1 us .. 100 ms in 1 us steps: the p-th percentile is p% of 100 ms.
  for (uint64_t us = 1; us <= 100'000; ++us) s.record(us * 1000);
  for (double p : {10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9}) {
    EXPECT_LT(relative_error(percentile(s, p), p / 100 * 1e8), 1.0 / 32) << p;
  }
}

TEST(SummaryPercentile, ExactBelowSixteenNanoseconds) {
  Stats s;
  for (uint64_t ns = 0; ns < 10; ++ns) s.record(ns);
  EXPECT_EQ(percentile(s, 0), 0);
  EXPECT_EQ(percentile(s, 55), 5);
  EXPECT_EQ(percentile(s, 95), 9);
  EXPECT_EQ(percentile(Stats{}, 50), 0);
}

// The histogram only places a call in its bucket; interpolating inside the bucket must not
// report a latency shorter than the shortest call or longer than the longest.
TEST(SummaryPercentile, StaysWithinMinAndMax) {
  Stats one;
  one.record(441'030);  // one call: min and max are exact
  for (double p : {0.0, 50.0, 90.0, 99.0, 99.9, 100.0})
    EXPECT_DOUBLE_EQ(percentile(one, p), 441'030) << p;

  Stats few;
  for (uint64_t ns : {1'000'100u, 1'000'200u, 1'000'300u}) few.record(ns);
  for (double p : {0.0, 10.0, 50.0, 90.0, 99.0, 99.9, 100.0}) {
    EXPECT_GE(percentile(few, p), static_cast<double>(few.min_ns())) << p;
    EXPECT_LE(percentile(few, p), static_cast<double>(few.max_ns)) << p;
  }
}

TEST(SummaryModel, MergesCpus) {
  std::vector<es_syscall_stats> cpus(3);
  std::fill(cpus.begin(), cpus.end(), es_syscall_stats{});
  cpus[0].calls = 2;
  cpus[0].errors = 1;
  cpus[0].total_ns = 3000;
  cpus[0].max_ns = 2000;
  cpus[0].hist[es_hist_bucket(1000)] = 1;
  cpus[0].hist[es_hist_bucket(2000)] = 1;
  cpus[2].calls = 1;
  cpus[2].total_ns = 5000;
  cpus[2].max_ns = 5000;
  cpus[2].hist[es_hist_bucket(5000)] = 1;
  Summary s;
  s.add_cpus(nr("read"), cpus);
  s.add_cpus(nr("write"), std::vector<es_syscall_stats>(2));  // never called: not listed
  s.add_errno(nr("read"), 11, 1);
  ASSERT_EQ(s.syscalls.size(), 1u);
  const Stats& st = s.syscalls.at(nr("read"));
  EXPECT_EQ(st.calls, 3u);
  EXPECT_EQ(st.errors, 1u);
  EXPECT_EQ(st.total_ns, 8000u);
  EXPECT_EQ(st.max_ns, 5000u);
  EXPECT_EQ(st.avg_ns(), 2667u);
  EXPECT_EQ(st.hist[es_hist_bucket(5000)], 1u);
  EXPECT_EQ(s.errnos.at({nr("read"), 11}), 1u);
}

TEST(SummaryModel, IntervalDeltas) {
  Summary first;
  for (int i = 0; i < 10; ++i) first.syscalls[nr("read")].record(1000);
  first.syscalls[nr("read")].record(50'000);
  first.add_errno(nr("openat"), 2, 4);
  first.syscalls[nr("openat")].record(3000, true);

  Summary second = first;
  for (int i = 0; i < 5; ++i) second.syscalls[nr("read")].record(2000);
  second.syscalls[nr("close")].record(700);
  second.add_errno(nr("openat"), 2, 1);
  second.syscalls[nr("openat")].record(3000, true);

  const Summary d = second.minus(first);
  ASSERT_EQ(d.syscalls.size(), 3u);
  const Stats& read = d.syscalls.at(nr("read"));
  EXPECT_EQ(read.calls, 5u);
  EXPECT_EQ(read.total_ns, 10'000u);
  EXPECT_EQ(read.hist[es_hist_bucket(2000)], 5u);
  EXPECT_EQ(read.hist[es_hist_bucket(1000)], 0u);
  // The running max (50 us) is older than this interval: estimated from its top bucket.
  EXPECT_GE(read.max_ns, 2000u);
  EXPECT_LT(read.max_ns, bucket_upper(es_hist_bucket(2000)));
  EXPECT_EQ(d.syscalls.at(nr("close")).max_ns, 700u);  // new: exact
  EXPECT_EQ(d.syscalls.at(nr("openat")).errors, 1u);
  EXPECT_EQ(d.errnos.at({nr("openat"), 2}), 1u);
  // Nothing new: nothing listed.
  EXPECT_TRUE(second.minus(second).empty());
  EXPECT_TRUE(second.minus(second).errnos.empty());
}

TEST(SummaryText, ErrnoSummary) {
  Summary s = summary_of({{"openat", 10, 9, 10'000}, {"read", 3, 0, 900}, {"access", 2, 2, 50}});
  s.add_errno(nr("openat"), 2, 6);   // ENOENT
  s.add_errno(nr("openat"), 13, 2);  // EACCES
  s.add_errno(nr("access"), 2, 2);
  s.add_errno(nr("openat"), 512, 0);  // nothing
  fmt::memory_buffer out;
  write_errno_summary(out, s, SortKey::Time);
  EXPECT_EQ(fmt::to_string(out),
            "openat: ENOENT 6, EACCES 2, other 1\n"
            "access: ENOENT 2\n");
  EXPECT_EQ(errno_name(512), "ERESTARTSYS");
  EXPECT_EQ(errno_name(4000), "E4000");
}

TEST(SummaryText, LatencyTable) {
  Summary s;
  for (int i = 0; i < 900; ++i) s.syscalls[nr("read")].record(1'000'000);
  for (int i = 0; i < 100; ++i) s.syscalls[nr("read")].record(10'000'000);
  s.syscalls[nr("close")].record(5);
  fmt::memory_buffer out;
  write_latency(out, s, SortKey::Time);
  EXPECT_EQ(fmt::to_string(out),
            "syscall              calls     p50 us     p90 us     p99 us   p99.9 us     max us\n"
            "---------------- --------- ---------- ---------- ---------- ---------- ----------\n"
            "read                  1000   1001.226   1015.790   9995.955   9999.423  10000.000\n"
            "close                    1      0.005      0.005      0.005      0.005      0.005\n"
            "---------------- --------- ---------- ---------- ---------- ---------- ----------\n"
            "total                 1001   1001.208   1015.786   9995.952   9999.423  10000.000\n");
}

TEST(SummaryText, HistogramRows) {
  Summary s;
  for (int i = 0; i < 90; ++i) s.syscalls[nr("read")].record(1500);     // [1.02us, 2.05us)
  for (int i = 0; i < 10; ++i) s.syscalls[nr("read")].record(600'000);  // [524us, 1.05ms)
  s.syscalls[nr("close")].record(3);
  fmt::memory_buffer out;
  write_histograms(out, s, SortKey::Time, {nr("read"), nr("flock")});
  const std::string text = fmt::to_string(out);
  const std::string bar(52, '@');
  EXPECT_NE(text.find("read: 100 calls\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[1.02us, 2.05us)       90 |" + bar + "|\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[2.05us, 4.10us)        0 |" + std::string(52, ' ') + "|\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("[524us, 1.05ms)        10 |@@@@@@" + std::string(46, ' ') + "|\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("close"), std::string::npos) << text;
  EXPECT_NE(text.find("flock: 0 calls\n"), std::string::npos) << text;
}

TEST(SummaryJson, ParsesAndHasTheValues) {
  Summary s;
  for (int i = 0; i < 900; ++i) s.syscalls[nr("openat")].record(1'000'000, i < 812);
  for (int i = 0; i < 100; ++i) s.syscalls[nr("openat")].record(10'000'000);
  s.syscalls[nr("read")].record(2500);
  s.add_errno(nr("openat"), 2, 812);
  fmt::memory_buffer out;
  write_json(out, s, SortKey::Time, {3, 1.5});
  const std::string text = fmt::to_string(out);
  ASSERT_EQ(text.back(), '\n');
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["interval"], 3);
  EXPECT_DOUBLE_EQ(j["seconds"].get<double>(), 1.5);
  ASSERT_EQ(j["syscalls"].size(), 2u);
  const auto& openat = j["syscalls"][0];
  EXPECT_EQ(openat["name"], "openat");
  EXPECT_EQ(openat["nr"], 257);
  EXPECT_EQ(openat["calls"], 1000);
  EXPECT_EQ(openat["errors"], 812);
  EXPECT_DOUBLE_EQ(openat["total_us"].get<double>(), 1'900'000.0);
  EXPECT_DOUBLE_EQ(openat["max_us"].get<double>(), 10'000.0);
  EXPECT_NEAR(openat["p50_us"].get<double>(), 1000.0, 1000.0 / 32);
  EXPECT_NEAR(openat["p99_us"].get<double>(), 10'000.0, 10'000.0 / 16);
  EXPECT_EQ(openat["errnos"]["ENOENT"], 812);
  EXPECT_EQ(j["syscalls"][1]["name"], "read");
  EXPECT_TRUE(j["syscalls"][1]["errnos"].empty());
  EXPECT_EQ(j["total"]["calls"], 1001);
  EXPECT_EQ(j["total"]["errors"], 812);
  // Without an interval, neither "interval" nor "seconds".
  fmt::memory_buffer total;
  write_json(total, Summary{}, SortKey::Time);
  const auto t = nlohmann::json::parse(fmt::to_string(total));
  EXPECT_FALSE(t.contains("interval"));
  EXPECT_TRUE(t["syscalls"].empty());
  EXPECT_EQ(t["total"]["calls"], 0);
}

TEST(SummaryReport, SectionsAsSettingsAsk) {
  Summary s = summary_of({{"read", 2, 0, 2000}});
  Settings settings;
  settings.table = true;
  settings.latency = true;
  fmt::memory_buffer out;
  write_report(out, s, settings, {2, 1.0});
  const std::string text = fmt::to_string(out);
  EXPECT_EQ(text.rfind("--- interval 2 (1.000 s) ---\n% time", 0), 0u) << text;
  EXPECT_NE(text.find("\n\nsyscall              calls     p50 us"), std::string::npos) << text;
  settings.json = true;
  fmt::memory_buffer json;
  write_report(json, s, settings, {2, 1.0});
  EXPECT_EQ(nlohmann::json::parse(fmt::to_string(json))["interval"], 2);
}

// ia32 calls (keys from ES_COMPAT_BASE) get a table of their own after x86_64's, under
// strace's heading, and are marked in JSON.
TEST(SummaryReport, Ia32CallsInATableOfTheirOwn) {
  Summary s = summary_of({{"read", 2, 0, 2000}});
  Stats mmap2;
  mmap2.record(1000);
  const uint32_t mmap2_key = ES_COMPAT_BASE + 192;  // i386's mmap2
  s.syscalls[mmap2_key] = mmap2;
  Settings settings;
  settings.table = true;
  fmt::memory_buffer out;
  write_report(out, s, settings, {});
  const std::string text = fmt::to_string(out);
  const size_t heading = text.find("total\nSystem call usage summary for 32 bit mode:\n% time");
  ASSERT_NE(heading, std::string::npos) << text;
  EXPECT_LT(text.find(" read\n"), heading) << text;
  EXPECT_GT(text.find(" mmap2\n"), heading) << text;
  settings.json = true;
  fmt::memory_buffer json;
  write_report(json, s, settings, {});
  auto parsed = nlohmann::json::parse(fmt::to_string(json));
  bool found = false;
  for (const auto& sc : parsed["syscalls"])
    if (sc["name"] == "mmap2") {
      found = true;
      EXPECT_EQ(sc["nr"], 192);
      EXPECT_EQ(sc["mode"], "32 bit");
    }
  EXPECT_TRUE(found) << parsed.dump();
}

}  // namespace
}  // namespace estrace::summary
