#include "core/container_check.h"

#include <cstring>

#include "core/byte_source.h"

extern "C" {
#include <libavformat/avformat.h>
}

namespace imajin {
namespace {

constexpr int kMaxTopLevelItems = 100000;  // bounds the walk on hostile inputs

uint32_t be32(const uint8_t* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
uint32_t le32(const uint8_t* p) { return (uint32_t(p[3]) << 24) | (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) | p[0]; }

std::string beyond(const char* what, int64_t end, int64_t size) {
  return std::string(what) + " ends at byte " + std::to_string(end) + " but the input has " + std::to_string(size);
}

// ISO BMFF: [size32][type] or [1][type][size64], size 0 = to the end of the file.
std::string movBoxes(const ByteSource& src) {
  const int64_t size = src.size();
  int64_t offset = 0;
  for (int i = 0; i < kMaxTopLevelItems && offset + 8 <= size; ++i) {
    uint8_t head[16];
    if (src.readAt(offset, head, 8) != 8) return {};
    int64_t boxSize = be32(head);
    char type[5] = {0};
    std::memcpy(type, head + 4, 4);
    if (boxSize == 0) return {};  // extends to the end by definition
    if (boxSize == 1) {
      if (src.readAt(offset + 8, head + 8, 8) != 8) return std::string("box '") + type + "' header is cut short";
      boxSize = (int64_t(be32(head + 8)) << 32) | be32(head + 12);
      if (boxSize < 16) return {};  // malformed: leave it to the demuxer
    } else if (boxSize < 8) {
      return {};
    }
    if (boxSize > size - offset) return beyond((std::string("box '") + type + "'").c_str(), offset + boxSize, size);
    offset += boxSize;
  }
  return {};
}

// EBML variable-length integer; returns its length (0 when invalid). `unknown` when all value
// bits are 1 (an unknown size, used by live recordings).
int readVint(const uint8_t* p, int64_t avail, bool keepMarker, uint64_t* value, bool* unknown) {
  if (avail < 1 || p[0] == 0) return 0;
  int len = 1;
  while (!(p[0] & (0x80 >> (len - 1)))) ++len;
  if (len > 8 || len > avail) return 0;
  uint64_t v = keepMarker ? p[0] : (p[0] & (0xFF >> len));
  bool allOnes = (p[0] & (0xFF >> len)) == (0xFF >> len);
  for (int i = 1; i < len; ++i) {
    v = (v << 8) | p[i];
    allOnes = allOnes && p[i] == 0xFF;
  }
  *value = v;
  if (unknown) *unknown = allOnes;
  return len;
}

// Matroska/WebM: the EBML header, then the Segment with its declared size.
std::string matroskaSegment(const ByteSource& src) {
  const int64_t size = src.size();
  int64_t offset = 0;
  for (int i = 0; i < 16 && offset < size; ++i) {
    uint8_t head[16];
    const int64_t got = src.readAt(offset, head, sizeof head);
    uint64_t id = 0, length = 0;
    bool unknown = false;
    const int idLen = readVint(head, got, true, &id, nullptr);
    if (!idLen) return {};
    const int sizeLen = readVint(head + idLen, got - idLen, false, &length, &unknown);
    if (!sizeLen || unknown) return {};
    const int64_t dataStart = offset + idLen + sizeLen;
    const char* what = id == 0x18538067 ? "the Matroska Segment" : "a Matroska top-level element";
    if (length > uint64_t(size)) return beyond(what, dataStart + size, size);  // absurd: avoid overflow
    if (dataStart + int64_t(length) > size) {
      return beyond(what, dataStart + int64_t(length), size);
    }
    offset = dataStart + int64_t(length);
  }
  return {};
}

// RIFF: "RIFF" <le32 size> "AVI " ..., then OpenDML "RIFF" <size> "AVIX" chunks.
std::string riffChunks(const ByteSource& src) {
  const int64_t size = src.size();
  int64_t offset = 0;
  for (int i = 0; i < kMaxTopLevelItems && offset + 8 <= size; ++i) {
    uint8_t head[8];
    if (src.readAt(offset, head, 8) != 8) return {};
    if (std::memcmp(head, "RIFF", 4) != 0) return {};
    const int64_t end = offset + 8 + int64_t(le32(head + 4));
    if (end > size) return beyond("the RIFF chunk", end, size);
    offset = end + (end & 1);
  }
  return {};
}

}  // namespace

ContainerFamily familyOf(const char* name) {
  const std::string n = name ? name : "";
  if (n.rfind("mov,", 0) == 0) return ContainerFamily::Mov;
  if (n.rfind("matroska", 0) == 0) return ContainerFamily::Matroska;
  if (n == "avi") return ContainerFamily::Avi;
  if (n == "mpegts") return ContainerFamily::MpegTs;
  return ContainerFamily::Other;
}

std::string declaredBeyondEnd(ContainerFamily family, const ByteSource& source) {
  switch (family) {
    case ContainerFamily::Mov: return movBoxes(source);
    case ContainerFamily::Matroska: return matroskaSegment(source);
    case ContainerFamily::Avi: return riffChunks(source);
    default: return {};
  }
}

std::string indexBeyondEnd(const AVFormatContext* fmt, int64_t inputSize) {
  for (unsigned s = 0; s < fmt->nb_streams; ++s) {
    AVStream* st = fmt->streams[s];
    const int count = avformat_index_get_entries_count(st);
    for (int i = count - 1; i >= 0; --i) {
      const AVIndexEntry* e = avformat_index_get_entry(st, i);
      if (!e) continue;
      const int64_t end = e->pos + e->size;
      if (e->pos >= 0 && end > inputSize) {
        return beyond(("sample " + std::to_string(i) + " of stream " + std::to_string(s)).c_str(), end, inputSize);
      }
    }
  }
  return {};
}

}  // namespace imajin
