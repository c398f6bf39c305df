#include "mutate.h"

#include <algorithm>
#include <cstring>

namespace imajin_fuzz {
namespace {

// Values that break size and count arithmetic (zero, one, signed/unsigned edges).
constexpr uint32_t kInteresting32[] = {0, 1, 2, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000,
                                       0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff};

size_t below(std::mt19937_64& rng, size_t n) { return n ? size_t(rng() % n) : 0; }

uint32_t readBE32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }
void writeBE32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v >> 24);
  p[1] = uint8_t(v >> 16);
  p[2] = uint8_t(v >> 8);
  p[3] = uint8_t(v);
}

uint32_t interesting(std::mt19937_64& rng, uint32_t current) {
  switch (below(rng, 4)) {
    case 0: return kInteresting32[below(rng, sizeof(kInteresting32) / sizeof(kInteresting32[0]))];
    case 1: return current + uint32_t(below(rng, 33)) - 16;  // off by a little
    case 2: return current * 2 + 1;
    default: return uint32_t(rng());
  }
}

struct Box {
  size_t offset;  // of the size field
  size_t size;    // as declared (clamped to the bytes)
  char type[5];
};

bool isContainer(const char* t) {
  static const char* const kContainers[] = {"moov", "trak", "mdia", "minf", "stbl", "edts", "udta", "dinf", "mvex", "moof", "traf", "meta", "sinf", "schi"};
  for (const char* c : kContainers) {
    if (std::memcmp(t, c, 4) == 0) return true;
  }
  return false;
}

bool plausibleType(const uint8_t* p) {
  for (int i = 0; i < 4; ++i) {
    if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') || p[i] == ' ' || p[i] == 0xa9)) return false;
  }
  return true;
}

// The ISO BMFF box tree, depth first; empty when the bytes do not look like one.
void walkBoxes(const Bytes& d, size_t from, size_t to, int depth, std::vector<Box>& out) {
  size_t at = from;
  while (at + 8 <= to && out.size() < 4096) {
    uint64_t size = readBE32(&d[at]);
    size_t header = 8;
    if (!plausibleType(&d[at + 4])) return;
    if (size == 1 && at + 16 <= to) {
      size = uint64_t(readBE32(&d[at + 8])) << 32 | readBE32(&d[at + 12]);
      header = 16;
    } else if (size == 0) {
      size = to - at;
    }
    if (size < header || size > to - at) return;
    Box box{at, size_t(size), {}};
    std::memcpy(box.type, &d[at + 4], 4);
    out.push_back(box);
    if (depth < 8 && isContainer(box.type)) {
      const size_t skip = std::memcmp(box.type, "meta", 4) == 0 ? 4 : 0;  // meta is a full box
      walkBoxes(d, at + header + skip, at + size, depth + 1, out);
    }
    at += size;
  }
}

std::vector<Box> boxes(const Bytes& d) {
  std::vector<Box> out;
  if (d.size() >= 12 && (std::memcmp(&d[4], "ftyp", 4) == 0 || std::memcmp(&d[4], "moov", 4) == 0 ||
                         std::memcmp(&d[4], "mdat", 4) == 0 || std::memcmp(&d[4], "wide", 4) == 0 || std::memcmp(&d[4], "free", 4) == 0)) {
    walkBoxes(d, 0, d.size(), 0, out);
  }
  return out;
}

// Boxes whose fields are counts, sizes, offsets, durations or dimensions.
bool isTableBox(const char* t) {
  static const char* const kTables[] = {"stsz", "stco", "co64", "stts", "stsc", "stss", "ctts", "elst", "avcC", "hvcC",
                                        "tkhd", "mdhd", "mvhd", "stsd", "hdlr", "sgpd", "sbgp", "trun", "tfhd", "colr", "pasp", "sidx"};
  for (const char* c : kTables) {
    if (std::memcmp(t, c, 4) == 0) return true;
  }
  return false;
}

}  // namespace

const char* mutationName(Mutation m) {
  static const char* const kNames[] = {"bitflip", "byteset", "insert", "delete", "truncate", "duplicate", "header", "boxsize", "boxfield", "splice"};
  return m < Mutation::Count ? kNames[int(m)] : "?";
}

