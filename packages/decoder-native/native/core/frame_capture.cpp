#include "core/frame_capture.h"

#include <algorithm>
#include <cmath>

#include "core/status.h"
#include "core/video_info.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

namespace imajin {

FrameCapture::FrameCapture(const CaptureOptions& options, int rotation, double sar)
    : options_(options),
      rotation_(rotation),
      sar_(sar),
      spacing_(options.firstSpacingSec > 0 ? options.firstSpacingSec : 0.25),
      converter_(rotation, sar, std::max(1, options.maxSide)) {
  options_.maxFrames = std::max(2, options_.maxFrames);
}

FrameCapture::~FrameCapture() { sws_freeContext(sws_); }

int64_t FrameCapture::slotOf(double t) const { return int64_t(std::floor(t / spacing_ + 1e-9)); }

void FrameCapture::offer(double t, const AVFrame* frame) {
  if (options_.maxSide <= 0) return;
  const int64_t slot = slotOf(t);
  if (slot <= lastSlot_) return;
  if (!store(t, frame)) return;
  lastSlot_ = slot;
  if (frames_.size() > size_t(options_.maxFrames)) thin();
}

// Twice the spacing; of the frames held, the first in each new slot stays.
void FrameCapture::thin() {
  spacing_ *= 2;
  std::vector<Held> kept;
  int64_t last = INT64_MIN;
  for (Held& held : frames_) {
    const int64_t slot = slotOf(held.t);
    if (slot > last) {
      last = slot;
      kept.push_back(std::move(held));
    } else {
      bytes_ -= held.bytes;
    }
  }
  frames_ = std::move(kept);
  lastSlot_ = frames_.empty() ? INT64_MIN : slotOf(frames_.back().t);
}

std::unique_ptr<FrameCapture> FrameCapture::emptyCopy(double spacingSec) const {
  CaptureOptions options = options_;
  options.firstSpacingSec = spacingSec;
  return std::make_unique<FrameCapture>(options, rotation_, sar_);
}

// Each holds the first frame offered in each slot of its grid; on a common grid (the coarser
// one: spacings are the same first spacing doubled) the later one's frames in slots already
// taken here come second.
void FrameCapture::append(FrameCapture& later) {
  while (later.spacing_ < spacing_) later.thin();
  while (spacing_ < later.spacing_) thin();
  for (Held& held : later.frames_) {
    const int64_t slot = slotOf(held.t);
    if (slot <= lastSlot_) continue;
    bytes_ += held.bytes;
    frames_.push_back(std::move(held));
    lastSlot_ = slot;
    if (frames_.size() > size_t(options_.maxFrames)) thin();
  }
  later.frames_.clear();
  later.bytes_ = 0;
}

bool FrameCapture::store(double t, const AVFrame* frame) {
  if (frame->width <= 0 || frame->height <= 0) return false;
  const auto format = static_cast<AVPixelFormat>(frame->format);
  if (!sws_isSupportedInput(format) || !sws_isSupportedOutput(format)) return false;
  // Uniformly downscaled, so the stream's sample aspect ratio still holds for the converter,
  // and no smaller than the RGB frame it will become.
  const SquareSize square = squarePixelSize(frame->width, frame->height, sar_);
  const double scale = std::min(1.0, double(options_.maxSide) / std::max(square.width, square.height));
  const int w = std::max(1, int(std::lround(frame->width * scale)));
  const int h = std::max(1, int(std::lround(frame->height * scale)));

  FramePtr small = allocFrame();
  if (!small) return false;
  small->format = frame->format;
  small->width = w;
  small->height = h;
  if (av_frame_get_buffer(small.get(), 0) < 0) return false;
  if (av_frame_copy_props(small.get(), frame) < 0) return false;
  sws_ = sws_getCachedContext(sws_, frame->width, frame->height, format, w, h, format, SWS_AREA, nullptr, nullptr,
                              nullptr);
  if (!sws_) return false;
  if (sws_scale(sws_, frame->data, frame->linesize, 0, frame->height, small->data, small->linesize) != h) return false;
  const int size = av_image_get_buffer_size(format, w, h, 1);
  const size_t bytes = size > 0 ? size_t(size) : 0;
  frames_.push_back({t, std::move(small), bytes});
  bytes_ += bytes;
  return true;
}

std::vector<double> FrameCapture::times() const {
  std::vector<double> out;
  out.reserve(frames_.size());
  for (const Held& held : frames_) out.push_back(held.t);
  return out;
}

RgbImage FrameCapture::rgb(size_t index) {
  if (index >= frames_.size()) throw DecodeFailure(Reason::InvalidArgument, "no captured frame with that index");
  std::lock_guard<std::mutex> lock(convertMutex_);
  return converter_.convert(frames_[index].frame.get());
}

}  // namespace imajin
