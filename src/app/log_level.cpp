// app: ESTRACE_LOG. See include/estrace/app/log_level.h.
#include "estrace/app/log_level.h"

#include <string>

#include <spdlog/spdlog.h>

namespace estrace::app {

Result<spdlog::level::level_enum> log_level(std::string_view name,
                                            spdlog::level::level_enum fallback) {
  if (name.empty()) return fallback;
  // spdlog's own names, plus its aliases "warning" and "err"; from_str answers "off" for
  // anything else, so "off" itself is checked by name.
  const auto level = spdlog::level::from_str(std::string(name));
  if (level != spdlog::level::off || name == "off") return level;
  return Error{"ESTRACE_LOG=" + std::string(name) +
               ": unknown level (use trace, debug, info, warn, error, critical or off)"};
}

}  // namespace estrace::app
