#include "core/media_input.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/codec_policy.h"
#include "core/status.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/avstring.h>
#include <libavutil/error.h>
}

namespace imajin {

const char* const kAllowedDemuxers[] = {"mov", "matroska", "avi", "mpegts", nullptr};

namespace {

constexpr int kProbeBytes = 1 << 20;               // container sniffing
constexpr int64_t kStreamInfoBytes = 5'000'000;     // avformat_find_stream_info's read budget
constexpr int64_t kStreamInfoDuration = 5 * AV_TIME_BASE;
constexpr int kMaxStreams = 64;

bool demuxerAllowed(const char* name) {
  for (const char* const* allowed = kAllowedDemuxers; *allowed; ++allowed) {
    if (av_match_list(name, *allowed, ',') > 0) return true;
  }
  return false;
}

std::string allowedDemuxerList() {
  std::string list;
  for (const char* const* allowed = kAllowedDemuxers; *allowed; ++allowed) {
    list += list.empty() ? "" : ",";
    list += *allowed;
  }
  return list;
}

int interruptCallback(void* opaque) { return static_cast<const CallControl*>(opaque)->shouldStop() ? 1 : 0; }

std::string libavText(int averror) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {0};
  av_strerror(averror, text, sizeof text);
  return text;
}

}  // namespace

MediaInput::MediaInput(const Input& input, const CallControl& control, LogSink& log)
    : control_(control), log_(log) {
  source_ = openSource(input, control.limits().maxInputBytes);
  openDemuxer(true);
  chooseVideoStream();
  checkHeaderLimits();
  std::string why = family_ == ContainerFamily::Mov ? indexBeyondEnd(fmt_.get(), source_->size()) : std::string();
  if (why.empty() && family_ != ContainerFamily::Mov) why = declaredBeyondEnd(family_, *source_);
  if (!why.empty()) fail(Reason::Truncated, "the input is truncated: " + why);
}

MediaInput::MediaInput(const Input& input, const CallControl& control, LogSink& log, const Probed& opened)
    : control_(control), log_(log) {
  source_ = openSource(input, control.limits().maxInputBytes);
  openDemuxer(false);
  if (demuxerName_ != opened.demuxerName || fmt_->nb_streams != opened.streams || opened.videoIndex < 0 ||
      fmt_->streams[opened.videoIndex]->codecpar->codec_id != opened.video->codec_id) {
    fail(Reason::CorruptInput, "the input did not open again as it did the first time");
  }
  videoIndex_ = opened.videoIndex;
  video_ = fmt_->streams[videoIndex_];
  const int r = avcodec_parameters_copy(video_->codecpar, opened.video.get());
  if (r < 0) fail(Reason::Internal, "out of memory", r);
  discardOtherStreams();
  family_ = opened.family;
  hasAudio_ = opened.hasAudio;
  startPts_ = endPts_ = opened.startPts;
}

MediaInput::Probed MediaInput::probed() const {
  AVCodecParameters* par = avcodec_parameters_alloc();
  if (!par || avcodec_parameters_copy(par, video_->codecpar) < 0) {
    avcodec_parameters_free(&par);
    fail(Reason::Internal, "out of memory", AVERROR(ENOMEM));
  }
  Probed p;
  p.demuxerName = demuxerName_;
  p.streams = fmt_->nb_streams;
  p.videoIndex = videoIndex_;
  p.video.reset(par, [](const AVCodecParameters* q) {
    AVCodecParameters* owned = const_cast<AVCodecParameters*>(q);
    avcodec_parameters_free(&owned);
  });
  p.startPts = startPts_;
  p.family = family_;
  p.hasAudio = hasAudio_;
  return p;
}

void MediaInput::CloseInput::operator()(AVFormatContext* fmt) const {
  avformat_close_input(&fmt);  // leaves our custom AVIOContext alone
}

[[noreturn]] void MediaInput::fail(Reason reason, const std::string& message, int averror) const {
  std::string libav = log_.lastError();
  if (libav.empty() && averror != 0) libav = libavText(averror);
  throw DecodeFailure(reason, message, averror, libav);
}

