// Truncation checks that do not trust the demuxer to notice: a container that declares more
// bytes than the input holds is TRUNCATED, never decoded as if it were whole (the missing part
// could be the one that matters). Pure reads over the ByteSource; no libav parsing.
#pragma once

#include <cstdint>
#include <string>

extern "C" {
struct AVFormatContext;
}

namespace imajin {

class ByteSource;

enum class ContainerFamily { Mov, Matroska, Avi, MpegTs, Other };

ContainerFamily familyOf(const char* demuxerName);

// Top-level structure (mp4/mov boxes, the Matroska Segment, RIFF chunks) declaring sizes past
// the end of the input. Returns a human explanation, or "" when the structure fits.
std::string declaredBeyondEnd(ContainerFamily family, const ByteSource& source);

// Sample index entries (mov fills the whole index from `moov`) pointing past the end of the
// input. Returns an explanation or "".
std::string indexBeyondEnd(const AVFormatContext* fmt, int64_t inputSize);

}  // namespace imajin
