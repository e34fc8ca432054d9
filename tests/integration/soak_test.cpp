// Soak: estrace attached with -f to a busy multi-process workload for a while (60 s by
// default, ESTRACE_SOAK_SECONDS for the long run): its memory stays flat after warm-up,
// nothing is lost with the default settings, and every process is accounted for.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <thread>

#include "harness.h"

namespace it {
namespace {

class Soak : public EstraceTest {};

// RssAnon of `pid` in KiB (the heap: what a leak grows; the rings are file pages, resident
// whole from the start), or -1 when it is gone.
long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("RssAnon:", 0) == 0) return std::strtol(line.c_str() + 8, nullptr, 10);
  return -1;
}

// The largest y among points with t in [from, to).
double peak(const std::vector<std::pair<double, double>>& points, double from, double to) {
  double best = 0;
  for (const auto& [t, y] : points)
    if (t >= from && t < to) best = std::max(best, y);
  return best;
}

// Least-squares slope of (t, y), in y units per unit of t.
double slope(const std::vector<std::pair<double, double>>& points) {
  double n = static_cast<double>(points.size()), st = 0, sy = 0, stt = 0, sty = 0;
  for (const auto& [t, y] : points) {
    st += t;
    sy += y;
    stt += t * t;
    sty += t * y;
  }
  return (n * sty - st * sy) / (n * stt - st * st);
}

TEST_F(Soak, FlatMemoryNoLossEveryProcessAccountedFor) {
  const char* env = std::getenv("ESTRACE_SOAK_SECONDS");
  const int seconds = env ? std::atoi(env) : 60;
  TempDir dir;
  const std::string trace = dir.file("trace");
  SpawnOptions quiet_out;
  quiet_out.stdout_path = dir.file("out");
  Child tracer(
      {estrace_path(), "-f", "-o", trace, "--", program("soak_load"), std::to_string(seconds)},
      quiet_out);
  // Memory once a second; the first third is warm-up (tables and buffers reaching size).
  std::vector<std::pair<double, double>> samples;
  const auto start = Clock::now();
  while (!tracer.exited()) {
    long kib = rss_kib(tracer.pid());
    double t = std::chrono::duration<double>(Clock::now() - start).count();
    if (kib > 0 && t > seconds / 3.0) samples.emplace_back(t, kib / 1024.0);
    tracer.wait_exit(Clock::now() + 1s);
    ASSERT_LT(t, seconds + 120.0) << "estrace did not end with its command";
  }
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_EQ(status, std::optional<int>(0)) << tracer.err();
  EXPECT_EQ(tracer.err().find("lost"), std::string::npos) << tracer.err();

  std::smatch m;
  const std::string out = read_file(dir.file("out"));
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(children (\d+))"))) << out;
  const long children = std::stol(m[1]);
  std::ifstream in(trace);
  std::string line;
  long exits = 0;
  std::regex exited(R"(^\d+ +\+\+\+ exited with 0 \+\+\+$)");
  while (std::getline(in, line)) exits += std::regex_match(line, exited);
  EXPECT_EQ(exits, children + 1) << "children " << children;

  // Batches come and go, so single samples wander by a megabyte: a leak shows as the last
  // third's peak above the middle third's.
  ASSERT_GE(samples.size(), 6u);
  const double mib_per_minute = slope(samples) * 60;
  const double middle = peak(samples, seconds / 3.0, seconds * 2 / 3.0);
  const double last = peak(samples, seconds * 2 / 3.0, 1e9);
  std::printf("soak: %d s, %ld processes, heap peak %.1f MiB then %.1f MiB, slope %.3f MiB/min\n",
              seconds, children + 1, middle, last, mib_per_minute);
  EXPECT_LT(last - middle, 1.0) << "estrace's memory grows while tracing (slope " << mib_per_minute
                                << " MiB/min)";
}

}  // namespace
}  // namespace it
