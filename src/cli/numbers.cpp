// Numeric option values: -s N and -p PID lists, with strace 6.1's ranges and error wording.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estrace/cli/options.h"

namespace estrace::cli::detail {
namespace {

// Plain decimal digits only: no sign, blanks or base prefix, so "-1", " 5" and "0x10" fail
// instead of meaning something surprising.
std::optional<uint64_t> decimal(std::string_view text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, 10);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// strace caps -s at INT_MAX / 2; anything above it is almost surely a typo, and the capture
// code adds one byte to the limit to know when to print "...".
constexpr uint64_t kMaxStringLimit = INT_MAX / 2;

}  // namespace

std::optional<unsigned> parse_string_limit(std::string_view text, std::string& error) {
  auto value = decimal(text);
  if (!value || *value > kMaxStringLimit) {
    error = "invalid -s argument: '" + std::string(text) + "'";
    return std::nullopt;
  }
  return static_cast<unsigned>(*value);
}

bool append_pids(std::string_view list, std::vector<int>& pids, std::string& error) {
  // Like strace: separators are commas and blanks, one trailing separator is fine ("1,"), an
  // empty item anywhere else is not (",1" or "1,,2").
  constexpr std::string_view kSeparators = ", \t\n";
  size_t start = 0;
  while (start < list.size()) {
    size_t stop = std::min(list.find_first_of(kSeparators, start), list.size());
    std::string_view item = list.substr(start, stop - start);
    auto pid = decimal(item);
    if (!pid || *pid == 0 || *pid > INT_MAX) {
      error = "Invalid process id: '" + std::string(item) + "'";
      return false;
    }
    // Tracing ourselves would trace the writes of our own output, which makes more output.
    if (*pid == static_cast<uint64_t>(getpid())) {
      error = "I'm sorry, I can't let you do that, Dave.";
      return false;
    }
    if (std::find(pids.begin(), pids.end(), static_cast<int>(*pid)) == pids.end()) {
      pids.push_back(static_cast<int>(*pid));
    }
    start = stop + 1;
  }
  return true;
}

}  // namespace estrace::cli::detail
