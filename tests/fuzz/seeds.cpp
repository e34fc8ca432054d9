// Seed inputs: see seeds.h. Capture contents are plausible (a path, a sockaddr_in, iovec
// items, argv strings), so the printers get past their first checks.
#include "seeds.h"

#include <netinet/in.h>

#include <cstring>
#include <string>
#include <string_view>

#include "../unit/record_builder.h"
#include "estrace/abi/event.h"
#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/signature.h"

namespace estrace::fuzz {
namespace {

using estrace::testing::SyscallRecord;

std::string pattern(size_t n, uint8_t salt) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i * 37 + salt);
  return s;
}

template <class T>
std::string raw(const T& v) {
  return std::string(reinterpret_cast<const char*>(&v), sizeof v);
}

std::string string_array() {
  std::string d;
  auto item = [&](std::string_view s, bool cut) {
    uint16_t len = static_cast<uint16_t>(s.size()) | (cut ? ES_ITEM_CUT : 0);
    d += raw(len);
    d += s;
  };
  item("ls", false);
  item("-l", false);
  item("a-rather-long-argument-longer-than-the-limit", true);
  return d;
}

std::string iovecs() {
  std::string d;
  for (std::string_view s : {"hello", " world\n"}) {
    es_iovec_item item{0x7ffd0000, s.size(), static_cast<uint32_t>(s.size()), 0};
    d += raw(item);
    d += s;
  }
  es_iovec_item bad{0xdead, 4, 0, ES_CAPR_FAULT};
  return d + raw(bad);
}

std::string fd_file(int fd) {
  es_fd_file f{};
  f.ino = 1234;
  f.mode = 0140000;  // S_IFSOCK
  f.fd = fd;
  std::memcpy(f.name, "socket:[1234]", 14);
  return raw(f);
}

// The bytes a capture of this kind plausibly holds.
std::string capture_data(const es_capture_slot& slot) {
  switch (slot.kind) {
    case ES_CAP_STRING:
    case ES_CAP_PATH:
      return std::string("/etc/passwd\0", 12);
    case ES_CAP_BUF_ARG:
    case ES_CAP_BUF_RET:
      return "hello\n\x01\xffworld";
    case ES_CAP_STRING_ARRAY:
      return string_array();
    case ES_CAP_ARRAY_COUNT:
      return raw(uint32_t{21});
    case ES_CAP_BUF_ARGPTR: {
      sockaddr_in in{};
      in.sin_family = AF_INET;
      in.sin_port = htons(80);
      in.sin_addr.s_addr = htonl(0x7f000001);
      return raw(in);
    }
    case ES_CAP_IOVEC_ARG:
    case ES_CAP_IOVEC_RET:
      return iovecs();
    case ES_CAP_FD_FILE_RET:
      return fd_file(3);
    case ES_CAP_FD_FILE_PAIR:
      return fd_file(3) + fd_file(4);
    case ES_CAP_BUF_ARG_FIXED:
      return pattern(2 * (slot.size ? slot.size : 8), 1);
    default:
      return pattern(slot.size ? slot.size : 8, 7);
  }
}

// A record for `nr` with the captures copied at `when`.
Bytes call_record(uint16_t kind, uint32_t tid, uint32_t nr, int64_t ret, uint8_t when) {
  SyscallRecord rec(kind, tid, nr, 5000);
  const es_syscall_spec spec = syscalls::capture_spec(nr, 32, false);
  const uint64_t args[6] = {3, 0x7ffd1000, 12, 0x7ffd2000, 16, 0x7ffd3000};
  for (int i = 0; i < 6; ++i) rec.arg(i, args[i]);
  for (const es_capture_slot& slot : spec.slots) {
    if (slot.kind == ES_CAP_NONE || !(slot.when & when)) continue;
    if (slot.kind == ES_CAP_BUF_ARG || slot.kind == ES_CAP_IOVEC_ARG) rec.arg(slot.len_arg, 2);
    rec.capture(slot.arg, slot.kind, capture_data(slot));
  }
  rec.ret(ret);
  return rec.bytes();
}

template <class Rec>
Bytes lifecycle(Rec rec, uint16_t kind, uint32_t tid) {
  return estrace::testing::plain_record(rec, kind, tid, 6000);
}

}  // namespace

Bytes make_input(const uint8_t (&settings)[4], const std::vector<Bytes>& records) {
  Bytes in(settings, settings + 4);
  for (const Bytes& r : records) {
    in.insert(in.end(), r.begin(), r.end());
    in.resize(4 + ((in.size() - 4 + 7) & ~size_t{7}));
  }
  return in;
}

std::vector<Bytes> seed_inputs() {
  // -s 32; -x -v -y -T -tt -X raw with pid prefixes; -s huge -xx whole lines; -s 0 -yy -ttt
  // -ff -X verbose -n with a call in progress.
  const uint8_t settings[4][4] = {{32, 0, 0, 0},
                                  {4, 1 | 4 | 8 | (2 << 5), 1 | 2, 1 << 1},
                                  {255, 2 | (1 << 5), 4 | 8 | 16, 0},
                                  {0, 3 | (2 << 3) | (3 << 5), 32, 1 | (2 << 1) | 8}};
  std::vector<Bytes> seeds;
  int n = 0;
  for (const syscalls::Signature& sig : syscalls::all_signatures()) {
    const auto& s = settings[n++ % 4];
    const uint32_t tid = 100 + n % 3;
    // A completed call, a failed one, and an enter/exit pair interleaved with another task.
    seeds.push_back(make_input(s, {call_record(ES_REC_SYSCALL, tid, sig.nr, 12, ES_AT_EXIT)}));
    seeds.push_back(make_input(s, {call_record(ES_REC_SYSCALL, tid, sig.nr, -2, ES_AT_EXIT)}));
    seeds.push_back(make_input(s, {call_record(ES_REC_ENTER, tid, sig.nr, 0, ES_AT_ENTER),
                                   call_record(ES_REC_SYSCALL, 7, 39, 7, ES_AT_EXIT),
                                   call_record(ES_REC_SYSCALL, tid, sig.nr, 1, ES_AT_EXIT)}));
  }
  es_fork_record fork{};
  fork.child_tid = fork.child_tgid = 101;
  es_exec_record exec{};
  exec.old_tid = 102;
  std::memcpy(exec.comm, "ls", 3);
  es_signal_record sig{};
  sig.sig = 17;
  sig.siginfo[0] = 17;
  es_signal_record late = sig;
  late.ignored = ES_SIG_AFTER_CALL;
  es_exit_record exit{};
  exit.exit_code = 0x8b;
  exit.group_dead = 1;
  for (const auto& s : settings)
    seeds.push_back(make_input(
        s, {lifecycle(fork, ES_REC_FORK, 100), call_record(ES_REC_ENTER, 102, 61, 0, ES_AT_ENTER),
            lifecycle(exec, ES_REC_EXEC, 101), lifecycle(late, ES_REC_SIGNAL, 101),
            call_record(ES_REC_SYSCALL, 101, 61, 102, ES_AT_EXIT),
            lifecycle(sig, ES_REC_SIGNAL, 100), lifecycle(exit, ES_REC_EXIT, 101),
            call_record(ES_REC_SYSCALL, 100, 9999, 0, ES_AT_EXIT)}));
  return seeds;
}

}  // namespace estrace::fuzz
