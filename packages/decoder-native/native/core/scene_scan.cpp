// scanScenes(): one decode pass (fast mode by default), a small thumbnail per decoded frame,
// the scene and departure detectors over them, and optionally downscaled frames kept for
// keyframes.
#include <algorithm>
#include <limits>
#include <memory>

#include "core/decoder_core.h"
#include "core/departure_detector.h"
#include "core/log_sink.h"
#include "core/media_input.h"
#include "core/scene_detector.h"
#include "core/thumbnail.h"
#include "core/video_decoder.h"

extern "C" {
#include <libavutil/frame.h>
}

namespace imajin {
namespace {

// One pass over the input. Returns false, with `result` unusable, when the decoder lost
// references by skipping every B-frame (the pass must be run again without that).
bool scanOnce(const Input& input, const ScanOptions& options, const CallControl& control, bool skipAllB,
              SceneScanResult& result) {
  LogSink log;
  ScopedLogSink scoped(&log);
  MediaInput media(input, control, log);
  result = SceneScanResult();
  result.info = describe(media);
  VideoDecoder decoder(media, options.fast ? DecodeMode::FastScan : DecodeMode::Exact, skipAllB);
  SceneDetector detector(options.threshold);
  DepartureDetector departures;
  Thumbnailer thumbnailer;
  if (options.capture.maxSide > 0) {
    result.captured = std::make_shared<FrameCapture>(options.capture, result.info.rotation, result.info.sampleAspectRatio);
  }
  uint8_t thumbnail[kThumbValues];
  std::unique_ptr<AVFrame, void (*)(AVFrame*)> frame(av_frame_alloc(), [](AVFrame* f) { av_frame_free(&f); });
  if (!frame) media.fail(Reason::Internal, "out of memory");

  const double step = result.info.frameRate > 0 ? 1.0 / result.info.frameRate : 1.0 / 30;
  double last = -std::numeric_limits<double>::infinity();
  while (decoder.nextFrame(frame.get())) {
    if (decoder.lostReferences()) return false;
    const int64_t pts = frame->best_effort_timestamp;
    double t = pts != AV_NOPTS_VALUE ? media.toSeconds(pts) : last + step;
    if (t < 0) t = 0;
    if (!(t > last)) continue;  // out-of-order or repeated timestamps from a damaged stream
    if (!thumbnailer.make(frame.get(), thumbnail)) continue;
    detector.push(t, thumbnail);
    departures.push(t, thumbnail);
    if (result.captured) result.captured->offer(t, frame.get());
    last = t;
  }
  if (decoder.lostReferences()) return false;
  if (decoder.framesDecoded() == 0 || last < 0) media.fail(Reason::CorruptInput, "no video frame could be decoded");
  media.checkReadComplete();
  detector.finish();

  // Packet durations give the end of the last frame; without them, assume one frame step.
  result.durationSec = media.endSeconds() > last ? media.endSeconds() : last + step;
  result.times = detector.times();
  result.scores = detector.scores();
  for (double cut : detector.cuts()) {
    if (cut > 0 && cut < result.durationSec) result.cuts.push_back(cut);
  }
  departures.finish(detector.cuts(), result.durationSec);
  for (const Departure& d : departures.departures()) {
    if (d.start < result.durationSec) result.departures.push_back({d.start, std::min(d.end, result.durationSec), d.peak});
  }
  result.framesDecoded = decoder.framesDecoded();
  if (options.details) {
    result.details = detector.details();
    result.departureDetails = departures.details();
  }
  return true;
}

}  // namespace

SceneScanResult scanScenes(const Input& input, const ScanOptions& options, const CallControl& control) {
  SceneScanResult result;
  if (!scanOnce(input, options, control, true, result)) scanOnce(input, options, control, false, result);
  return result;
}

}  // namespace imajin
