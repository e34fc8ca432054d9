// app: the pieces of the pipeline that run without BPF.
#include <sched.h>

#include <fstream>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "estrace/app/cpu_kick.h"

namespace estrace::app {
namespace {

// How many times the scheduler has moved this thread between CPUs (kernel scheduler
// statistics); nullopt where the kernel does not show them.
std::optional<long> migrations() {
  std::ifstream in("/proc/thread-self/sched");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("se.nr_migrations", 0) == 0) return std::stol(line.substr(line.find(':') + 1));
  return std::nullopt;
}

// Moved since `before` (a count, else the CPU it was on): the count cannot be undone by the
// scheduler moving it back before the check.
bool moved_since(std::optional<long> before_count, int before_cpu) {
  if (auto now = migrations(); now && before_count) return *now > *before_count;
  return sched_getcpu() != before_cpu;
}

// Restores the test thread's CPUs whatever a test did with them.
class Affinity : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sched_getaffinity(0, sizeof saved_, &saved_), 0); }
  void TearDown() override { sched_setaffinity(0, sizeof saved_, &saved_); }
  cpu_set_t saved_;
};

TEST_F(Affinity, AKickMovesTheThreadAndLeavesItsCpusAsTheyWere) {
  if (CPU_COUNT(&saved_) < 2) GTEST_SKIP() << "one CPU: nowhere to move";
  const int before = sched_getcpu();
  const auto count = migrations();
  CpuKick kick(1'000'000);
  EXPECT_TRUE(kick.tick(1));
  EXPECT_TRUE(moved_since(count, before));  // at once: the CPU it ran on was forbidden
  cpu_set_t now;
  ASSERT_EQ(sched_getaffinity(0, sizeof now, &now), 0);
  EXPECT_TRUE(CPU_EQUAL(&now, &saved_));
}

TEST_F(Affinity, NoKickBeforeThePeriodHasPassed) {
  if (CPU_COUNT(&saved_) < 2) GTEST_SKIP() << "one CPU: nowhere to move";
  CpuKick kick(1'000'000);
  EXPECT_TRUE(kick.tick(1));
  EXPECT_FALSE(kick.tick(500'000));  // within the period
  const int cpu = sched_getcpu();
  const auto count = migrations();
  EXPECT_TRUE(kick.tick(1'000'001));  // a period later: moves again
  EXPECT_TRUE(moved_since(count, cpu));
}

TEST_F(Affinity, AThreadKeptToOneCpuStaysThere) {
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(sched_getcpu(), &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  CpuKick kick(1'000'000);
  EXPECT_FALSE(kick.tick(1));
  cpu_set_t now;
  ASSERT_EQ(sched_getaffinity(0, sizeof now, &now), 0);
  EXPECT_TRUE(CPU_EQUAL(&now, &one));  // the user's taskset is never widened
}

}  // namespace
}  // namespace estrace::app
