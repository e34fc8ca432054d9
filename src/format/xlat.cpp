// printxval / printflags: the composable printers behind every constant table.
#include "estrace/format/xlat.h"

namespace estrace::format {

const char* xlat_name(const Xlat& x, uint64_t value) {
  for (const XlatEntry& e : x.entries)
    if (e.value == value) return e.name;
  return nullptr;
}

void print_xval(fmt::memory_buffer& out, const Xlat& x, uint64_t value) {
  if (const char* n = xlat_name(x, value)) {
    put(out, n);
    return;
  }
  fmt::format_to(std::back_inserter(out), "{:#x} /* {} */", value, x.unknown);
}

uint64_t print_flag_names(fmt::memory_buffer& out, const Xlat& x, uint64_t value, bool& first) {
  for (const XlatEntry& e : x.entries) {
    // Multi-bit entries (O_TMPFILE, LOCK_RW) match only when all their bits are set.
    if (e.value == 0 || (value & e.value) != e.value) continue;
    if (!first) put(out, '|');
    put(out, e.name);
    first = false;
    value &= ~e.value;
  }
  return value;
}

bool print_flags(fmt::memory_buffer& out, const Xlat& x, uint64_t value, bool print_zero) {
  if (value == 0) {
    if (!print_zero) return false;
    const char* zero = xlat_name(x, 0);
    put(out, zero ? zero : "0");
    return true;
  }
  bool first = true;
  uint64_t rest = print_flag_names(out, x, value, first);
  if (first)
    fmt::format_to(std::back_inserter(out), "{:#x} /* {} */", rest, x.unknown);
  else if (rest)
    fmt::format_to(std::back_inserter(out), "|{:#x}", rest);
  return true;
}

}  // namespace estrace::format
