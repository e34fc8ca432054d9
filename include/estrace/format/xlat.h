// format: xlat tables (strace's name for constant <-> name lists) and the two printers every
// flag or enum argument goes through. Table values come from the system headers, never retyped.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

#include <fmt/format.h>

#include "estrace/format/modes.h"

namespace estrace::format {

struct XlatEntry {
  uint64_t value;
  const char* name;
};

struct Xlat {
  std::span<const XlatEntry> entries;  // in strace's print order
  const char* unknown;                 // "MAP_???": the comment after an unknown value
};

// The entry's name for `value`, or nullptr.
const char* xlat_name(const Xlat& x, uint64_t value);

// An enum value: "SEEK_END", or "0x4d /* SEEK_??? */" when unknown; under -X (`mode`), its
// number, or both.
void print_xval(fmt::memory_buffer& out, XlatMode mode, const Xlat& x, uint64_t value);

// A flag word: names joined by '|', leftovers as "|0x...", "0x10 /* PROT_??? */" when nothing
// is known, the table's zero entry (PROT_NONE) or "0" for 0. Returns false when nothing printed
// (value 0 and `print_zero` false) so callers can compose several tables in one word.
bool print_flags(fmt::memory_buffer& out, XlatMode mode, const Xlat& x, uint64_t value,
                 bool print_zero = true);

// Like print_flags but appends to what the caller already printed ("MAP_PRIVATE" + "|...").
// Returns the bits no entry claimed.
uint64_t print_flag_names(fmt::memory_buffer& out, const Xlat& x, uint64_t value, bool& first);

// A constant under -X (`mode`, which every printer of a constant takes from the line's
// Style): `raw` is its number as strace prints it raw ("0x80000", "-100", "10"); `abbrev`
// appends the named form, printing any constants in it as XlatMode::Abbrev. Raw prints the
// number, verbose "0x80000 /* O_CLOEXEC */" (or the named form alone when it names nothing:
// "0x10 /* PROT_??? */"), abbrev the name.
void print_styled_text(fmt::memory_buffer& out, XlatMode mode, std::string_view raw,
                       const fmt::memory_buffer& abbrev);
template <typename Abbrev>
void print_styled(fmt::memory_buffer& out, XlatMode mode, std::string_view raw, Abbrev&& abbrev) {
  fmt::memory_buffer named;
  abbrev(named);
  print_styled_text(out, mode, raw, named);
}
// "0x1f", and "0" for 0: strace's raw form of flags and most enums.
std::string raw_hex(uint64_t v);

// Lines are built of many short pieces: these append inline (a resize within capacity and a
// copy the compiler sees the size of) where fmt's append is a call and a memmove per piece.
inline void put(fmt::memory_buffer& out, std::string_view s) {
  const size_t at = out.size();
  out.resize(at + s.size());
  if (!s.empty()) std::memcpy(out.data() + at, s.data(), s.size());
}
inline void put(fmt::memory_buffer& out, char c) {
  const size_t at = out.size();
  out.resize(at + 1);
  out.data()[at] = c;
}
// A decimal integer: the commonest thing written, once or more per line.
template <class Int>
inline void put_decimal(fmt::memory_buffer& out, Int v) {
  fmt::format_int digits(v);
  put(out, std::string_view(digits.data(), digits.size()));
}

}  // namespace estrace::format
