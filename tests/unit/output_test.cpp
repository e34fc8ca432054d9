// output: strace's line assembly, expectations taken from strace 6.1 runs of the same calls.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "estrace/output/trace_writer.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::output {
namespace {

decode::Call call(uint32_t tid, std::string_view name, std::array<uint64_t, 6> args, int64_t ret) {
  decode::Call c;
  c.tid = c.tgid = tid;
  c.nr = *syscalls::number_of(name);
  c.args = args;
  c.ret = ret;
  c.enter_ns = 1'000'000;
  c.exit_ns = 1'000'123;
  return c;
}

class WriterTest : public ::testing::Test {
 protected:
  WriterTest() : sink(out), writer(format::CallFormatter(format::Style{}), LineOptions{}, sink) {}
  std::ostringstream out;
  StreamSink sink;
  TraceWriter writer;
};

TEST_F(WriterTest, WholeCallAlignsReturnAtColumn40) {
  writer.add_task(10);
  writer.on_call_end(call(10, "close", {3}, 0), false);
  EXPECT_EQ(out.str(), "close(3)                                = 0\n");
}

TEST_F(WriterTest, StartedCallCompletesOnTheSameLine) {
  writer.add_task(10);
  writer.on_call_start(call(10, "flock", {3, 2}, 0), false);
  EXPECT_EQ(out.str(), "flock(3, LOCK_EX");  // left open, as strace leaves it
  writer.on_call_end(call(10, "flock", {3, 2}, 0), true);
  EXPECT_EQ(out.str(), "flock(3, LOCK_EX)                       = 0\n");
}

TEST_F(WriterTest, InterleavedTasksGetUnfinishedAndResumedWithPidPrefix) {
  writer.add_task(6876);
  writer.add_task(6877);
  writer.on_call_start(call(6876, "flock", {3, 2}, 0), false);
  writer.on_call_end(call(6877, "kill", {6878, 9}, 0), false);
  writer.on_call_end(call(6876, "flock", {3, 2}, 0), true);
  EXPECT_EQ(out.str(),
            "[pid  6876] flock(3, LOCK_EX <unfinished ...>\n"
            "[pid  6877] kill(6878, SIGKILL)         = 0\n"
            "[pid  6876] <... flock resumed>)        = 0\n");
}

TEST_F(WriterTest, PrefixDisappearsWhenOneTaskIsLeft) {
  writer.add_task(1);
  writer.on_fork(1, 2, 2);
  writer.on_exit(decode::Exit{2, 2, 5, 0});
  writer.on_call_end(call(1, "close", {3}, 0), false);
  EXPECT_EQ(out.str(),
            "[pid     2] +++ exited with 0 +++\n"
            "close(3)                                = 0\n");
}

TEST_F(WriterTest, CallInProgressAtAttachIsShownAtOnce) {
  writer.add_task(5);
  writer.on_call_start(call(5, "flock", {3, 2}, 0), true);
  writer.on_call_end(call(5, "flock", {3, 2}, 0), true);
  EXPECT_EQ(out.str(),
            "flock(3, LOCK_EX <unfinished ...>\n"
            "<... flock resumed>)                    = 0\n");
}

TEST_F(WriterTest, KilledInsideACallEndsWithQuestionMark) {
  writer.add_task(7);
  writer.on_call_start(call(7, "pause", {}, 0), false);
  auto killed = call(7, "pause", {}, 0);
  killed.returned = false;
  writer.on_call_end(killed, true);
  writer.on_exit(decode::Exit{7, 7, 9, 9});
  EXPECT_EQ(out.str(),
            "pause()                                 = ?\n"
            "+++ killed by SIGKILL +++\n");
}

TEST(Writer, FileOutputWithFollowPrefixesEveryLine) {
  std::ostringstream out;
  StreamSink sink(out);
  LineOptions options;
  options.pid_prefix_always = true;
  options.to_terminal_stream = false;
  TraceWriter writer(format::CallFormatter(format::Style{}), options, sink);
  writer.add_task(6881);
  writer.on_call_end(call(6881, "wait4", {6883, 0, 0, 0}, 6883), false);
  EXPECT_EQ(out.str(), "6881  wait4(6883, NULL, 0, NULL)        = 6883\n");
}

TEST(Writer, DurationAndTimestamps) {
  std::ostringstream out;
  StreamSink sink(out);
  LineOptions options;
  options.show_duration = true;
  options.time = format::TimeMode::Epoch;
  options.realtime_offset_ns = 1'700'000'000'000'000'000;
  TraceWriter writer(format::CallFormatter(format::Style{}), options, sink);
  writer.add_task(1);
  auto closed = call(1, "close", {3}, 0);
  closed.exit_ns = closed.enter_ns + 123'456;  // -T shows microseconds
  writer.on_call_end(closed, false);
  EXPECT_EQ(out.str(), "1700000000.001000 close(3)              = 0 <0.000123>\n");
}

TEST(Writer, PerTaskStreamsNeverInterleave) {
  class TwoStreams : public Sink {
   public:
    std::map<uint32_t, std::string> text;
    void write(uint32_t tid, std::string_view t) override { text[tid] += t; }
    void flush() override {}
    bool per_task() const override { return true; }
  } sink;
  TraceWriter writer(format::CallFormatter(format::Style{}), LineOptions{}, sink);
  writer.add_task(1);
  writer.add_task(2);
  writer.on_call_start(call(1, "flock", {3, 2}, 0), false);
  writer.on_call_end(call(2, "close", {3}, 0), false);
  writer.on_call_end(call(1, "flock", {3, 2}, 0), true);
  EXPECT_EQ(sink.text[1], "flock(3, LOCK_EX)                       = 0\n");
  EXPECT_EQ(sink.text[2], "close(3)                                = 0\n");
}

}  // namespace
}  // namespace estrace::output
