// -b SIZE: the per-CPU ring buffer size.
#include <unistd.h>

#include <bit>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "estrace/cli/options.h"

namespace estrace::cli::detail {
namespace {

// A BPF ring buffer must be a power-of-two multiple of the page size (the kernel maps it twice,
// back to back, so records can wrap). The kernel's own ceiling is 2G, but the size is per CPU
// and locked in memory: 1G per CPU is already far past anything a trace needs.
constexpr uint64_t kMaxBytes = uint64_t{1} << 30;

uint64_t page_size() {
  long size = sysconf(_SC_PAGESIZE);
  return size > 0 ? static_cast<uint64_t>(size) : 4096;
}

// "4096" -> "4K": sizes in messages are read by people.
std::string human(uint64_t bytes) {
  if (bytes >= (1u << 30) && bytes % (1u << 30) == 0) return std::to_string(bytes >> 30) + "G";
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + "M";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + "K";
  return std::to_string(bytes);
}

// Digits, then at most one of K, M, G (either case); nullopt on anything else or on overflow.
std::optional<uint64_t> bytes_of(std::string_view text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, 10);
  if (ptr == text.data() || ec != std::errc()) return std::nullopt;
  std::string_view suffix(ptr, static_cast<size_t>(end - ptr));
  unsigned shift = 0;
  if (suffix.size() == 1) {
    switch (std::toupper(static_cast<unsigned char>(suffix[0]))) {
      case 'K':
        shift = 10;
        break;
      case 'M':
        shift = 20;
        break;
      case 'G':
        shift = 30;
        break;
      default:
        return std::nullopt;
    }
  } else if (!suffix.empty()) {
    return std::nullopt;
  }
  if (value > (UINT64_MAX >> shift)) return std::nullopt;
  return value << shift;
}

}  // namespace

std::optional<uint64_t> parse_buffer_size(std::string_view text, std::string& error) {
  const std::string quoted = "'" + std::string(text) + "'";
  // strace's -b means "detach on execve"; say so rather than "invalid size".
  if (text == "execve") {
    error = "-b execve (detach on execve) is not supported: estrace's -b is the ring buffer size";
    return std::nullopt;
  }
  auto bytes = bytes_of(text);
  if (!bytes) {
    error = "invalid -b argument: " + quoted + " (a size in bytes, K, M or G)";
    return std::nullopt;
  }
  const uint64_t min = page_size();
  if (!std::has_single_bit(*bytes) || *bytes < min || *bytes > kMaxBytes) {
    error = "invalid -b argument: " + quoted +
            " (the ring buffer size must be a power of two from " + human(min) + " to " +
            human(kMaxBytes) + ", e.g. 8M)";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace estrace::cli::detail