Mutation mutate(Bytes& d, Mutation m, std::mt19937_64& rng, const Bytes* other) {
  if (d.empty()) {
    d.push_back(uint8_t(rng()));
    return Mutation::Insert;
  }
  switch (m) {
    case Mutation::BitFlip: {
      const int flips = 1 + int(below(rng, 8));
      for (int i = 0; i < flips; ++i) d[below(rng, d.size())] ^= uint8_t(1u << below(rng, 8));
      return m;
    }
    case Mutation::ByteSet: {
      const size_t at = below(rng, d.size());
      const size_t n = std::min(d.size() - at, size_t(1 + below(rng, 16)));
      const uint8_t v = below(rng, 2) ? uint8_t(rng()) : (below(rng, 2) ? 0 : 0xff);
      std::fill(d.begin() + long(at), d.begin() + long(at + n), v);
      return m;
    }
    case Mutation::Insert: {
      const size_t at = below(rng, d.size() + 1);
      Bytes junk(1 + below(rng, below(rng, 2) ? 8 : 512));
      for (auto& b : junk) b = uint8_t(rng());
      d.insert(d.begin() + long(at), junk.begin(), junk.end());
      return m;
    }
    case Mutation::Delete: {
      const size_t at = below(rng, d.size());
      const size_t n = std::min(d.size() - at, size_t(1 + below(rng, below(rng, 2) ? 8 : 4096)));
      d.erase(d.begin() + long(at), d.begin() + long(at + n));
      return m;
    }
    case Mutation::Truncate: {
      d.resize(below(rng, 4) == 0 ? below(rng, std::min<size_t>(d.size(), 4096)) : below(rng, d.size()));
      return m;
    }
    case Mutation::Duplicate: {
      const size_t at = below(rng, d.size());
      const size_t n = std::min(d.size() - at, size_t(1 + below(rng, 8192)));
      const Bytes chunk(d.begin() + long(at), d.begin() + long(at + n));
      d.insert(d.begin() + long(below(rng, d.size() + 1)), chunk.begin(), chunk.end());
      return m;
    }
    case Mutation::HeaderSmash: {
      // A 32-bit field near the start, where container and codec headers live.
      if (d.size() < 4) return mutate(d, Mutation::BitFlip, rng, other);
      const size_t at = below(rng, std::min<size_t>(d.size() - 3, 1024));
      writeBE32(&d[at], interesting(rng, readBE32(&d[at])));
      return m;
    }
    case Mutation::BoxSize: {
      const std::vector<Box> bs = boxes(d);
      if (bs.empty()) return mutate(d, Mutation::HeaderSmash, rng, other);
      const Box& b = bs[below(rng, bs.size())];
      writeBE32(&d[b.offset], interesting(rng, uint32_t(b.size)));
      return m;
    }
    case Mutation::BoxField: {
      std::vector<Box> bs = boxes(d);
      bs.erase(std::remove_if(bs.begin(), bs.end(), [](const Box& b) { return !isTableBox(b.type) || b.size < 16; }), bs.end());
      if (bs.empty()) return mutate(d, Mutation::HeaderSmash, rng, other);
      const Box& b = bs[below(rng, bs.size())];
      // The version/flags word, an entry count, or any field of the first entries.
      const size_t field = 8 + 4 * below(rng, std::min<size_t>((b.size - 8) / 4, 16));
      if (b.offset + field + 4 > d.size()) return mutate(d, Mutation::HeaderSmash, rng, other);
      writeBE32(&d[b.offset + field], interesting(rng, readBE32(&d[b.offset + field])));
      return m;
    }
    case Mutation::Splice: {
      if (!other || other->empty()) return mutate(d, Mutation::Duplicate, rng, other);
      const size_t at = below(rng, other->size());
      const size_t n = std::min(other->size() - at, size_t(1 + below(rng, 16384)));
      const size_t to = below(rng, d.size());
      d.erase(d.begin() + long(to), d.begin() + long(std::min(d.size(), to + n)));
      d.insert(d.begin() + long(to), other->begin() + long(at), other->begin() + long(at + n));
      return m;
    }
    case Mutation::Count:
      break;
  }
  return mutate(d, Mutation::BitFlip, rng, other);
}

void mutateRandomly(Bytes& data, std::mt19937_64& rng, const Bytes* other, std::string* applied) {
  const int count = 1 + int(below(rng, 4));
  for (int i = 0; i < count; ++i) {
    const Mutation want = Mutation(below(rng, size_t(Mutation::Count)));
    const Mutation got = mutate(data, want, rng, other);
    if (applied) {
      if (!applied->empty()) *applied += ',';
      *applied += mutationName(got);
    }
  }
}

}  // namespace imajin_fuzz
