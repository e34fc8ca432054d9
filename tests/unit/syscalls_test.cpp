// syscalls: catalogue, classes, -e trace= parsing and capture rows.
#include <algorithm>
#include <set>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {
namespace {

TEST(Catalogue, EveryRowRoundTrips) {
  size_t rows = 0;
  for (const Signature& s : all_signatures()) {
    ++rows;
    ASSERT_NE(s.name, nullptr);
    EXPECT_EQ(name_of(s.nr), s.name);
    EXPECT_EQ(number_of(s.name), s.nr) << s.name;
    EXPECT_EQ(signature(s.nr), &s);
    EXPECT_LE(s.nargs, 6) << s.name;
    for (int i = 0; i < s.nargs; ++i) EXPECT_NE(s.args[i].kind, ArgKind::None) << s.name;
  }
  // 0..334 and 424..469 on x86_64 (335..423 are reserved).
  EXPECT_EQ(rows, 335u + 46u);
  for (uint32_t nr = 0; nr < table_size(); ++nr) {
    bool reserved = nr >= 335 && nr < 424;
    EXPECT_EQ(name_of(nr).empty(), reserved) << nr;
  }
  EXPECT_EQ(table_size(), 470u);
}

TEST(Catalogue, NumbersMatchTheKernel) {
  EXPECT_EQ(number_of("read"), 0u);
  EXPECT_EQ(number_of("pread64"), 17u);
  EXPECT_EQ(number_of("_sysctl"), 156u);
  EXPECT_EQ(number_of("openat"), 257u);
  EXPECT_EQ(number_of("rseq"), 334u);
  EXPECT_EQ(number_of("pidfd_send_signal"), 424u);
  EXPECT_EQ(number_of("set_mempolicy_home_node"), 450u);
  EXPECT_EQ(number_of("cachestat"), 451u);
  EXPECT_EQ(number_of("fchmodat2"), 452u);
  EXPECT_EQ(number_of("futex_wake"), 454u);
  EXPECT_EQ(number_of("mseal"), 462u);
  EXPECT_EQ(number_of("open_tree_attr"), 467u);
  EXPECT_EQ(number_of("file_setattr"), 469u);
  EXPECT_EQ(number_of("nosuchcall"), std::nullopt);
  EXPECT_EQ(name_of(335), "");
  EXPECT_EQ(name_of(5000), "");
}

TEST(Catalogue, ArgumentCountsFollowStrace) {
  auto nargs = [](const char* n) { return signature(*number_of(n))->nargs; };
  EXPECT_EQ(nargs("read"), 3);
  EXPECT_EQ(nargs("openat"), 4);
  EXPECT_EQ(nargs("mmap"), 6);
  // strace's row has none; estrace's carries the signal frame as a pseudo-argument: it is
  // what strace prints as "{mask=[]}" and what the BPF side copies from the user stack.
  EXPECT_EQ(nargs("rt_sigreturn"), 1);
  EXPECT_EQ(signature(*number_of("rt_sigreturn"))->args[0].kind, ArgKind::SigFrame);
  EXPECT_EQ(nargs("clone"), 5);
  EXPECT_EQ(nargs("futex"), 6);
  EXPECT_EQ(nargs("execveat"), 5);
  EXPECT_EQ(nargs("statx"), 5);
  EXPECT_EQ(nargs("rseq"), 4);
  EXPECT_EQ(nargs("cachestat"), 4);
  EXPECT_EQ(nargs("getxattrat"), 6);
}

TEST(Catalogue, Classes) {
  auto in = [](const char* n, uint32_t cls) { return (classes_of(*number_of(n)) & cls) != 0; };
  EXPECT_TRUE(in("openat", kFile));
  EXPECT_TRUE(in("openat", kDesc));
  EXPECT_TRUE(in("read", kDesc));
  EXPECT_FALSE(in("read", kFile));
  EXPECT_TRUE(in("socket", kNetwork));
  EXPECT_TRUE(in("execve", kProcess));
  EXPECT_TRUE(in("execve", kFile));
  EXPECT_TRUE(in("mmap", kMemory));
  EXPECT_TRUE(in("kill", kSignal));
  EXPECT_TRUE(in("shmget", kIpc));
  EXPECT_TRUE(in("getuid", kCreds));
  EXPECT_TRUE(in("getuid", kPure));
  EXPECT_TRUE(in("clock_gettime", kClock));
  EXPECT_TRUE(in("stat", kStat));
  EXPECT_TRUE(in("lstat", kLstat));
  EXPECT_TRUE(in("fstat", kFstat));
  EXPECT_TRUE(in("newfstatat", kStatLike));
  EXPECT_TRUE(in("statx", kStatLike));
  EXPECT_TRUE(in("statfs", kStatfs));
  EXPECT_TRUE(in("fstatfs", kFstatfs));
  EXPECT_FALSE(in("close", kFile));
  EXPECT_EQ(classes_of(5000), 0u);
}

std::set<std::string> names(const std::vector<uint32_t>& nrs) {
  std::set<std::string> s;
  for (uint32_t nr : nrs) s.emplace(name_of(nr));
  return s;
}

TEST(TraceSet, NamesClassesRegexNegation) {
  std::string err;
  auto r = resolve_trace_set("open,openat,close", err);
  ASSERT_TRUE(r) << err;
  EXPECT_EQ(names(*r), (std::set<std::string>{"open", "openat", "close"}));

  r = resolve_trace_set("%file", err);
  ASSERT_TRUE(r);
  EXPECT_TRUE(names(*r).count("openat"));
  EXPECT_TRUE(names(*r).count("execve"));
  EXPECT_FALSE(names(*r).count("read"));
  auto old = resolve_trace_set("file", err);
  ASSERT_TRUE(old);
  EXPECT_EQ(*old, *r);

  r = resolve_trace_set("%%stat", err);
  ASSERT_TRUE(r);
  // x86_64's and, for 32-bit processes, i386's.
  EXPECT_EQ(names(*r), (std::set<std::string>{"stat", "fstat", "lstat", "newfstatat", "statx",
                                              "oldstat", "oldfstat", "oldlstat", "stat64",
                                              "fstat64", "lstat64", "fstatat64"}));

  r = resolve_trace_set("/^fchmod", err);
  ASSERT_TRUE(r);
  EXPECT_EQ(names(*r), (std::set<std::string>{"fchmod", "fchmodat", "fchmodat2"}));

  r = resolve_trace_set("!read,write", err);
  ASSERT_TRUE(r);
  EXPECT_FALSE(names(*r).count("read"));
  EXPECT_FALSE(names(*r).count("write"));
  EXPECT_TRUE(names(*r).count("openat"));
  const size_t both = all_signatures().size() + compat_signatures().size();
  EXPECT_EQ(r->size(), both - 4);  // read and write in both personalities

  r = resolve_trace_set("?nosuch,read,", err);
  ASSERT_TRUE(r) << err;
  EXPECT_EQ(names(*r), (std::set<std::string>{"read"}));

  // A number names the call of that number in each personality, as in strace.
  r = resolve_trace_set("1", err);
  ASSERT_TRUE(r);
  EXPECT_EQ(names(*r), (std::set<std::string>{"write", "exit"}));

  EXPECT_EQ(resolve_trace_set("all", err)->size(), both);
  EXPECT_TRUE(resolve_trace_set("none", err)->empty());
  EXPECT_EQ(resolve_trace_set("!none", err)->size(), both);
}

TEST(TraceSet, ErrorsLikeStrace) {
  std::string err;
  EXPECT_FALSE(resolve_trace_set("foo", err));
  EXPECT_EQ(err, "invalid system call 'foo'");
  EXPECT_FALSE(resolve_trace_set("read,%foo", err));
  EXPECT_EQ(err, "invalid system call '%foo'");
  EXPECT_FALSE(resolve_trace_set("", err));
  EXPECT_EQ(err, "invalid system call ''");
  EXPECT_FALSE(resolve_trace_set("%desc,!read", err));
  EXPECT_EQ(err, "invalid system call '!read'");
  EXPECT_FALSE(resolve_trace_set("/[", err));
  EXPECT_EQ(err, "regcomp: [: Invalid regular expression");
  EXPECT_FALSE(resolve_trace_set("/^zzz", err));
  EXPECT_EQ(err, "invalid system call '/^zzz'");
  EXPECT_TRUE(resolve_trace_set("400", err));  // i386's msgsnd: strace accepts it too
  EXPECT_FALSE(resolve_trace_set("500", err));
  EXPECT_EQ(err, "invalid system call '500'");
}

const es_capture_slot* slot_for(const es_syscall_spec& s, int arg) {
  for (const auto& sl : s.slots)
    if (sl.kind != ES_CAP_NONE && sl.arg == arg) return &sl;
  return nullptr;
}

TEST(CaptureSpec, DerivedFromTheSignatures) {
  auto read = capture_spec(*number_of("read"), 32);
  EXPECT_EQ(read.flags, ES_SPEC_TRACED | ES_SPEC_ENTER_RECORD);
  ASSERT_TRUE(slot_for(read, 1));
  EXPECT_EQ(slot_for(read, 1)->kind, ES_CAP_BUF_RET);
  EXPECT_EQ(slot_for(read, 1)->when, ES_AT_EXIT);
  EXPECT_EQ(slot_for(read, 1)->size, 32);
  EXPECT_EQ(slot_for(read, 1)->flags, ES_CAPF_SUCCESS_ONLY);

  auto write = capture_spec(*number_of("write"), 100);
  EXPECT_EQ(write.flags, ES_SPEC_TRACED);
  ASSERT_TRUE(slot_for(write, 1));
  EXPECT_EQ(slot_for(write, 1)->kind, ES_CAP_BUF_ARG);
  EXPECT_EQ(slot_for(write, 1)->len_arg, 2);
  EXPECT_EQ(slot_for(write, 1)->size, 100);
  EXPECT_EQ(capture_spec(*number_of("write"), 1000000).slots[0].size, ES_MAX_CAPTURE_BYTES);

  auto openat = capture_spec(*number_of("openat"), 32);
  ASSERT_TRUE(slot_for(openat, 1));
  EXPECT_EQ(slot_for(openat, 1)->kind, ES_CAP_PATH);
  EXPECT_EQ(slot_for(openat, 1)->when, ES_AT_EXIT);
  EXPECT_EQ(slot_for(openat, 1)->size, ES_PATH_MAX);
  EXPECT_EQ(slot_for(openat, 0), nullptr);

  auto execve = capture_spec(*number_of("execve"), 32);
  ASSERT_TRUE(slot_for(execve, 0) && slot_for(execve, 1) && slot_for(execve, 2));
  EXPECT_EQ(slot_for(execve, 0)->kind, ES_CAP_PATH);
  EXPECT_EQ(slot_for(execve, 1)->kind, ES_CAP_STRING_ARRAY);
  EXPECT_EQ(slot_for(execve, 2)->kind, ES_CAP_ARRAY_COUNT);
  for (int a = 0; a < 3; ++a) EXPECT_EQ(slot_for(execve, a)->when, ES_AT_ENTER);
  EXPECT_EQ(slot_for(capture_spec(*number_of("execve"), 32, true), 2)->kind, ES_CAP_STRING_ARRAY);

  auto fstat = capture_spec(*number_of("fstat"), 32);
  ASSERT_TRUE(slot_for(fstat, 1));
  EXPECT_EQ(slot_for(fstat, 1)->kind, ES_CAP_FIXED);
  EXPECT_EQ(slot_for(fstat, 1)->size, 144);

  auto poll = capture_spec(*number_of("poll"), 32);
  EXPECT_EQ(slot_for(poll, 0)->kind, ES_CAP_BUF_ARG_FIXED);
  EXPECT_EQ(slot_for(poll, 0)->len_arg, 1);
  EXPECT_EQ(slot_for(poll, 0)->size, 8);

  auto accept = capture_spec(*number_of("accept4"), 32);
  EXPECT_EQ(slot_for(accept, 1)->kind, ES_CAP_BUF_ARGPTR);
  EXPECT_EQ(slot_for(accept, 1)->len_arg, 2);

  EXPECT_EQ(capture_spec(*number_of("exit_group"), 32).flags, ES_SPEC_TRACED | ES_SPEC_NO_RETURN);
  EXPECT_TRUE(capture_spec(*number_of("flock"), 32).flags & ES_SPEC_ENTER_RECORD);
  EXPECT_FALSE(capture_spec(*number_of("sendto"), 32).flags & ES_SPEC_ENTER_RECORD);
  EXPECT_EQ(capture_spec(400, 32).flags, 0u);
  for (const Signature& s : all_signatures())
    EXPECT_TRUE(capture_spec(s.nr, 32).flags & ES_SPEC_TRACED) << s.name;
}

// -y's capture of the fds a call creates comes on top of what the row's arguments ask for:
// every row has room for all of them, and a spec without room fails loudly, never by
// dropping a capture.
TEST(CaptureSpec, EveryRowHasRoomForItsCaptures) {
  auto widest = [](uint32_t nr) {
    es_syscall_spec spec = capture_spec(nr, 4096, true);
    add_fd_identity(nr, spec);
    return spec;
  };
  for (const Signature& s : all_signatures()) EXPECT_NO_THROW(widest(s.nr)) << s.name;
  for (const Signature& s : compat_signatures()) EXPECT_NO_THROW(widest(s.nr)) << s.name;

  // recvmsg and sendmsg: the header, its control messages, and the fds a receive brought.
  auto kinds = [](const es_syscall_spec& spec) {
    std::vector<int> k;
    for (const auto& slot : spec.slots)
      if (slot.kind != ES_CAP_NONE) k.push_back(slot.kind);
    return k;
  };
  EXPECT_EQ(kinds(widest(*number_of("recvmsg"))),
            (std::vector<int>{ES_CAP_MSGHDR_RET, ES_CAP_MSG_CONTROL, ES_CAP_FD_FILE_RECV}));
  EXPECT_EQ(kinds(widest(*number_of("sendmsg"))),
            (std::vector<int>{ES_CAP_MSGHDR_ARG, ES_CAP_MSG_CONTROL}));

  es_syscall_spec full{};
  for (auto& slot : full.slots) slot.kind = ES_CAP_FIXED;
  EXPECT_THROW(add_fd_identity(*number_of("openat"), full), std::length_error);
}

}  // namespace
}  // namespace estrace::syscalls
