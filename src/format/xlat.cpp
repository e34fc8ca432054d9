// printxval / printflags: the composable printers behind every constant table.
#include "estrace/format/xlat.h"

namespace estrace::format {
namespace {
void print_xval_abbrev(fmt::memory_buffer& out, const Xlat& x, uint64_t value) {
  if (const char* n = xlat_name(x, value)) {
    put(out, n);
    return;
  }
  // strace's "%#x": an unknown 0 is "0 /* SO_??? */", not "0x0".
  if (value)
    fmt::format_to(std::back_inserter(out), "{:#x} /* {} */", value, x.unknown);
  else
    fmt::format_to(std::back_inserter(out), "0 /* {} */", x.unknown);
}

bool print_flags_abbrev(fmt::memory_buffer& out, const Xlat& x, uint64_t value);
}  // namespace

std::string raw_hex(uint64_t v) { return v ? fmt::format("{:#x}", v) : "0"; }

void print_styled_text(fmt::memory_buffer& out, XlatMode mode, std::string_view raw,
                       const fmt::memory_buffer& abbrev) {
  std::string_view named(abbrev.data(), abbrev.size());
  switch (mode) {
    case XlatMode::Abbrev:
      return put(out, named);
    case XlatMode::Raw:
      return put(out, raw);
    case XlatMode::Verbose:
      // Nothing named (a plain number, or "0x10 /* PROT_??? */"): the named form says it all.
      if (named == raw || named.starts_with(std::string(raw) + " /* ")) return put(out, named);
      put(out, raw);
      put(out, " /* ");
      put(out, named);
      put(out, " */");
  }
}

const char* xlat_name(const Xlat& x, uint64_t value) {
  for (const XlatEntry& e : x.entries)
    if (e.value == value) return e.name;
  return nullptr;
}

void print_xval(fmt::memory_buffer& out, XlatMode mode, const Xlat& x, uint64_t value) {
  if (mode == XlatMode::Abbrev) return print_xval_abbrev(out, x, value);
  print_styled(out, mode, raw_hex(value),
               [&](fmt::memory_buffer& named) { print_xval_abbrev(named, x, value); });
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

bool print_flags(fmt::memory_buffer& out, XlatMode mode, const Xlat& x, uint64_t value,
                 bool print_zero) {
  if (value == 0 && !print_zero) return false;
  if (mode == XlatMode::Abbrev) return print_flags_abbrev(out, x, value);
  print_styled(out, mode, raw_hex(value),
               [&](fmt::memory_buffer& named) { print_flags_abbrev(named, x, value); });
  return true;
}

namespace {
bool print_flags_abbrev(fmt::memory_buffer& out, const Xlat& x, uint64_t value) {
  if (value == 0) {
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

}  // namespace

}  // namespace estrace::format
