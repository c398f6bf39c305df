#include "core/video_decoder.h"

#include <algorithm>

#include "core/codec_policy.h"
#include "core/media_input.h"
#include "core/packet_source.h"
#include "core/status.h"
#include "core/video_info.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avstring.h>
#include <libavutil/cpu.h>
#include <libavutil/opt.h>
}

namespace imajin {
namespace {

// From this frame rate on, an HEVC fast scan skips every B-frame.
constexpr double kHighFrameRate = 48;

}  // namespace

VideoDecoder::VideoDecoder(MediaInput& input, DecodeMode mode, bool skipAllB, bool singleThread)
    : input_(input), packets_(&input) {
  const AVCodecParameters* par = input.video()->codecpar;
  const AVCodec* codec = findAllowedDecoder(par->codec_id);
  if (!codec) {
    const char* name = avcodec_get_name(par->codec_id);
    input.fail(Reason::UnsupportedCodec, std::string("the video codec '") + (name ? name : "unknown") + "' is not supported");
  }
  ctx_.reset(avcodec_alloc_context3(codec));
  pkt_.reset(av_packet_alloc());
  if (!ctx_ || !pkt_) input.fail(Reason::Internal, "out of memory", AVERROR(ENOMEM));
  int r = avcodec_parameters_to_context(ctx_.get(), par);
  if (r < 0) input.fail(Reason::CorruptInput, "the video stream parameters are invalid", r);
  ctx_->opaque = &input.log();
  ctx_->pkt_timebase = input.video()->time_base;
  ctx_->max_pixels = input.limits().maxPixels;  // libav refuses larger frames at allocation
  ctx_->codec_whitelist = av_strdup(allowedDecoderList().c_str());
  ctx_->thread_count = 0;  // one per core
  ctx_->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
  if (mode == DecodeMode::FastScan) {
    // A skipped frame still takes its turn in frame threading's round-robin, so with half the
    // frames skipped, one thread per core leaves cores idle. Four per core cut our scan's wall
    // time by about a third at the same CPU time (the measured figures: the package README,
    // "What the scan skips for speed").
    ctx_->thread_count = std::min(16, 4 * std::max(1, av_cpu_count()));
    input.log().ignoreMissingReferences();
    ctx_->skip_frame = AVDISCARD_NONREF;
    ctx_->skip_loop_filter = AVDISCARD_ALL;
    if (skipAllB && par->codec_id == AV_CODEC_ID_HEVC && streamFrameRate(input.video()) >= kHighFrameRate) {
      // HEVC's B-frames are mostly references (a B pyramid): NONREF skips only half of them.
      // From kHighFrameRate (48 fps) up, skipping all B-frames still leaves enough decoded
      // frames (about 15 a second at 60 fps, the rate a 30 fps H.264 scan sees) for whip pans
      // to stay motion. With only I/P frames left, frame threading waits on the P chain (one
      // core busy); wavefront slice threading splits each picture instead. (At 30 fps this
      // left 7.5 frames a second: whip pans became cuts.)
      // Encoders may let P-frames reference B-frames (x265 with its default B pyramid does):
      // lostReferences() then tells the scan to run again without this.
      ctx_->skip_frame = AVDISCARD_BIDIR;
      skippingAllB_ = true;
      ctx_->thread_type = FF_THREAD_SLICE;
      ctx_->thread_count = 0;
    }
  }
  if (singleThread) {
    // Frame threads cost CPU time waiting on each other: a one-thread fast scan took 0.83-0.85x
    // the CPU time of eight threads on eval clips (package README, "Parallel scan").
    ctx_->thread_count = 1;
    ctx_->thread_type = 0;
  }
  r = avcodec_open2(ctx_.get(), codec, nullptr);
  if (r < 0) {
    input.fail(r == AVERROR(ENOMEM) ? Reason::TooLarge : Reason::UnsupportedCodec,
               std::string("the ") + codec->name + " decoder could not be opened for this stream", r);
  }
}

void VideoDecoder::FreeContext::operator()(AVCodecContext* ctx) const { avcodec_free_context(&ctx); }
void VideoDecoder::FreePacket::operator()(AVPacket* pkt) const { av_packet_free(&pkt); }

bool VideoDecoder::lostReferences() const { return skippingAllB_ && input_.log().missingReferences() > 0; }

const char* VideoDecoder::name() const { return ctx_->codec ? ctx_->codec->name : "unknown"; }

void VideoDecoder::flush(bool awaitKeyframe) {
  avcodec_flush_buffers(ctx_.get());
  draining_ = false;
  awaitingKeyframe_ = awaitKeyframe;
}

void VideoDecoder::setPacketSource(PacketSource* source) { packets_ = source ? source : &input_; }

void VideoDecoder::noteError(int averror) {
  if (averror == AVERROR(ENOMEM)) input_.fail(Reason::TooLarge, "decoding needs more memory than allowed", averror);
  // A few damaged packets are concealed by the decoder, as a player would; more than that and
  // we would be reporting on a video nobody can see.
  if (++errors_ > 2 + packetsSent_ / 50) {
    input_.fail(Reason::CorruptInput, "too many video packets could not be decoded", averror);
  }
}

bool VideoDecoder::nextFrame(AVFrame* frame) {
  for (;;) {
    // Pictures that lost a reference are often not output at all: stop at the complaint, not
    // at the end of the input.
    if (lostReferences()) return false;
    av_frame_unref(frame);
    int r = avcodec_receive_frame(ctx_.get(), frame);
    if (r == 0) {
      ++frames_;
      return true;
    }
    if (r == AVERROR_EOF) return false;
    if (r != AVERROR(EAGAIN)) {
      noteError(r);
      continue;
    }
    if (draining_) return false;
    if (!packets_->readVideoPacket(pkt_.get())) {
      draining_ = true;
      avcodec_send_packet(ctx_.get(), nullptr);
      continue;
    }
    if (awaitingKeyframe_ && !(pkt_->flags & AV_PKT_FLAG_KEY)) continue;
    awaitingKeyframe_ = false;
    ++packetsSent_;
    if (pkt_->flags & AV_PKT_FLAG_CORRUPT) noteError(AVERROR_INVALIDDATA);
    r = avcodec_send_packet(ctx_.get(), pkt_.get());
    if (r < 0 && r != AVERROR(EAGAIN)) noteError(r);
  }
}

}  // namespace imajin
