// grabFrames(): one open, the requested times in ascending order, a seek only when the next
// time lies beyond the keyframe we could reach by decoding forward, and RGB conversion only of
// the frames returned.
#include <algorithm>
#include <memory>
#include <numeric>

#include "core/decoder_core.h"
#include "core/frame_ptr.h"
#include "core/log_sink.h"
#include "core/media_input.h"
#include "core/rgb_converter.h"
#include "core/video_decoder.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
}

namespace imajin {
namespace {

// Without an index, decoding forward beats a seek for gaps shorter than this.
constexpr double kForwardWithoutIndexSec = 2.0;
// How far before a target successive seeks aim when one lands past it.
constexpr double kSeekBackoffSec[] = {0, 1, 3, 8, 20};

class Cursor {
 public:
  Cursor(MediaInput& media, VideoDecoder& decoder)
      : media_(media), decoder_(decoder), prev_(av_frame_alloc()), next_(av_frame_alloc()), scratch_(av_frame_alloc()) {
    if (!prev_ || !next_ || !scratch_) media.fail(Reason::Internal, "out of memory");
  }

  // The last frame with pts <= target, else the first after it; nullptr when there is none.
  const AVFrame* frameAt(int64_t target) {
    if (haveNext_ && next_->best_effort_timestamp <= target) {
      std::swap(prev_, next_);
      havePrev_ = true;
      haveNext_ = false;
    }
    if (!haveNext_ && !eof_) {
      if (shouldSeek(target)) {
        seekAtOrBefore(target);
      } else {
        started_ = true;
        decodeUntil(target);
      }
    }
    if (havePrev_) return prev_.get();
    return haveNext_ ? next_.get() : nullptr;
  }

 private:
  // A seek can stop past the target (a keyframe shown after it because of B-frame delay, or a
  // container without an index landing mid-GOP): then we back off further, and at worst
  // decode from the start.
  void seekAtOrBefore(int64_t target) {
    for (double back : kSeekBackoffSec) {
      const int64_t at = target - (media_.toPts(back) - media_.startPts());
      if (at <= media_.startPts()) break;
      seek(at);
      decodeUntil(target);
      if (havePrev_) return;
    }
    seekToStart();
    decodeUntil(target);
  }

  bool shouldSeek(int64_t target) const {
    // Before anything is decoded the demuxer is at the start: the first GOP needs no seek.
    if (started_ && !havePrev_) return true;
    const int64_t here = started_ ? prev_->best_effort_timestamp : media_.startPts();
    AVStream* st = media_.video();
    const int entry = av_index_search_timestamp(st, target, AVSEEK_FLAG_BACKWARD);
    if (entry >= 0) {
      const AVIndexEntry* keyframe = avformat_index_get_entry(st, entry);
      if (keyframe) return keyframe->timestamp > here;
    }
    return media_.toSeconds(target) - media_.toSeconds(here) > kForwardWithoutIndexSec;
  }

  void seek(int64_t target) {
    media_.seekTo(target);
    reset(true);
  }

  void seekToStart() {
    media_.seekToStart();
    reset(false);  // from the first packet, whatever it is (streams without keyframe flags)
  }

  void reset(bool awaitKeyframe) {
    decoder_.flush(awaitKeyframe);
    havePrev_ = haveNext_ = eof_ = false;
    started_ = true;
  }

  void decodeUntil(int64_t target) {
    while (decoder_.nextFrame(scratch_.get())) {
      if (scratch_->best_effort_timestamp == AV_NOPTS_VALUE) continue;
      if (scratch_->best_effort_timestamp <= target) {
        av_frame_unref(prev_.get());
        av_frame_move_ref(prev_.get(), scratch_.get());
        havePrev_ = true;
      } else {
        av_frame_unref(next_.get());
        av_frame_move_ref(next_.get(), scratch_.get());
        haveNext_ = true;
        return;
      }
    }
    eof_ = true;
    media_.checkReadComplete();
  }

  MediaInput& media_;
  VideoDecoder& decoder_;
  FramePtr prev_, next_, scratch_;
  bool havePrev_ = false, haveNext_ = false, eof_ = false, started_ = false;
};

}  // namespace

std::vector<GrabbedFrame> grabFrames(const Input& input, const std::vector<double>& times, int maxSide,
                                     const CallControl& control) {
  LogSink log;
  ScopedLogSink scoped(&log);
  MediaInput media(input, control, log);
  const VideoInfo info = describe(media);
  VideoDecoder decoder(media, DecodeMode::Exact);
  RgbConverter converter(info.rotation, info.sampleAspectRatio, maxSide);
  Cursor cursor(media, decoder);

  std::vector<size_t> order(times.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return times[a] < times[b]; });

  std::vector<GrabbedFrame> frames(times.size());
  GrabbedFrame last;
  int64_t lastPts = AV_NOPTS_VALUE;
  for (size_t index : order) {
    const AVFrame* frame = cursor.frameAt(media.toPts(times[index]));
    if (!frame) media.fail(Reason::CorruptInput, "no video frame could be decoded");
    if (frame->best_effort_timestamp != lastPts) {
      RgbImage image = converter.convert(frame);
      last.t = std::max(0.0, media.toSeconds(frame->best_effort_timestamp));
      last.width = image.width;
      last.height = image.height;
      last.rgb = std::move(image.data);
      lastPts = frame->best_effort_timestamp;
    }
    frames[index] = last;
  }
  return frames;
}

}  // namespace imajin
