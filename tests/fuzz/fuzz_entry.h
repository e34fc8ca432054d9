// The fuzz entry shared by decode_fuzz (libFuzzer) and fuzz_corpus_test (deterministic, g++):
// malformed records through decode -> format -> output must never crash, hang or read out of
// bounds.
//
// Input layout: 4 bytes of settings, then a stream of records, each framed by its
// es_header.size and padded to 8 bytes like the ring reader's batches.
//   byte 0: -s (255: a huge limit)
//   byte 1: bits 0-1 hex mode, 2 verbose, 3-4 -y level (FdTable), 5-6 time mode
//   byte 2: bits 0 -T, 1 pid prefix, 2 terminal stream, 3 terminal prefix always,
//           4 whole lines, 5 per-task sink
//   byte 3: bit 0 a call found in progress at attach (tid 1, args from the stream's first 48
//           bytes, nr = args[0] % 512), bits 1-2 -X mode, bit 3 -n
// The stream is fed once framed, then the whole stream once more as a single record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace estrace::fuzz {

// Feeds `data` through Decoder, FdTracking and TraceWriter; returns the text written.
std::string run(const uint8_t* data, size_t size);

// The libFuzzer entry's body: run(), always 0.
inline int one_input(const uint8_t* data, size_t size) {
  run(data, size);
  return 0;
}

}  // namespace estrace::fuzz
