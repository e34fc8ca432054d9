// Regression inputs from fuzzing: one function per bug, named after what it broke.
#include "regressions.h"

#include <cstring>

#include "../unit/record_builder.h"
#include "estrace/abi/event.h"

namespace estrace::fuzz {
namespace {

using estrace::testing::SyscallRecord;

}  // namespace

std::vector<Bytes> regression_inputs() {
  std::vector<Bytes> in;
  return in;
}

}  // namespace estrace::fuzz
