// Frames kept during a scene scan, so that keyframes need no second decode (the scan decodes
// every frame the grab would otherwise seek back for). Which frames: the first decoded frame in
// each slot of a time grid, the grid's spacing doubling (and every other frame dropped) whenever
// more than maxFrames are held, so memory stays bounded whatever the length and the frames stay
// evenly spread. Frames are stored downscaled in their decoded pixel format (a 640 px 4:2:0
// frame is ~0.35 MB at 8 bits, ~0.7 MB at 10), and converted to RGB (upright, square pixels,
// tone-mapped) only when asked for.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/frame_ptr.h"
#include "core/rgb_converter.h"

extern "C" {
struct AVFrame;
struct SwsContext;
}

namespace imajin {

struct CaptureOptions {
  int maxSide = 0;             // long side of the frames returned; 0: capture nothing
  int maxFrames = 160;         // frames held at most
  double firstSpacingSec = 0.25;
};

class FrameCapture {
 public:
  FrameCapture(const CaptureOptions& options, int rotation, double sar);
  ~FrameCapture();
  FrameCapture(const FrameCapture&) = delete;
  FrameCapture& operator=(const FrameCapture&) = delete;

  // Called for every decoded frame in presentation order (t ascending): keeps it when it is the
  // first in its grid slot. A frame that cannot be downscaled is skipped, not an error (the
  // keyframe is then grabbed the usual way).
  void offer(double t, const AVFrame* frame);

  // An empty capture with the same settings whose grid starts at `spacingSec` (a chunk of a
  // parallel scan fills one, then its frames are append()ed in order).
  std::unique_ptr<FrameCapture> emptyCopy(double spacingSec) const;
  // Takes `later`'s frames, all after this one's: the result holds what offering them here would.
  void append(FrameCapture& later);

  // The times of the frames held (ascending), and their count.
  std::vector<double> times() const;
  size_t size() const { return frames_.size(); }
  size_t bytes() const { return bytes_; }
  double spacingSec() const { return spacing_; }

  // The frame at `index` as RGB (thread-safe; the converter is shared).
  RgbImage rgb(size_t index);

 private:
  struct Held {
    double t;
    FramePtr frame;
    size_t bytes;
  };
  int64_t slotOf(double t) const;
  bool store(double t, const AVFrame* frame);
  void thin();

  CaptureOptions options_;
  int rotation_;
  double sar_;
  double spacing_;
  int64_t lastSlot_ = INT64_MIN;
  std::vector<Held> frames_;
  size_t bytes_ = 0;
  SwsContext* sws_ = nullptr;
  std::mutex convertMutex_;
  RgbConverter converter_;
};

}  // namespace imajin
