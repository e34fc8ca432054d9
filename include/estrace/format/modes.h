// format: the display modes options choose (shared by cli and format).
#pragma once

#include <cstdint>

namespace estrace::format {

enum class HexMode : uint8_t { None, NonAscii /* -x */, All /* -xx */ };
enum class TimeMode : uint8_t { None, Seconds /* -t */, Micros /* -tt */, Epoch /* -ttt */ };
// -X: how named constants print: O_RDONLY (abbrev), 0 (raw), 0 /* O_RDONLY */ (verbose).
enum class XlatMode : uint8_t { Abbrev, Raw, Verbose };

}  // namespace estrace::format
