// Test helper: builds records byte-for-byte as the BPF side writes them.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "estrace/abi/event.h"

namespace estrace::testing {

class SyscallRecord {
 public:
  SyscallRecord(uint16_t kind, uint32_t tid, uint32_t nr, uint64_t ts = 1000) {
    es_syscall_record rec{};
    rec.h.kind = kind;
    rec.h.ts = ts;
    rec.h.tid = tid;
    rec.h.tgid = tid;
    rec.enter_ts = ts - 10;
    rec.nr = nr;
    bytes_.resize(sizeof rec);
    std::memcpy(bytes_.data(), &rec, sizeof rec);
  }
  SyscallRecord& ret(int64_t value) { return set(&es_syscall_record::ret, value); }
  SyscallRecord& flags(uint16_t value) { return set(&es_syscall_record::flags, value); }
  SyscallRecord& arg(int i, uint64_t value) {
    auto* rec = reinterpret_cast<es_syscall_record*>(bytes_.data());
    rec->args[i] = value;
    return *this;
  }
  SyscallRecord& capture(uint8_t arg, uint8_t kind, std::string_view data, uint8_t result = 0) {
    es_capture cap{0, arg, kind, result, static_cast<uint32_t>(data.size())};
    size_t at = bytes_.size();
    bytes_.resize(at + sizeof cap + ((data.size() + 7) & ~size_t{7}));
    std::memcpy(bytes_.data() + at, &cap, sizeof cap);
    std::memcpy(bytes_.data() + at + sizeof cap, data.data(), data.size());
    reinterpret_cast<es_syscall_record*>(bytes_.data())->ncaptures++;
    return *this;
  }
  const std::vector<uint8_t>& bytes() {
    reinterpret_cast<es_header*>(bytes_.data())->size = static_cast<uint32_t>(bytes_.size());
    return bytes_;
  }

 private:
  template <class M, class V>
  SyscallRecord& set(M es_syscall_record::*field, V value) {
    reinterpret_cast<es_syscall_record*>(bytes_.data())->*field = value;
    return *this;
  }
  std::vector<uint8_t> bytes_;
};

template <class Rec>
std::vector<uint8_t> plain_record(Rec rec, uint16_t kind, uint32_t tid, uint64_t ts) {
  rec.h.kind = kind;
  rec.h.size = sizeof rec;
  rec.h.ts = ts;
  rec.h.tid = tid;
  rec.h.tgid = tid;
  std::vector<uint8_t> bytes(sizeof rec);
  std::memcpy(bytes.data(), &rec, sizeof rec);
  return bytes;
}

}  // namespace estrace::testing
