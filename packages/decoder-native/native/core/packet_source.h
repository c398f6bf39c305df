// Where a decoder gets its packets: the whole video stream (MediaInput) or one chunk of it
// (ChunkReader, for the parallel scan).
#pragma once

extern "C" {
struct AVPacket;
}

namespace imajin {

class PacketSource {
 public:
  virtual ~PacketSource() = default;
  // The next packet into `pkt` (unreferenced first); false when there is none left.
  virtual bool readVideoPacket(AVPacket* pkt) = 0;
};

}  // namespace imajin
