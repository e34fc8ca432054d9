// app: estrace's own diagnostics level, from the ESTRACE_LOG environment variable.
#pragma once

#include <string_view>

#include <spdlog/common.h>

#include "estrace/util/result.h"

namespace estrace::app {

// The spdlog level ESTRACE_LOG names (trace, debug, info, warn, error, critical, off); an
// empty value is the default. Any other value is an error naming the accepted ones: a typo
// must not silently turn the diagnostics off.
Result<spdlog::level::level_enum> log_level(std::string_view name,
                                            spdlog::level::level_enum fallback);

}  // namespace estrace::app
