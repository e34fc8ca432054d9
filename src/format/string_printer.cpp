// strace's string quoting, observed on strace 6.1:
//  - printable ASCII as is, except '"' and '\\' which are backslashed;
//  - \t \n \v \f \r by name; other bytes in octal, as short as possible unless the next byte is
//    an octal digit, then three digits ("\0331" is ESC then '1', "\19" is \1 then '9');
//  - -x: if any byte would need escaping (other than the named five), the whole string is
//    printed as \xHH; -xx: always every byte as \xHH;
//  - text shown inside <...> (-y paths, -Y process names) is escaped the same way without the
//    quotes, and '<' and '>' in octal too (\74, \76).
#include "estrace/format/printers.h"

namespace estrace::format {
namespace {

constexpr char kHex[] = "0123456789abcdef";

bool printable(uint8_t c) { return c >= 0x20 && c < 0x7f; }

char named_escape(uint8_t c) {
  switch (c) {
    case '\t':
      return 't';
    case '\n':
      return 'n';
    case '\v':
      return 'v';
    case '\f':
      return 'f';
    case '\r':
      return 'r';
    default:
      return 0;
  }
}

void put_all_hex(fmt::memory_buffer& out, std::string_view bytes) {
  for (char ch : bytes) {
    auto c = static_cast<uint8_t>(ch);
    const char esc[4] = {'\\', 'x', kHex[c >> 4], kHex[c & 15]};
    out.append(esc, esc + 4);
  }
}

}  // namespace

namespace {

// The escaped bytes without quotes. `also_octal`: printable characters escaped in octal too.
void print_escaped(fmt::memory_buffer& out, std::string_view bytes, HexMode hex,
                   std::string_view also_octal) {
  bool all_hex = hex == HexMode::All;
  if (hex == HexMode::NonAscii) {
    for (char ch : bytes) {
      auto c = static_cast<uint8_t>(ch);
      if (!printable(c) && !named_escape(c)) {
        all_hex = true;
        break;
      }
    }
  }
  if (all_hex) return put_all_hex(out, bytes);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<uint8_t>(bytes[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (printable(c) && also_octal.find(static_cast<char>(c)) == std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else if (char n = named_escape(c)) {
      out.push_back('\\');
      out.push_back(n);
    } else {
      bool next_octal = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
      out.push_back('\\');
      if (next_octal || c >= 0100) out.push_back(static_cast<char>('0' + (c >> 6)));
      if (next_octal || c >= 010) out.push_back(static_cast<char>('0' + ((c >> 3) & 7)));
      out.push_back(static_cast<char>('0' + (c & 7)));
    }
  }
}

}  // namespace

void print_quoted(fmt::memory_buffer& out, std::string_view bytes, HexMode hex, bool more) {
  out.push_back('"');
  print_escaped(out, bytes, hex, {});
  out.push_back('"');
  if (more) out.append(std::string_view("..."));
}

void print_in_brackets(fmt::memory_buffer& out, std::string_view text, HexMode hex,
                       std::string_view detail) {
  out.push_back('<');
  print_escaped(out, text, hex, "<>");
  out.append(detail);
  out.push_back('>');
}

}  // namespace estrace::format
