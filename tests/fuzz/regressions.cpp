// Hand-made malformed inputs, one per way a record can lie, plus any input fuzzing ever
// crashed on (none so far: ~15M libFuzzer runs under ASan/UBSan found no crash).
#include "regressions.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "../unit/record_builder.h"
#include "estrace/abi/event.h"

namespace estrace::fuzz {
namespace {

using estrace::testing::SyscallRecord;

constexpr uint8_t kPlain[4] = {32, 0, 0, 0};
constexpr uint8_t kVerboseFds[4] = {255, 4 | 8, 1, 1};

template <class T>
std::string raw(const T& v) {
  return std::string(reinterpret_cast<const char*>(&v), sizeof v);
}

Bytes with_u32(Bytes rec, size_t at, uint32_t v) {
  if (at + 4 <= rec.size()) std::memcpy(rec.data() + at, &v, 4);
  return rec;
}

}  // namespace

std::vector<Bytes> regression_inputs() {
  std::vector<Bytes> in;
  auto add = [&](const Bytes& rec) {
    in.push_back(make_input(kPlain, {rec}));
    in.push_back(make_input(kVerboseFds, {rec}));
  };
  const Bytes write = SyscallRecord(ES_REC_SYSCALL, 1, 1)
                          .arg(2, 5)
                          .ret(5)
                          .capture(1, ES_CAP_BUF_ARG, "hello")
                          .bytes();
  const size_t cap_len = sizeof(es_syscall_record) + offsetof(es_capture, len);
  // Truncated header, a size larger than the record, a size of 0, capture length past the end.
  add(Bytes(write.begin(), write.begin() + 10));
  add(with_u32(write, offsetof(es_header, size), 0xffffffff));
  add(with_u32(write, offsetof(es_header, size), 0));
  add(with_u32(write, cap_len, 0xfffffff8));
  // More captures announced than present; a capture for argument 200.
  add(with_u32(write, offsetof(es_syscall_record, ncaptures), 0xffff));
  add(SyscallRecord(ES_REC_SYSCALL, 1, 1).capture(200, ES_CAP_BUF_ARG, "x").bytes());
  // Absurd syscall numbers, an unknown record kind, an unknown capture kind.
  add(SyscallRecord(ES_REC_SYSCALL, 1, 0xffffffff).ret(-1).bytes());
  add(SyscallRecord(ES_REC_SYSCALL, 1, 1).flags(ES_SYSF_COMPAT).bytes());
  add(SyscallRecord(0x7777, 1, 1).bytes());
  add(SyscallRecord(ES_REC_SYSCALL, 1, 1).capture(1, 0xee, "zz").bytes());
  // execve argv: an item longer than the data, a lone length byte, a cut flag on nothing.
  std::string argv = raw(uint16_t{0x7fff}) + "ls";
  add(SyscallRecord(ES_REC_SYSCALL, 1, 59).capture(1, ES_CAP_STRING_ARRAY, argv).bytes());
  add(SyscallRecord(ES_REC_SYSCALL, 1, 59).capture(1, ES_CAP_STRING_ARRAY, "\x01").bytes());
  add(SyscallRecord(ES_REC_SYSCALL, 1, 59)
          .capture(1, ES_CAP_STRING_ARRAY, raw(uint16_t{ES_ITEM_CUT}), ES_CAPR_TRUNCATED)
          .bytes());
  // writev/readv items: copied past the data, a huge iov_len, half an item header.
  es_iovec_item item{0x1000, UINT64_MAX, 0xffffffff, 0};
  add(SyscallRecord(ES_REC_SYSCALL, 1, 20)
          .arg(2, 1)
          .ret(3)
          .capture(1, ES_CAP_IOVEC_ARG, raw(item) + "abc")
          .bytes());
  add(SyscallRecord(ES_REC_SYSCALL, 1, 19)
          .arg(2, 2)
          .ret(INT64_MAX)
          .capture(1, ES_CAP_IOVEC_RET, raw(item).substr(0, 12))
          .bytes());
  // getsockopt: a length after the call larger than what was copied, and a negative one.
  add(SyscallRecord(ES_REC_SYSCALL, 1, 55)
          .arg(1, 1)
          .arg(2, 13)
          .arg(3, 0x10)
          .arg(4, 0x20)
          .capture(4, ES_CAP_FIXED, raw(uint32_t{0x7fffffff}))
          .capture(3, ES_CAP_BUF_ARGPTR, "\1\0")
          .bytes());
  add(SyscallRecord(ES_REC_SYSCALL, 1, 55)
          .arg(1, 1)
          .arg(2, 13)
          .arg(3, 0x10)
          .arg(4, 0x20)
          .capture(4, ES_CAP_FIXED, raw(int32_t{-8}))
          .bytes());
  // An enter record then a mismatched exit, then an exit for a task never started.
  in.push_back(make_input(kPlain, {SyscallRecord(ES_REC_ENTER, 5, 0).bytes(),
                                   SyscallRecord(ES_REC_SYSCALL, 5, 1).bytes(),
                                   SyscallRecord(ES_REC_SYSCALL, 6, 0).bytes()}));
  return in;
}

}  // namespace estrace::fuzz
