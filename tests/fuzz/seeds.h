// Valid inputs for the fuzz entry (settings + records), built the way the BPF side writes
// records: one per syscall of the signature table with the captures its capture spec asks for,
// enter/exit pairs, process lifecycle records. The deterministic test mutates them; the
// libFuzzer run starts from them (fuzz_corpus_test --write-seeds DIR).
#pragma once

#include <cstdint>
#include <vector>

namespace estrace::fuzz {

using Bytes = std::vector<uint8_t>;

// Every seed input, in a fixed order.
std::vector<Bytes> seed_inputs();

// One input from settings bytes and records (each padded to 8 bytes, as batches are).
Bytes make_input(const uint8_t (&settings)[4], const std::vector<Bytes>& records);

}  // namespace estrace::fuzz
