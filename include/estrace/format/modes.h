// format: the display modes options choose (shared by cli and format).
#pragma once

#include <cstdint>

namespace estrace::format {

enum class HexMode : uint8_t { None, NonAscii /* -x */, All /* -xx */ };
enum class TimeMode : uint8_t { None, Seconds /* -t */, Micros /* -tt */, Epoch /* -ttt */ };

}  // namespace estrace::format
