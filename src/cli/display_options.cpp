// Values of the options that shape what is shown: -e signal=, -e read=/write=, -X, -P.
// Syntax and error wording are strace 6.1's.
#include <strings.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "estrace/cli/options.h"

namespace estrace::cli {

bool NumberSet::contains(int n) const {
  return invert != std::binary_search(items.begin(), items.end(), n);
}

namespace detail {
namespace {

constexpr int kMaxSignal = 255;  // strace's limit for signal numbers
constexpr int kKernelRtMin = 32;

std::optional<int> decimal_upto(std::string_view text, int max) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value, 10);
  if (text.empty() || ec != std::errc() || ptr != end || value < 0 || value > max)
    return std::nullopt;
  return value;
}

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// A signal by number, or by name with or without "SIG": HUP, SIGRTMIN, RT_3, IO/POLL.
std::optional<int> signal_number(std::string_view item) {
  if (auto n = decimal_upto(item, kMaxSignal)) return n;
  if (item.size() > 3 && iequal(item.substr(0, 3), "SIG")) item.remove_prefix(3);
  if (iequal(item, "IO")) return SIGIO;
  if (iequal(item, "RTMIN")) return kKernelRtMin;
  for (int sig = 1; sig < kKernelRtMin; ++sig) {
    const char* abbrev = sigabbrev_np(sig);
    if (abbrev && iequal(item, abbrev)) return sig;
  }
  if (item.size() > 3 && iequal(item.substr(0, 3), "RT_"))
    if (auto n = decimal_upto(item.substr(3), 32); n && *n > 0) return kKernelRtMin + *n;
  return std::nullopt;
}

// strace's qualify syntax for number sets: "all", "none", or a comma list that may start with
// '!'; `item_of` turns one item into its number.
template <typename ItemOf>
std::optional<NumberSet> number_set(std::string_view text, ItemOf&& item_of, std::string& error,
                                    std::string_view what) {
  NumberSet set;
  std::string_view list = text;
  if (list.starts_with("!")) {
    set.invert = true;
    list.remove_prefix(1);
  }
  auto fail = [&](std::string_view item) {
    error = "invalid " + std::string(what) + " '" + std::string(item) + "'";
    return std::nullopt;
  };
  if (list == "all" || list == "none") {
    set.invert = set.invert != (list == "all");
    return set;
  }
  size_t start = 0;
  while (true) {
    size_t stop = std::min(list.find(',', start), list.size());
    std::string_view item = list.substr(start, stop - start);
    // strace skips empty items ("3,,4") but not an empty list.
    if (!item.empty()) {
      auto n = item_of(item);
      if (!n) return fail(item);
      set.items.push_back(*n);
    }
    if (stop == list.size()) break;
    start = stop + 1;
  }
  if (set.items.empty()) return fail(text);
  std::sort(set.items.begin(), set.items.end());
  set.items.erase(std::unique(set.items.begin(), set.items.end()), set.items.end());
  return set;
}

}  // namespace

std::optional<NumberSet> parse_signal_set(std::string_view text, std::string& error) {
  return number_set(text, signal_number, error, "signal");
}

std::optional<NumberSet> parse_fd_set(std::string_view text, std::string& error) {
  return number_set(
      text, [](std::string_view item) { return decimal_upto(item, INT_MAX); }, error, "descriptor");
}

std::optional<XlatMode> parse_xlat_mode(std::string_view text, std::string& error) {
  static constexpr std::array<std::pair<std::string_view, XlatMode>, 3> kModes = {{
      {"raw", XlatMode::Raw},
      {"abbrev", XlatMode::Abbrev},
      {"verbose", XlatMode::Verbose},
  }};
  for (const auto& [name, mode] : kModes)
    if (text == name) return mode;
  error = "invalid -X argument: '" + std::string(text) + "'";
  return std::nullopt;
}

bool add_trace_path(std::string_view path, std::vector<std::string>& paths,
                    std::vector<std::string>& notes, std::string& error) {
  if (path.empty()) {
    // strace takes "" (it then matches only empty path arguments); that is never useful.
    error = "invalid -P argument: ''";
    return false;
  }
  std::string given(path);
  paths.push_back(given);
  // Like strace: the path as given, and what it resolves to when that differs.
  std::unique_ptr<char, decltype(&free)> real(realpath(given.c_str(), nullptr), &free);
  if (real && given != real.get()) {
    notes.push_back("Requested path \"" + given + "\" resolved into \"" + real.get() + "\"");
    paths.emplace_back(real.get());
  }
  return true;
}

}  // namespace detail
}  // namespace estrace::cli
