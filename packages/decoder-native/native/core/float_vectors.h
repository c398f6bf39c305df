// Floats four and eight at a time for the detectors' inner loops (GCC/Clang vector extensions),
// without -ffast-math: the compiler keeps our order of additions.
#pragma once

#include <cstring>

// Float8 helpers are always inlined, so no 32-byte vector crosses a call: the compilers'
// warning that passing one changes with -mavx does not apply.
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace imajin {

typedef float Float4 __attribute__((vector_size(16)));
// Two Float4 side by side (lanes 0-3, then 4-7): one AVX instruction where the CPU has it, two
// SSE (or NEON) ones where not, with the same result lane for lane either way.
typedef float Float8 __attribute__((vector_size(32)));

inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline Float8 load8(const float* p) {
  Float8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline Float8 splat8(float x) { return Float8{x, x, x, x, x, x, x, x}; }

// The four lanes added in doubles.
inline double sum4(Float4 v) { return (double(v[0]) + double(v[1])) + (double(v[2]) + double(v[3])); }

// The two halves added, then their four lanes in doubles: what sum4(a + b) gives for two Float4
// runs a and b, so code moved from Float4 pairs to Float8 keeps its results bit for bit.
inline double sum8(Float8 v) {
  const Float4 low = {v[0], v[1], v[2], v[3]}, high = {v[4], v[5], v[6], v[7]};
  return sum4(low + high);
}

}  // namespace imajin

// A function compiled twice on x86-64 with GCC, for AVX2 and for the baseline, the one to run
// chosen when the library loads (an ifunc). Neither enables FMA, so both compute the same
// roundings: only the speed differs. (Not under Clang: the fuzzing build uses sanitizers.
// -DIMAJIN_NO_AVX2_CLONES builds the baseline alone, to compare the two.)
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(IMAJIN_NO_AVX2_CLONES)
#define IMAJIN_AVX2_CLONE __attribute__((target_clones("avx2", "default")))
#else
#define IMAJIN_AVX2_CLONE
#endif
