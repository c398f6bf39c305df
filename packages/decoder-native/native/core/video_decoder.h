// The video stream's decoder: allow-listed, capped in pixels, threaded; optionally skipping
// what a scene scan does not need. nextFrame() pulls packets from the MediaInput as needed.
#pragma once

#include <cstdint>
#include <memory>

extern "C" {
struct AVCodecContext;
struct AVFrame;
struct AVPacket;
}

namespace imajin {

class MediaInput;
class PacketSource;

enum class DecodeMode {
  Exact,  // every frame, bit-exact
  // Skips non-reference frames and the loop filter: fewer frames, slightly blockier, but every
  // decoded frame still shows its own picture (see README, "What the scan skips").
  FastScan,
};

class VideoDecoder {
 public:
  // Throws UNSUPPORTED_CODEC when the stream's codec is not allowed or not available.
  // `skipAllB`: a fast scan of high-frame-rate HEVC may skip every B-frame (see the .cpp).
  // `singleThread`: no frame or slice threads (the parallel scan runs one decoder per core).
  VideoDecoder(MediaInput& input, DecodeMode mode, bool skipAllB = true, bool singleThread = false);
  VideoDecoder(const VideoDecoder&) = delete;
  VideoDecoder& operator=(const VideoDecoder&) = delete;

  AVCodecContext* context() const { return ctx_.get(); }
  const char* name() const;

  // The next decoded frame into `frame` (unreferenced first); false once the stream is drained.
  // Throws CORRUPT_INPUT when too many packets fail to decode, TOO_LARGE on oversized frames.
  bool nextFrame(AVFrame* frame);
  // Forgets buffered frames and packets: call after MediaInput::seekTo. With awaitKeyframe,
  // packets before the next keyframe are dropped unsent: after a seek they could not decode
  // correctly anyway, and their errors are ours, not the file's.
  void flush(bool awaitKeyframe);
  // Packets from `source` instead of the MediaInput itself (nullptr: back to the MediaInput).
  void setPacketSource(PacketSource* source);

  int64_t framesDecoded() const { return frames_; }
  // True once a frame referenced a B-frame this decoder skipped: the pictures decoded since are
  // wrong (grey or smeared), and the scan must run again without skipping B-frames.
  bool lostReferences() const;

 private:
  void noteError(int averror);

  struct FreeContext {
    void operator()(AVCodecContext* ctx) const;
  };
  struct FreePacket {
    void operator()(AVPacket* pkt) const;
  };

  MediaInput& input_;
  PacketSource* packets_;
  std::unique_ptr<AVCodecContext, FreeContext> ctx_;  // members: freed even if the constructor throws
  std::unique_ptr<AVPacket, FreePacket> pkt_;
  bool draining_ = false;
  bool skippingAllB_ = false;
  bool awaitingKeyframe_ = false;
  int64_t packetsSent_ = 0;
  int64_t errors_ = 0;
  int64_t frames_ = 0;
};

}  // namespace imajin
