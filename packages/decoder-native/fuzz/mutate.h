// Structure-aware mutations of real video files: bit flips, byte insertions and deletions,
// truncations, chunk duplication, header field smashing, and (in ISO BMFF: mp4/mov/3gp) box size
// and sample-table field corruption. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace imajin_fuzz {

using Bytes = std::vector<uint8_t>;

// The mutation kinds, for statistics (the names printed by the driver).
enum class Mutation { BitFlip, ByteSet, Insert, Delete, Truncate, Duplicate, HeaderSmash, BoxSize, BoxField, Splice, Count };
const char* mutationName(Mutation m);

// Applies one mutation of kind `m` (or a fallback when it does not apply to these bytes, e.g.
// BoxSize on a Matroska file); returns the kind actually applied. `other` feeds Splice.
Mutation mutate(Bytes& data, Mutation m, std::mt19937_64& rng, const Bytes* other = nullptr);

// 1-4 random mutations; appends their names to `applied` (comma-separated).
void mutateRandomly(Bytes& data, std::mt19937_64& rng, const Bytes* other, std::string* applied);

}  // namespace imajin_fuzz