void MediaInput::openDemuxer(bool findStreamInfo) {
  avio_ = std::make_unique<AvioReader>(*source_, control_);
  const AVInputFormat* iformat = nullptr;
  int r = av_probe_input_buffer2(avio_->context(), &iformat, "", nullptr, 0, kProbeBytes);
  control_.check();
  if (r < 0 || !iformat) fail(Reason::UnsupportedFormat, "the input is not in a recognised video container", r);
  demuxerName_ = iformat->name;
  if (!demuxerAllowed(iformat->name)) {
    fail(Reason::UnsupportedFormat,
         "the container '" + demuxerName_ + "' is not accepted (accepted: " + allowedDemuxerList() + ")");
  }
  family_ = familyOf(iformat->name);

  AVFormatContext* fmt = avformat_alloc_context();
  if (!fmt) fail(Reason::Internal, "out of memory", AVERROR(ENOMEM));
  fmt->pb = avio_->context();
  fmt->opaque = &log_;
  fmt->interrupt_callback.callback = interruptCallback;
  fmt->interrupt_callback.opaque = const_cast<CallControl*>(&control_);
  fmt->probesize = kStreamInfoBytes;
  fmt->max_analyze_duration = kStreamInfoDuration;
  fmt->max_streams = kMaxStreams;
  fmt->format_whitelist = av_strdup(allowedDemuxerList().c_str());
  fmt->codec_whitelist = av_strdup(allowedDecoderList().c_str());  // decoders find_stream_info may open
  r = avformat_open_input(&fmt, nullptr, iformat, nullptr);  // frees fmt on failure
  fmt_.reset(fmt);
  control_.check();
  if (r < 0) {
    const std::string why = declaredBeyondEnd(family_, *source_);
    if (!why.empty()) fail(Reason::Truncated, "the input is truncated: " + why, r);
    fail(r == AVERROR(ENOMEM) ? Reason::TooLarge : Reason::CorruptInput, "the " + demuxerName_ + " container could not be read", r);
  }
  // Dimensions the container declares are checked before any decoder sees a frame.
  for (unsigned i = 0; i < fmt_->nb_streams; ++i) {
    const AVCodecParameters* par = fmt_->streams[i]->codecpar;
    if (par->codec_type != AVMEDIA_TYPE_VIDEO) continue;
    if (int64_t(std::max(par->width, 0)) * std::max(par->height, 0) > control_.limits().maxPixels) {
      fail(Reason::TooLarge, "the container declares frames of " + std::to_string(par->width) + "x" +
                                 std::to_string(par->height) + ", over maxPixels " + std::to_string(control_.limits().maxPixels));
    }
  }
  if (!findStreamInfo) return;
  r = avformat_find_stream_info(fmt_.get(), nullptr);
  control_.check();
  if (r < 0) fail(Reason::CorruptInput, "the streams could not be read", r);
}

void MediaInput::chooseVideoStream() {
  for (unsigned i = 0; i < fmt_->nb_streams; ++i) {
    AVStream* st = fmt_->streams[i];
    const AVMediaType type = st->codecpar->codec_type;
    if (type == AVMEDIA_TYPE_AUDIO) hasAudio_ = true;
    // Cover art in an audio file is a "video" stream of one picture: not a video.
    if (type != AVMEDIA_TYPE_VIDEO || (st->disposition & AV_DISPOSITION_ATTACHED_PIC)) continue;
    if (!video_ || ((st->disposition & AV_DISPOSITION_DEFAULT) && !(video_->disposition & AV_DISPOSITION_DEFAULT))) {
      video_ = st;
      videoIndex_ = static_cast<int>(i);
    }
  }
  if (!video_) {
    fail(Reason::NoVideoStream, hasAudio_ ? "the input has audio but no video stream" : "the input has no video stream");
  }
  discardOtherStreams();
  startPts_ = video_->start_time != AV_NOPTS_VALUE ? video_->start_time : 0;
  endPts_ = startPts_;
}

// Only the chosen video stream's packets are read.
void MediaInput::discardOtherStreams() {
  for (unsigned i = 0; i < fmt_->nb_streams; ++i) {
    if (static_cast<int>(i) != videoIndex_) fmt_->streams[i]->discard = AVDISCARD_ALL;
  }
}

void MediaInput::checkHeaderLimits() const {
  const Limits& limits = control_.limits();
  const AVCodecParameters* par = video_->codecpar;
  if (par->width <= 0 || par->height <= 0) fail(Reason::CorruptInput, "the video stream has no frame size");
  const int64_t pixels = int64_t(std::max(par->width, 0)) * std::max(par->height, 0);
  if (pixels > limits.maxPixels) {
    fail(Reason::TooLarge, "frames of " + std::to_string(par->width) + "x" + std::to_string(par->height) +
                               " exceed maxPixels " + std::to_string(limits.maxPixels));
  }
  if (video_->nb_frames > limits.maxFrames) {
    fail(Reason::TooManyFrames, "the header declares " + std::to_string(video_->nb_frames) +
                                    " frames, over maxFrames " + std::to_string(limits.maxFrames));
  }
  double declared = 0;
  if (video_->duration > 0 && video_->duration != AV_NOPTS_VALUE) declared = video_->duration * av_q2d(video_->time_base);
  else if (fmt_->duration > 0 && fmt_->duration != AV_NOPTS_VALUE) declared = double(fmt_->duration) / AV_TIME_BASE;
  if (declared > limits.maxDurationSec) {
    fail(Reason::TooLong, "the header declares " + std::to_string(declared) + " s, over maxDurationSec " +
                              std::to_string(limits.maxDurationSec));
  }
}

