// The fuzz entry on a deterministic corpus, with g++ and no root: the seeds, regression inputs
// from fuzzing, and ~20,000 pseudo-random mutations of the seeds (fixed seed). A crash, an
// ASan/UBSan report (when built with sanitizers) or a wrong sanity line fails the test.
//   fuzz_corpus_test                   run the corpus
//   fuzz_corpus_test --write-seeds DIR write the seeds as a libFuzzer starting corpus
//   fuzz_corpus_test --print-seeds     print what each seed decodes to
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "../unit/record_builder.h"
#include "estrace/abi/event.h"
#include "fuzz_entry.h"
#include "regressions.h"
#include "seeds.h"

namespace {

using estrace::fuzz::Bytes;

// splitmix64: the same sequence on every machine.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n ? next() % n : 0; }
};

constexpr uint32_t kInteresting[] = {
    0,   1,   7,    8,    23,     24,     25,         95,         96,         97,
    104, 255, 4095, 4096, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xfffffff8, 0xffffffff};

void mutate_once(Bytes& in, const std::vector<Bytes>& seeds, Rng& rng) {
  if (in.empty()) in.push_back(0);
  switch (rng.below(7)) {
    case 0:  // flip a few bits
      for (size_t n = 1 + rng.below(4); n--;) in[rng.below(in.size())] ^= 1u << rng.below(8);
      break;
    case 1:  // truncate
      in.resize(rng.below(in.size() + 1));
      break;
    case 2: {  // corrupt a size field: a record header's, or any aligned u32 (lengths, counts)
      size_t at = rng.below(2) ? 8 : 4 + 4 * rng.below(in.size() / 4 + 1);
      uint32_t v = kInteresting[rng.below(std::size(kInteresting))];
      if (rng.below(2)) v = static_cast<uint32_t>(in.size() - 4 + rng.below(17) - 8);
      if (at + 4 <= in.size()) std::memcpy(in.data() + at, &v, 4);
      break;
    }
    case 3:  // an interesting byte anywhere (kinds, nr, flags, result bits)
      in[rng.below(in.size())] =
          static_cast<uint8_t>(kInteresting[rng.below(std::size(kInteresting))]);
      break;
    case 4: {  // append another seed's records (interleaved tasks, enter without exit)
      const Bytes& other = seeds[rng.below(seeds.size())];
      if (other.size() > 4) in.insert(in.end(), other.begin() + 4, other.end());
      break;
    }
    case 5: {  // insert or delete a chunk
      size_t at = rng.below(in.size()), n = 1 + rng.below(16);
      if (rng.below(2))
        in.erase(in.begin() + at, in.begin() + std::min(in.size(), at + n));
      else
        for (size_t i = 0; i < n; ++i) in.insert(in.begin() + at, static_cast<uint8_t>(rng.next()));
      break;
    }
    default:  // other settings
      for (size_t i = 0; i < 4 && i < in.size(); ++i) in[i] = static_cast<uint8_t>(rng.next());
      break;
  }
}

bool sanity() {
  estrace::testing::SyscallRecord rec(ES_REC_SYSCALL, 1, 1);  // write
  rec.arg(0, 1).arg(1, 0x1000).arg(2, 3).ret(3).capture(1, ES_CAP_BUF_ARG, "hi\n");
  const Bytes in = estrace::fuzz::make_input({32, 0, 0, 0}, {rec.bytes()});
  const std::string text = estrace::fuzz::run(in.data(), in.size());
  const std::string want = "write(1, \"hi\\n\", 3)                     = 3\n";
  if (text.rfind(want, 0) == 0) return true;
  std::fprintf(stderr, "fuzz_corpus_test: unexpected output:\n%s", text.c_str());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<Bytes> seeds = estrace::fuzz::seed_inputs();
  if (argc == 3 && std::strcmp(argv[1], "--write-seeds") == 0) {
    for (size_t i = 0; i < seeds.size(); ++i) {
      std::ofstream f(std::string(argv[2]) + "/seed-" + std::to_string(i), std::ios::binary);
      f.write(reinterpret_cast<const char*>(seeds[i].data()), seeds[i].size());
    }
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "--print-seeds") == 0) {
    for (const Bytes& in : seeds)
      std::fputs(estrace::fuzz::run(in.data(), in.size()).c_str(), stdout);
    return 0;
  }
  if (!sanity()) return 1;
  size_t runs = 0;
  for (const Bytes& in : estrace::fuzz::regression_inputs()) {
    estrace::fuzz::one_input(in.data(), in.size());
    ++runs;
  }
  for (const Bytes& in : seeds) {
    estrace::fuzz::one_input(in.data(), in.size());
    ++runs;
  }
  Rng rng{0x5eed'e57a'ce00'0001ull};
  for (int i = 0; i < 20000; ++i) {
    Bytes in = seeds[rng.below(seeds.size())];
    for (size_t n = 1 + rng.below(3); n--;) mutate_once(in, seeds, rng);
    estrace::fuzz::one_input(in.data(), in.size());
    ++runs;
  }
  std::printf("fuzz_corpus_test: %zu inputs, no crash\n", runs);
  return 0;
}
