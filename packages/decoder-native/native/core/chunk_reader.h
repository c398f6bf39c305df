// The packets of one chunk of a video, for the parallel scan: from the chunk's first keyframe
// (in decode order) up to the next chunk's first keyframe. Pictures shown before a keyframe but
// coded after it (an open GOP's leading pictures) belong to the chunk before: that chunk decodes
// them, sending the next chunk's keyframe first since they refer to it; the chunk that starts
// at the keyframe skips them. Frames are then kept by presentation time (owns()), so every frame
// of the video is reported by exactly one chunk, decoded from the same packets as in one pass.
#pragma once

#include <cstdint>
#include <memory>

#include "core/packet_source.h"

extern "C" {
struct AVPacket;
}

namespace imajin {

class MediaInput;

class ChunkReader : public PacketSource {
 public:
  // `startPos`/`endPos`: byte positions of this chunk's first keyframe and of the next chunk's
  // (-1: from the input's current position / to its end). The input must be positioned so its
  // next packet is the one at startPos.
  ChunkReader(MediaInput& media, int64_t startPos, int64_t endPos);
  ~ChunkReader() override;
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;

  bool readVideoPacket(AVPacket* pkt) override;

  // Whether a frame with this presentation time is this chunk's to report.
  bool owns(int64_t pts) const;
  // After the last packet: the chunk started and ended where it was planned to.
  bool asPlanned() const { return asPlanned_; }
  // Packets of the video's own this chunk read (each packet of the video belongs to one chunk).
  int64_t packetsOwned() const { return owned_; }

 private:
  MediaInput& media_;
  const int64_t startPos_, endPos_;
  int64_t startPts_ = INT64_MIN, endPts_ = INT64_MAX;
  bool started_ = false, atBoundary_ = false, finished_ = false, asPlanned_ = false;
  bool keyframeSent_ = false, holding_ = false;
  int64_t owned_ = 0;
  struct FreePacket {
    void operator()(AVPacket* pkt) const;
  };
  std::unique_ptr<AVPacket, FreePacket> keyframe_, held_;
};

}  // namespace imajin