// In doubles: hostile timestamps near the int64 limits must not overflow.
double MediaInput::toSeconds(int64_t pts) const {
  return (double(pts) - double(startPts_)) * av_q2d(video_->time_base);
}

int64_t MediaInput::toPts(double seconds) const {
  constexpr double kLimit = 4e18;  // well inside int64
  const double ticks = double(startPts_) + std::clamp(seconds, -1e9, 1e9) / av_q2d(video_->time_base);
  return int64_t(std::llround(std::clamp(ticks, -kLimit, kLimit)));
}

[[noreturn]] void MediaInput::failRead(int averror) const {
  const std::string why = declaredBeyondEnd(family_, *source_);
  if (!why.empty()) fail(Reason::Truncated, "the input is truncated: " + why, averror);
  if (averror == AVERROR(ENOMEM)) fail(Reason::TooLarge, "reading the input needs more memory than allowed", averror);
  fail(Reason::CorruptInput, "the " + demuxerName_ + " container could not be read", averror);
}

bool MediaInput::readVideoPacket(AVPacket* pkt) {
  const Limits& limits = control_.limits();
  for (;;) {
    control_.check();
    av_packet_unref(pkt);
    const int r = av_read_frame(fmt_.get(), pkt);
    control_.check();  // a read stopped by cancellation can surface as EOF
    if (r == AVERROR_EOF) {
      if (fmt_->pb && fmt_->pb->error < 0 && fmt_->pb->error != AVERROR_EOF) failRead(fmt_->pb->error);
      return false;
    }
    if (r < 0) failRead(r);
    if (pkt->stream_index != videoIndex_) continue;
    if (++packetsRead_ > limits.maxFrames) {
      fail(Reason::TooManyFrames, "the video has more than maxFrames " + std::to_string(limits.maxFrames) + " frames");
    }
    const int64_t pts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    if (pts != AV_NOPTS_VALUE) {
      const int64_t duration = pkt->duration > 0 && pts < INT64_MAX - pkt->duration ? pkt->duration : 0;
      endPts_ = std::max(endPts_, pts + duration);
      if (toSeconds(pts) > limits.maxDurationSec) {
        fail(Reason::TooLong, "the video runs past maxDurationSec " + std::to_string(limits.maxDurationSec) + " s");
      }
    }
    return true;
  }
}

void MediaInput::seekTo(int64_t pts) {
  seeked_ = true;
  int r = av_seek_frame(fmt_.get(), videoIndex_, pts, AVSEEK_FLAG_BACKWARD);
  if (r < 0) r = avformat_seek_file(fmt_.get(), videoIndex_, INT64_MIN, pts, pts, 0);
  control_.check();
  if (r < 0) fail(Reason::CorruptInput, "seeking in the video failed", r);
}

void MediaInput::seekToStart() {
  seeked_ = true;
  int r = avformat_seek_file(fmt_.get(), videoIndex_, INT64_MIN, startPts_, startPts_, 0);
  if (r < 0) r = av_seek_frame(fmt_.get(), -1, 0, AVSEEK_FLAG_BYTE);
  control_.check();
  if (r < 0) fail(Reason::CorruptInput, "seeking to the start of the video failed", r);
}

void MediaInput::checkReadComplete(int64_t packetsRead) const {
  if (packetsRead < 0 && !seeked_) packetsRead = packetsRead_;
  if (packetsRead >= 0 && family_ == ContainerFamily::Mov) {
    const int promised = avformat_index_get_entries_count(video_);
    if (promised > packetsRead) {
      fail(Reason::Truncated, "the input is truncated: the index lists " + std::to_string(promised) +
                                  " video samples but only " + std::to_string(packetsRead) + " could be read");
    }
  }
  const std::string why = declaredBeyondEnd(family_, *source_);
  if (!why.empty()) fail(Reason::Truncated, "the input is truncated: " + why);
}

}  // namespace imajin
