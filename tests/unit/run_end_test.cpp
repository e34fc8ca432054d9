// app/run_end: estrace's exit status, from how the run ended.
#include "estrace/app/run_end.h"

#include <csignal>

#include <gtest/gtest.h>

namespace estrace::app {
namespace {

// A wait status as waitpid reports a normal exit with `code`, or a death by `sig`.
int exited(int code) { return code << 8; }
int killed(int sig) { return sig; }

Ending reaped(int wait_status) {
  Ending e;
  e.reaped = true;
  e.wait_status = wait_status;
  return e;
}

TEST(RunEnd, TheCommandsStatus) {
  EXPECT_EQ(exit_status(reaped(exited(0)), true, false), 0);
  EXPECT_EQ(exit_status(reaped(exited(3)), true, false), 3);
  EXPECT_EQ(exit_status(reaped(killed(SIGKILL)), true, false), 128 + SIGKILL);
}

TEST(RunEnd, ACommandNotWaitedForDiesOfTheStopSignal) {
  Ending e;
  e.detaching = true;
  e.stop_signal = SIGTERM;
  EXPECT_EQ(exit_status(e, true, false), 128 + SIGTERM);
}

TEST(RunEnd, NoCommandIsZero) {
  Ending e = reaped(0);
  e.detaching = true;
  e.stop_signal = SIGINT;
  EXPECT_EQ(exit_status(e, false, false), 0);
}

// An incomplete trace (a failed write, events lost with --fail-on-loss) makes a 0 a 1; a
// failing command's own status is kept.
TEST(RunEnd, AnIncompleteTraceIsNoSuccess) {
  EXPECT_EQ(exit_status(reaped(exited(0)), true, true), 1);
  EXPECT_EQ(exit_status(reaped(exited(3)), true, true), 3);
  EXPECT_EQ(exit_status(reaped(0), false, true), 1);
}

}  // namespace
}  // namespace estrace::app
