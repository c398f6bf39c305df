// One fuzz case: the decoding core's three calls (probe, scene scan, frame grab) over bytes in
// memory, exactly as the addon calls them, with the results' invariants checked. A crash,
// sanitizer report or broken invariant is a finding; a DecodeFailure is the expected way out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace imajin_fuzz {

struct CaseResult {
  std::string outcome;  // "ok" or the failing call and reason, e.g. "scan:CORRUPT_INPUT"
  bool finding = false; // an invariant broke or a non-DecodeFailure exception escaped
  std::string detail;
};

// Per-call wall-time budget for fuzz cases (ms): a hang past it is a finding of its own.
constexpr int64_t kCaseTimeoutMs = 10000;

CaseResult runCase(const uint8_t* data, size_t size);

}  // namespace imajin_fuzz
