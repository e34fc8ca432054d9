// Test helper: synthetic model::Call objects (the bytes a capture would hold) and the text
// CallFormatter makes of them, shared by the format tests.
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>

#include <fmt/format.h>

#include "estrace/abi/event.h"
#include "estrace/format/call_formatter.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::testing {

struct CallBuilder {
  model::Call call;
  std::deque<std::string> store;  // keeps capture bytes alive

  CallBuilder(const char* name, std::initializer_list<uint64_t> args, int64_t ret) {
    call.nr = *syscalls::number_of(name);
    int i = 0;
    for (uint64_t a : args) call.args[i++] = a;
    call.ret = ret;
  }
  CallBuilder& cap(int arg, uint8_t kind, std::string data, uint8_t result = 0,
                   bool at_enter = false) {
    store.push_back(std::move(data));
    call.captures[call.ncaptures++] = {uint8_t(arg), kind, result, store.back(), at_enter};
    return *this;
  }
  // The copy made when the call started (an in/out argument's "before").
  CallBuilder& cap_at_enter(int arg, uint8_t kind, std::string data) {
    return cap(arg, kind, std::move(data), 0, true);
  }
  CallBuilder& path(int arg, const std::string& p) { return cap(arg, ES_CAP_PATH, p + '\0'); }
  template <typename T>
  CallBuilder& fixed(int arg, const T& v, bool at_enter = false) {
    return cap(arg, ES_CAP_FIXED, std::string(reinterpret_cast<const char*>(&v), sizeof v), 0,
               at_enter);
  }
  CallBuilder& noreturn() {
    call.returned = false;
    return *this;
  }
};

// The whole line, the part printed at entry, and the arguments printed at exit.
inline std::string line(const CallBuilder& c, format::Style st = {}) {
  format::CallFormatter f(st);
  fmt::memory_buffer out;
  f.enter_part(c.call, out);
  f.exit_part(c.call, out);
  return fmt::to_string(out);
}
inline std::string enter(const CallBuilder& c, format::Style st = {}) {
  fmt::memory_buffer out;
  format::CallFormatter(st).enter_part(c.call, out);
  return fmt::to_string(out);
}
inline std::string exit_args(const CallBuilder& c, format::Style st = {}) {
  fmt::memory_buffer out;
  format::CallFormatter(st).exit_args(c.call, out);
  return fmt::to_string(out);
}

}  // namespace estrace::testing
