// cli: values of the production filters (--comm, --uid).
#include <charconv>
#include <string>

#include "estrace/cli/options.h"

namespace estrace::cli::detail {

bool parse_comm(std::string_view name, std::vector<std::string>& comms, std::string& error) {
  // The kernel keeps 15 bytes of a process name (TASK_COMM_LEN - 1): a longer one never matches.
  if (name.empty() || name.size() > 15) {
    error = "invalid --comm argument: '" + std::string(name) +
            "' (a process name has 1 to 15 characters)";
    return false;
  }
  if (comms.size() == 4) {
    error = "at most 4 --comm";
    return false;
  }
  comms.emplace_back(name);
  return true;
}

std::optional<uint32_t> parse_uid(std::string_view text, std::string& error) {
  uint32_t uid = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), uid);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    error = "invalid --uid argument: '" + std::string(text) + "' (a numeric user id)";
    return std::nullopt;
  }
  return uid;
}

}  // namespace estrace::cli::detail
