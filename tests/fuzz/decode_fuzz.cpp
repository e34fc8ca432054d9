// libFuzzer target: malformed records through decode -> format -> output (see fuzz_entry.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return estrace::fuzz::one_input(data, size);
}
