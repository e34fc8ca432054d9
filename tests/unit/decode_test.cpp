// decode: record validation and enter/exit pairing, from records built byte for byte.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "estrace/decode/decoder.h"
#include "record_builder.h"

namespace estrace::decode {
namespace {

using testing::SyscallRecord;

struct Seen {
  std::string what;
  Call call;
  std::vector<std::pair<int, std::string>> captures;
};

class Recorder : public Handler {
 public:
  std::vector<Seen> seen;
  void on_call_start(const Call& c, bool in_progress) override {
    add(in_progress ? "in_progress" : "start", c);
  }
  void on_call_end(const Call& c, bool started) override { add(started ? "resumed" : "whole", c); }
  void on_signal(const Signal& s) override {
    seen.push_back({"signal " + std::to_string(s.sig), {}, {}});
  }
  void on_exit(const Exit& e) override {
    seen.push_back({"exit " + std::to_string(e.status), {}, {}});
  }
  void on_fork(uint32_t p, uint32_t c, uint32_t) override {
    seen.push_back({"fork " + std::to_string(p) + ">" + std::to_string(c), {}, {}});
  }
  void on_exec(uint32_t, uint32_t) override { seen.push_back({"exec", {}, {}}); }

 private:
  void add(std::string what, const Call& c) {
    Seen s{std::move(what), c, {}};
    for (int i = 0; i < c.ncaptures; ++i)
      s.captures.emplace_back(c.captures[i].arg, std::string(c.captures[i].data));
    seen.push_back(std::move(s));
  }
};

TEST(Decoder, WholeCallCarriesArgsReturnAndCaptures) {
  Decoder d;
  Recorder r;
  auto rec = SyscallRecord(ES_REC_SYSCALL, 7, 257)
                 .arg(0, -100)
                 .ret(3)
                 .capture(1, ES_CAP_PATH, "/etc/passwd");
  d.feed(rec.bytes(), r);
  ASSERT_EQ(r.seen.size(), 1u);
  EXPECT_EQ(r.seen[0].what, "whole");
  EXPECT_EQ(r.seen[0].call.nr, 257u);
  EXPECT_EQ(r.seen[0].call.ret, 3);
  EXPECT_EQ(static_cast<int64_t>(r.seen[0].call.args[0]), -100);
  ASSERT_EQ(r.seen[0].captures.size(), 1u);
  EXPECT_EQ(r.seen[0].captures[0], std::make_pair(1, std::string("/etc/passwd")));
  EXPECT_EQ(d.malformed(), 0u);
}

TEST(Decoder, EnterThenExitIsOneResumedCallWithBothCaptures) {
  Decoder d;
  Recorder r;
  // execve: argv captured at enter (the exec destroys it), nothing at exit.
  auto enter = SyscallRecord(ES_REC_ENTER, 9, 59, 100)
                   .capture(0, ES_CAP_PATH, "/bin/ls")
                   .capture(1, ES_CAP_STRING_ARRAY, std::string("\x02\x00ls", 4));
  auto exit = SyscallRecord(ES_REC_SYSCALL, 9, 59, 200).ret(0);
  d.feed(enter.bytes(), r);
  d.feed(exit.bytes(), r);
  ASSERT_EQ(r.seen.size(), 2u);
  EXPECT_EQ(r.seen[0].what, "start");
  EXPECT_EQ(r.seen[1].what, "resumed");
  EXPECT_EQ(r.seen[1].captures.size(), 2u);
  EXPECT_EQ(r.seen[1].call.enter_ns, 90u);  // the enter record's enter_ts
}

TEST(Decoder, ExitCaptureWinsOverEnterCaptureOfSameArgument) {
  Decoder d;
  Recorder r;
  d.feed(SyscallRecord(ES_REC_ENTER, 1, 42).capture(1, ES_CAP_BUF_ARG, "early").bytes(), r);
  d.feed(SyscallRecord(ES_REC_SYSCALL, 1, 42).capture(1, ES_CAP_BUF_ARG, "late").bytes(), r);
  ASSERT_EQ(r.seen.size(), 2u);
  // A call's views are valid during the handler's callback only (the decoder has released
  // both records since): the recorder's copies, in the call's order, say which view is which.
  ASSERT_EQ(r.seen[1].captures,
            (std::vector<std::pair<int, std::string>>{{1, "late"}, {1, "early"}}));
  const Call& call = r.seen[1].call;
  EXPECT_EQ(call.capture(1), &call.captures[0]);
  EXPECT_EQ(call.capture_at_enter(1), &call.captures[1]);
}

TEST(Decoder, ExitOfAnotherCallAfterLostExitIsWhole) {
  Decoder d;
  Recorder r;
  d.feed(SyscallRecord(ES_REC_ENTER, 1, 0).bytes(), r);    // read started; its end is lost
  d.feed(SyscallRecord(ES_REC_SYSCALL, 1, 1).bytes(), r);  // a write ends
  ASSERT_EQ(r.seen.size(), 2u);
  EXPECT_EQ(r.seen[1].what, "whole");
}

TEST(Decoder, InProgressAtAttachPairsWithItsExit) {
  Decoder d;
  Recorder r;
  d.in_progress(5, 5, 73, {3, 2, 0, 0, 0, 0}, 50, r);
  d.feed(SyscallRecord(ES_REC_SYSCALL, 5, 73).flags(ES_SYSF_NO_ENTER).ret(0).bytes(), r);
  ASSERT_EQ(r.seen.size(), 2u);
  EXPECT_EQ(r.seen[0].what, "in_progress");
  EXPECT_EQ(r.seen[1].what, "resumed");
}

TEST(Decoder, NoReturnFlagMeansNotReturned) {
  Decoder d;
  Recorder r;
  d.feed(SyscallRecord(ES_REC_SYSCALL, 1, 231).flags(ES_SYSF_NO_RETURN).bytes(), r);
  ASSERT_EQ(r.seen.size(), 1u);
  EXPECT_FALSE(r.seen[0].call.returned);
}

TEST(Decoder, LifecycleRecords) {
  Decoder d;
  Recorder r;
  es_fork_record fork{};
  fork.child_tid = 11;
  fork.child_tgid = 11;
  d.feed(testing::plain_record(fork, ES_REC_FORK, 10, 1), r);
  es_exit_record exit{};
  exit.exit_code = 3 << 8;
  d.feed(testing::plain_record(exit, ES_REC_EXIT, 11, 2), r);
  es_signal_record sig{};
  sig.sig = 17;
  d.feed(testing::plain_record(sig, ES_REC_SIGNAL, 10, 3), r);
  ASSERT_EQ(r.seen.size(), 3u);
  EXPECT_EQ(r.seen[0].what, "fork 10>11");
  EXPECT_EQ(r.seen[1].what, "exit 768");
  EXPECT_EQ(r.seen[2].what, "signal 17");
}

TEST(Decoder, MalformedRecordsAreCountedNotTrusted) {
  Decoder d;
  Recorder r;
  auto good = SyscallRecord(ES_REC_SYSCALL, 1, 1).capture(1, ES_CAP_BUF_ARG, "abc").bytes();
  // Size field disagreeing with the bytes.
  auto short_size = good;
  short_size.pop_back();
  d.feed(short_size, r);
  // A capture claiming more bytes than the record holds.
  auto overflow = good;
  reinterpret_cast<es_capture*>(overflow.data() + sizeof(es_syscall_record))->len = 4096;
  d.feed(overflow, r);
  // An unknown kind.
  auto unknown = good;
  reinterpret_cast<es_header*>(unknown.data())->kind = 99;
  d.feed(unknown, r);
  // Truncated header.
  d.feed(std::vector<uint8_t>(10, 0), r);
  EXPECT_EQ(d.malformed(), 4u);
  EXPECT_TRUE(r.seen.empty());
}

}  // namespace
}  // namespace estrace::decode
