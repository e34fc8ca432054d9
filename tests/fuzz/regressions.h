// Inputs that crashed (or tripped a sanitizer) when fuzzed, kept as regression cases for
// fuzz_corpus_test. Each is built from records so it stays readable; see regressions.cpp.
#pragma once

#include <vector>

#include "seeds.h"

namespace estrace::fuzz {

std::vector<Bytes> regression_inputs();

}  // namespace estrace::fuzz
