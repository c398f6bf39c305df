// One opened input: the byte source, the demuxer (allow-listed, bounded probing), the chosen
// video stream, and the video packets read from it with limits, cancellation and truncation
// checks applied. Decoding is VideoDecoder's job.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/byte_source.h"
#include "core/call_control.h"
#include "core/container_check.h"
#include "core/log_sink.h"
#include "core/packet_source.h"
#include "core/status.h"

extern "C" {
struct AVCodecParameters;
struct AVFormatContext;
struct AVPacket;
struct AVStream;
}

namespace imajin {

// Demuxers we open (libav names, any one of a demuxer's comma-separated names). Phone and
// camera video comes in MP4/MOV/3GP, Matroska/WebM, AVI (older cameras) and MPEG-TS (AVCHD).
extern const char* const kAllowedDemuxers[];

class MediaInput : public PacketSource {
 public:
  // Opens and probes. Throws DecodeFailure (UNSUPPORTED_FORMAT, CORRUPT_INPUT, TRUNCATED,
  // NO_VIDEO_STREAM, TOO_LARGE, TOO_LONG, TOO_MANY_FRAMES, ...).
  MediaInput(const Input& input, const CallControl& control, LogSink& log);
  // What a second reader of the same input takes from the first (see the constructor below):
  // a copy, so that it can be taken on one thread and used on another.
  struct Probed {
    std::string demuxerName;
    unsigned streams = 0;
    int videoIndex = -1;
    std::shared_ptr<const AVCodecParameters> video;
    int64_t startPts = 0;
    ContainerFamily family = ContainerFamily::Other;
    bool hasAudio = false;
  };
  Probed probed() const;
  // Another reader of an input already opened (a parallel scan's): the container opened again
  // without probing its streams (avformat_find_stream_info decodes frames: ~25 ms at 720p);
  // the video stream's parameters and start time are the first reader's. Throws DecodeFailure,
  // also when the container does not open as it did the first time.
  MediaInput(const Input& input, const CallControl& control, LogSink& log, const Probed& opened);
  MediaInput(const MediaInput&) = delete;
  MediaInput& operator=(const MediaInput&) = delete;

  AVFormatContext* format() const { return fmt_.get(); }
  AVStream* video() const { return video_; }
  int videoIndex() const { return videoIndex_; }
  ContainerFamily family() const { return family_; }
  const std::string& demuxerName() const { return demuxerName_; }
  bool hasAudio() const { return hasAudio_; }
  // The video stream's first presentation time in its time base (0 when unknown): times we
  // report are seconds from it.
  int64_t startPts() const { return startPts_; }
  double toSeconds(int64_t pts) const;
  int64_t toPts(double seconds) const;

  // Next packet of the video stream into `pkt` (unreferenced first); false at the end of the
  // input. Throws on limits, cancellation, truncation and read errors.
  bool readVideoPacket(AVPacket* pkt) override;
  // Seeks the demuxer to the last keyframe at or before `pts` (video time base).
  void seekTo(int64_t pts);
  // Back to the first packet (by time where the container has an index, else to byte 0).
  void seekToStart();
  // After the last packet of a full read: every sample the index promised must have been read
  // (`packetsRead`: by all the readers of a parallel scan together; by default this input's own
  // count, checked only if it never seeked).
  void checkReadComplete(int64_t packetsRead = -1) const;

  int64_t videoPacketsRead() const { return packetsRead_; }
  // End of the last video packet read (pts + duration), in seconds: the real duration.
  double endSeconds() const { return toSeconds(endPts_); }
  // A failure carrying libav's last logged error.
  [[noreturn]] void fail(Reason reason, const std::string& message, int averror = 0) const;
  LogSink& log() const { return log_; }
  const Limits& limits() const { return control_.limits(); }
  const CallControl& control() const { return control_; }

 private:
  void openDemuxer(bool findStreamInfo);
  void chooseVideoStream();
  void discardOtherStreams();
  void checkHeaderLimits() const;
  [[noreturn]] void failRead(int averror) const;

  const CallControl& control_;
  LogSink& log_;
  std::unique_ptr<ByteSource> source_;
  std::unique_ptr<AvioReader> avio_;
  // Declared after avio_ so it closes first; a member so a throwing constructor closes it too.
  struct CloseInput {
    void operator()(AVFormatContext* fmt) const;
  };
  std::unique_ptr<AVFormatContext, CloseInput> fmt_;
  AVStream* video_ = nullptr;
  int videoIndex_ = -1;
  ContainerFamily family_ = ContainerFamily::Other;
  std::string demuxerName_;
  bool hasAudio_ = false;
  int64_t startPts_ = 0;
  int64_t packetsRead_ = 0;
  int64_t endPts_ = 0;
  bool seeked_ = false;
};

}  // namespace imajin
