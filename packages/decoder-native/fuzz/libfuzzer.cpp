// The libFuzzer entry points: coverage-guided fuzzing of the same case (target.h), with the
// structure-aware mutations of mutate.h mixed into libFuzzer's own.
//   see fuzz/run.sh --libfuzzer
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "mutate.h"
#include "target.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto r = imajin_fuzz::runCase(data, size);
  if (r.finding) {
    std::fprintf(stderr, "FINDING %s: %s\n", r.outcome.c_str(), r.detail.c_str());
    std::abort();
  }
  return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned int seed) {
  std::mt19937_64 rng(seed);
  if (rng() % 3 == 0) return LLVMFuzzerMutate(data, size, maxSize);
  imajin_fuzz::Bytes bytes(data, data + size);
  const auto kind = imajin_fuzz::Mutation(rng() % size_t(imajin_fuzz::Mutation::Count));
  imajin_fuzz::mutate(bytes, kind, rng, nullptr);
  if (bytes.size() > maxSize) bytes.resize(maxSize);
  std::memcpy(data, bytes.data(), bytes.size());
  return bytes.size();
}
