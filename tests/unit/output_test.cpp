// output: strace's line assembly, expectations taken from strace 6.1 runs of the same calls.
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "estrace/abi/capture_spec.h"
#include "estrace/abi/event.h"
#include "estrace/decode/pid_comms.h"
#include "estrace/format/io_dump.h"
#include "estrace/output/path_filter.h"
#include "estrace/output/trace_writer.h"
#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"

namespace estrace::output {
namespace {

model::Call call(uint32_t tid, std::string_view name, std::array<uint64_t, 6> args, int64_t ret) {
  model::Call c;
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
  std::string text() {
    sink.flush();
    return out.str();
  }
};

TEST_F(WriterTest, WholeCallAlignsReturnAtColumn40) {
  writer.add_task(10);
  writer.on_call_end(call(10, "close", {3}, 0), false);
  EXPECT_EQ((sink.flush(), out.str()), "close(3)                                = 0\n");
}

TEST_F(WriterTest, StartedCallCompletesOnTheSameLine) {
  writer.add_task(10);
  writer.on_call_start(call(10, "flock", {3, 2}, 0), false);
  EXPECT_EQ((sink.flush(), out.str()), "flock(3, LOCK_EX");  // left open, as strace leaves it
  writer.on_call_end(call(10, "flock", {3, 2}, 0), true);
  EXPECT_EQ((sink.flush(), out.str()), "flock(3, LOCK_EX)                       = 0\n");
}

TEST_F(WriterTest, InterleavedTasksGetUnfinishedAndResumedWithPidPrefix) {
  writer.add_task(6876);
  writer.add_task(6877);
  writer.on_call_start(call(6876, "flock", {3, 2}, 0), false);
  writer.on_call_end(call(6877, "kill", {6878, 9}, 0), false);
  writer.on_call_end(call(6876, "flock", {3, 2}, 0), true);
  EXPECT_EQ((sink.flush(), out.str()),
            "[pid  6876] flock(3, LOCK_EX <unfinished ...>\n"
            "[pid  6877] kill(6878, SIGKILL)         = 0\n"
            "[pid  6876] <... flock resumed>)        = 0\n");
}

TEST_F(WriterTest, PrefixDisappearsWhenOneTaskIsLeft) {
  writer.add_task(1);
  writer.on_fork(1, 2, 2);
  writer.on_exit(model::Exit{2, 2, 5, 0});
  writer.on_call_end(call(1, "close", {3}, 0), false);
  EXPECT_EQ((sink.flush(), out.str()),
            "[pid     2] +++ exited with 0 +++\n"
            "close(3)                                = 0\n");
}

TEST_F(WriterTest, CallInProgressAtAttachIsShownAtOnce) {
  writer.add_task(5);
  writer.on_call_start(call(5, "flock", {3, 2}, 0), true);
  writer.on_call_end(call(5, "flock", {3, 2}, 0), true);
  EXPECT_EQ((sink.flush(), out.str()),
            "flock(3, LOCK_EX <unfinished ...>\n"
            "<... flock resumed>)                    = 0\n");
}

TEST_F(WriterTest, KilledInsideACallEndsWithQuestionMark) {
  writer.add_task(7);
  writer.on_call_start(call(7, "pause", {}, 0), false);
  auto killed = call(7, "pause", {}, 0);
  killed.returned = false;
  writer.on_call_end(killed, true);
  writer.on_exit(model::Exit{7, 7, 9, 9});
  EXPECT_EQ((sink.flush(), out.str()),
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
  EXPECT_EQ((sink.flush(), out.str()), "6881  wait4(6883, NULL, 0, NULL)        = 6883\n");
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
  EXPECT_EQ((sink.flush(), out.str()), "1700000000.001000 close(3)              = 0 <0.000123>\n");
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

// Display options (issue 3). Expected lines are strace 6.1's for the same calls.

// A Call whose argument `arg` has the captured `bytes`.
model::Call with_capture(model::Call c, int arg, std::string_view bytes) {
  c.captures[0].arg = static_cast<uint8_t>(arg);
  c.captures[0].data = bytes;
  c.ncaptures = 1;
  return c;
}

struct Harness {
  explicit Harness(LineOptions options = {}, format::Style style = {})
      : sink(out), writer(format::CallFormatter(style), std::move(options), sink) {
    writer.add_task(3494);
  }
  std::ostringstream out;
  StreamSink sink;
  TraceWriter writer;
  std::string text() {
    sink.flush();
    return out.str();
  }
};

TEST(WriterDisplay, SyscallNumberAfterPidAndTimestamp) {
  LineOptions options;
  options.syscall_numbers = true;
  Harness h(options);
  h.writer.on_call_end(call(3494, "kill", {3494, 10}, 0), false);
  model::Signal sig;
  sig.tid = sig.tgid = 3494;
  sig.sig = 10;
  sig.siginfo[0] = 10;  // si_signo; si_code SI_USER
  h.writer.on_signal(sig);
  h.writer.on_call_end(call(3494, "lseek", {0, 0, 2}, 0), false);
  EXPECT_EQ(h.text(),
            "[  62] kill(3494, SIGUSR1)              = 0\n"
            "[  62] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=0, si_uid=0} ---\n"
            "[   8] lseek(0, 0, SEEK_END)            = 0\n");
}

model::Call ia32_call(uint32_t tid, std::string_view name, std::array<uint64_t, 6> args,
                      int64_t ret) {
  model::Call c = call(tid, "getpid", args, ret);
  c.nr = *syscalls::compat_number_of(name);
  c.compat = true;
  return c;
}

// strace 6.1 on int $0x80 from a 64-bit program, with -n: the notice carries the number of the
// task's previous call, and a child starts in its parent's mode.
TEST(WriterDisplay, PersonalityNotices) {
  LineOptions options;
  options.syscall_numbers = true;
  options.personality_notices = true;
  Harness h(options);
  h.writer.on_call_end(call(3494, "getpid", {}, 3494), false);
  h.writer.on_call_end(ia32_call(3494, "getpid", {}, 3494), false);
  h.writer.on_call_end(ia32_call(3494, "getpid", {}, 3494), false);
  h.writer.on_fork(3494, 3495, 3495);
  h.writer.on_call_end(ia32_call(3495, "getpid", {}, 3495), false);
  h.writer.on_call_end(call(3494, "exit_group", {0}, 0), false);
  EXPECT_EQ(h.text(),
            "[  39] getpid()                         = 3494\n"
            "[  39] [ Process PID=3494 runs in 32 bit mode. ]\n"
            "[  20] getpid()                         = 3494\n"
            "[  20] getpid()                         = 3494\n"
            "[pid  3495] [  20] getpid()             = 3495\n"
            "[pid  3494] [  20] [ Process PID=3494 runs in 64 bit mode. ]\n"
            "[pid  3494] [ 231] exit_group(0)        = 0\n");

  Harness quiet;  // personality_notices off: -o, -q
  quiet.writer.on_call_end(ia32_call(3494, "getpid", {}, 3494), false);
  EXPECT_EQ(quiet.text(), "getpid()                                = 3494\n");
}

// A name table that knows one process.
class OneName : public model::PidNames {
 public:
  std::optional<std::string> comm(int pid, uint64_t, bool) const override {
    if (pid == 3532) return "f";
    return std::nullopt;
  }
};

// What a -f -o writer with -Y (and `hex`) writes for process 3532's `calls`.
std::string with_pid_names(const model::PidNames& names, const std::vector<model::Call>& calls,
                           format::HexMode hex = format::HexMode::None) {
  format::Style style;
  style.pids = &names;
  style.hex = hex;
  LineOptions options;
  options.comms = &names;
  options.pid_prefix_always = true;
  options.to_terminal_stream = false;
  std::ostringstream out;
  StreamSink sink(out);
  TraceWriter writer(format::CallFormatter(style), options, sink);
  writer.add_task(3532);
  for (const auto& c : calls) writer.on_call_end(c, false);
  sink.flush();
  return out.str();
}

TEST(WriterDisplay, DecodePidsInPrefixesArgumentsAndResults) {
  OneName names;
  EXPECT_EQ(
      with_pid_names(names, {call(3532, "getpid", {}, 3532), call(3532, "kill", {3532, 28}, 0),
                             call(3532, "wait4", {3533, 0, 0, 0}, 3533)}),  // 3533 is gone
      "3532<f> getpid()                        = 3532<f>\n"
      "3532<f> kill(3532<f>, SIGWINCH)         = 0\n"
      "3532<f> wait4(3533, NULL, 0, NULL)      = 3533\n");
}

// A process name is the process's own bytes: escaped as strace escapes it, '<' and '>' too.
class HostileName : public model::PidNames {
 public:
  std::optional<std::string> comm(int, uint64_t, bool) const override { return "ev\x1b[31mX<>"; }
};

TEST(WriterDisplay, DecodedPidNamesAreEscaped) {
  HostileName names;
  EXPECT_EQ(with_pid_names(names, {call(3532, "getpid", {}, 3532)}),
            "3532<ev\\33[31mX\\74\\76> getpid()         = 3532<ev\\33[31mX\\74\\76>\n");
  // -x: a byte that needs escaping makes the whole name hex.
  EXPECT_EQ(with_pid_names(names, {call(3532, "close", {3}, 0)}, format::HexMode::NonAscii),
            "3532<\\x65\\x76\\x1b\\x5b\\x33\\x31\\x6d\\x58\\x3c\\x3e> close(3) = 0\n");
}

TEST(WriterDisplay, DecodePidsOnTheTerminal) {
  OneName names;
  LineOptions options;
  options.comms = &names;
  options.terminal_prefix_always = true;
  std::ostringstream out;
  StreamSink sink(out);
  TraceWriter writer(format::CallFormatter(format::Style{}), options, sink);
  writer.on_call_end(call(3532, "close", {3}, 0), false);
  writer.on_call_end(call(77, "close", {3}, 0), false);
  EXPECT_EQ((sink.flush(), out.str()),
            "[pid  3532<f>] close(3)                 = 0\n"
            "[pid    77] close(3)                    = 0\n");
}

TEST(WriterDisplay, PidCommsFollowExecAndFork) {
  decode::PidComms comms;
  comms.set(10, "estrace");
  comms.exec(10, 10, std::string_view("t\0\0\0", 4), 500);
  EXPECT_EQ(comms.comm(10, 400, true), "estrace");  // an execve line started before it
  EXPECT_EQ(comms.comm(10, 600, true), "t");
  EXPECT_EQ(comms.comm(10, 0, true), "t");
  comms.fork(10, 11);
  EXPECT_EQ(comms.comm(11, 0, true), "t");
  comms.exit(11);
  EXPECT_EQ(comms.comm(11, 0, false), decode::read_proc_comm(11));
  EXPECT_EQ(comms.comm(0, 0, false), std::nullopt);
}

TEST(WriterDisplay, SignalSetHidesOtherSignals) {
  LineOptions options;
  options.show_signal = [](int sig) { return sig == 12; };
  Harness h(options);
  model::Signal sig;
  sig.tid = sig.tgid = 3494;
  sig.sig = sig.siginfo[0] = 10;
  h.writer.on_signal(sig);
  sig.sig = sig.siginfo[0] = 12;
  h.writer.on_signal(sig);
  EXPECT_EQ(h.text(), "--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_USER, si_pid=0, si_uid=0} ---\n");
}

TEST(HexDump, StraceLayout) {
  fmt::memory_buffer out;
  std::string data = "Hello\n\x01\xff" + std::string(92, 'A');
  format::format_hexdump(data, out);
  std::string text(out.data(), out.size());
  EXPECT_EQ(text.substr(0, 79),
            " | 00000  48 65 6c 6c 6f 0a 01 ff  41 41 41 41 41 41 41 41  Hello...AAAAAAAA |\n");
  EXPECT_EQ(text.substr(text.size() - 79),
            " | 00060  41 41 41 41                                       AAAA             |\n");
}

TEST(WriterDisplay, DumpsWritesWholeAndShowsMinusSOnTheLine) {
  LineOptions options;
  options.dump_write = [](int fd) { return fd == 3; };
  Harness h(options);
  std::string data = "Hello\n\x01\xff" + std::string(92, 'A');
  h.writer.on_call_end(with_capture(call(3494, "write", {3, 0x1000, 100}, 100), 1, data), false);
  h.writer.on_call_end(with_capture(call(3494, "write", {4, 0x1000, 3}, 3), 1, "xyz"), false);
  std::string text = h.text();
  EXPECT_TRUE(
      text.starts_with("write(3, \"Hello\\n\\1\\377AAAAAAAAAAAAAAAAAAAAAAAA\"..., 100) = 100\n"
                       " | 00000  48 65 6c 6c 6f 0a 01 ff"))
      << text;
  EXPECT_NE(text.find(" | 00060  41 41 41 41                                       AAAA"
                      "             |\nwrite(4, \"xyz\", 3)"),
            std::string::npos);
}

TEST(WriterDisplay, DumpsReadsOnlyWhatTheyReturned) {
  LineOptions options;
  options.dump_read = [](int) { return true; };
  Harness h(options);
  h.writer.on_call_end(with_capture(call(3494, "pread64", {3, 0x1000, 4, 2}, 4), 1, "zlo\n"),
                       false);
  h.writer.on_call_end(call(3494, "read", {3, 0x1000, 4}, -9), false);  // EBADF: no dump
  EXPECT_EQ(h.text(),
            "pread64(3, \"zlo\\n\", 4, 2)               = 4\n"
            " | 00000  7a 6c 6f 0a                                       zlo.             |\n"
            "read(3, 0x1000, 4)                      = -1 EBADF (Bad file descriptor)\n");
}

TEST(WriterDisplay, DumpsEachIovecBuffer) {
  auto item = [](std::string_view bytes) {
    es_iovec_item it{};
    it.base = 0x2000;
    it.len = bytes.size();
    it.copied = static_cast<uint32_t>(bytes.size());
    std::string s(reinterpret_cast<const char*>(&it), sizeof it);
    return s + std::string(bytes);
  };
  std::string iov = item("abc") + item("defgh");
  fmt::memory_buffer out;
  auto c = with_capture(call(3494, "writev", {3, 0x1000, 2}, 8), 1, iov);
  format::format_io_dump(
      c, {}, [](int) { return true; }, out);
  EXPECT_EQ(std::string(out.data(), out.size()),
            " * 3 bytes in buffer 0\n"
            " | 00000  61 62 63                                          abc              |\n"
            " * 5 bytes in buffer 1\n"
            " | 00000  64 65 66 67 68                                    defgh            |\n");
}

TEST(WriterDisplay, XlatRawAndVerbose) {
  format::Style style;
  style.xlat = format::XlatMode::Raw;
  auto openat = with_capture(call(3494, "openat", {uint64_t(-100), 0x1000, 0x80241, 0644}, 3), 1,
                             std::string_view("/tmp/opt/data.txt\0", 18));
  auto mmap = call(3494, "mmap", {0, 4096, 3, 0x22, uint64_t(-1), 0}, 0x7f6bbed18000);
  {
    Harness h({}, style);
    h.writer.on_call_end(openat, false);
    h.writer.on_call_end(mmap, false);
    h.writer.on_call_end(call(3494, "kill", {3494, 10}, 0), false);
    EXPECT_EQ(h.text(),
              "openat(-100, \"/tmp/opt/data.txt\", 0x80241, 0644) = 3\n"
              "mmap(NULL, 4096, 0x3, 0x22, -1, 0)      = 0x7f6bbed18000\n"
              "kill(3494, 10)                          = 0\n");
  }
  style.xlat = format::XlatMode::Verbose;
  Harness h({}, style);
  h.writer.on_call_end(openat, false);
  h.writer.on_call_end(mmap, false);
  h.writer.on_call_end(call(3494, "lseek", {0, 0, 2}, 0), false);
  EXPECT_EQ(
      h.text(),
      "openat(-100 /* AT_FDCWD */, \"/tmp/opt/data.txt\", 0x80241 /* "
      "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC */, 0644) = 3\n"
      "mmap(NULL, 4096, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, "
      "-1, 0) = 0x7f6bbed18000\n"
      "lseek(0, 0, 0x2 /* SEEK_END */)         = 0\n");
}

// Descriptor names for the path filter: fd 3 of process 1 is the file.
class OneFd : public model::FdNames {
 public:
  std::optional<model::FdName> name(uint32_t tgid, int fd) const override {
    if (tgid == 3494 && fd == 3) return model::FdName{"/tmp/opt/data.txt", {}};
    return std::nullopt;
  }
};

TEST(PathFilter, PathArgumentsAndDescriptorsOpenOnThePath) {
  OneFd fds;
  Harness h;
  PathFilter filter({"/tmp/opt/data.txt"}, fds, h.writer);
  filter.on_call_end(with_capture(call(3494, "openat", {uint64_t(-100), 0x1000, 0}, 3), 1,
                                  std::string_view("/tmp/opt/data.txt\0", 18)),
                     false);
  filter.on_call_end(with_capture(call(3494, "openat", {uint64_t(-100), 0x1000, 0}, 4), 1,
                                  std::string_view("/etc/passwd\0", 12)),
                     false);
  filter.on_call_end(call(3494, "close", {3}, 0), false);
  filter.on_call_end(call(3494, "close", {4}, 0), false);
  filter.on_call_end(call(3494, "getpid", {}, 3494), false);
  EXPECT_EQ(h.text(),
            "openat(AT_FDCWD, \"/tmp/opt/data.txt\", O_RDONLY) = 3\n"
            "close(3)                                = 0\n");
  EXPECT_TRUE(may_touch_path(*syscalls::number_of("close")));
  EXPECT_TRUE(may_touch_path(*syscalls::number_of("openat")));
  EXPECT_FALSE(may_touch_path(*syscalls::number_of("getpid")));
}

}  // namespace
}  // namespace estrace::output
