// Four floats at a time for the detectors' inner loops (GCC/Clang vector extensions: SSE on
// x86-64, NEON on arm64), without -ffast-math: the compiler keeps our order of additions.
#pragma once

#include <cstring>

namespace imajin {

typedef float Float4 __attribute__((vector_size(16)));

inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// The four lanes added in doubles.
inline double sum4(Float4 v) { return (double(v[0]) + double(v[1])) + (double(v[2]) + double(v[3])); }

}  // namespace imajin
