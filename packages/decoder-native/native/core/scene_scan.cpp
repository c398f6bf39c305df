// scanScenes(): one decode pass (fast mode by default; an indexed video's fast scan in chunks
// decoded side by side), a small thumbnail per decoded frame, the scene and departure detectors
// over them, and optionally downscaled frames kept for keyframes.
#include <algorithm>
#include <limits>
#include <memory>

#include "core/decoder_core.h"
#include "core/departure_detector.h"
#include "core/frame_ptr.h"
#include "core/log_sink.h"
#include "core/media_input.h"
#include "core/parallel_scan.h"
#include "core/scene_detector.h"
#include "core/thumbnail.h"
#include "core/video_decoder.h"

extern "C" {
#include <libavutil/cpu.h>
#include <libavutil/frame.h>
}

namespace imajin {
namespace {

// Parallel chunks beyond four cost more in keyframes and start-up than they save on a server
// that runs several scans at once.
constexpr int kMaxWorkers = 4;

int workersFor(const ScanOptions& options) {
  if (!options.fast) return 1;
  if (options.workers > 0) return std::min(options.workers, kMaxWorkers);
  return std::clamp(av_cpu_count(), 1, kMaxWorkers);
}

// One frame's duration, for frames without timestamps and the end of the last frame.
double frameStepSec(const VideoInfo& info) { return info.frameRate > 0 ? 1.0 / info.frameRate : 1.0 / 30; }

// The detectors, fed frames in presentation order.
struct Detectors {
  explicit Detectors(double threshold) : scenes(threshold) {}
  void push(double t, const uint8_t* thumbnail) {
    if (!(t > last)) return;  // out-of-order or repeated timestamps from a damaged stream
    scenes.push(t, thumbnail);
    departures.push(t, thumbnail);
    last = t;
  }
  SceneDetector scenes;
  DepartureDetector departures;
  double last = -std::numeric_limits<double>::infinity();
};

// One pass with one decoder (libav's threads). Returns false when it lost references by
// skipping every B-frame.
bool decodeInOnePass(MediaInput& media, const ScanOptions& options, bool skipAllB, Detectors& detectors,
                     SceneScanResult& result) {
  VideoDecoder decoder(media, options.fast ? DecodeMode::FastScan : DecodeMode::Exact, skipAllB);
  Thumbnailer thumbnailer;
  uint8_t thumbnail[kThumbValues];
  const FramePtr frame = allocFrame();
  if (!frame) media.fail(Reason::Internal, "out of memory");
  const double step = frameStepSec(result.info);
  while (decoder.nextFrame(frame.get())) {
    if (decoder.lostReferences()) return false;
    const int64_t pts = frame->best_effort_timestamp;
    double t = pts != AV_NOPTS_VALUE ? media.toSeconds(pts) : detectors.last + step;
    if (t < 0) t = 0;
    if (!(t > detectors.last) || !thumbnailer.make(frame.get(), thumbnail)) continue;
    detectors.push(t, thumbnail);
    if (result.captured) result.captured->offer(t, frame.get());
  }
  if (decoder.lostReferences()) return false;
  if (decoder.framesDecoded() == 0 || detectors.last < 0) media.fail(Reason::CorruptInput, "no video frame could be decoded");
  media.checkReadComplete();
  result.framesDecoded = decoder.framesDecoded();
  result.durationSec = media.endSeconds();
  return true;
}

void startResult(const MediaInput& media, const ScanOptions& options, SceneScanResult& result) {
  result = SceneScanResult();
  result.info = describe(media);
  if (options.capture.maxSide > 0) {
    result.captured = std::make_shared<FrameCapture>(options.capture, result.info.rotation, result.info.sampleAspectRatio);
  }
}

void finishResult(const ScanOptions& options, Detectors& detectors, SceneScanResult& result) {
  detectors.scenes.finish();
  // Packet durations give the end of the last frame; without them, assume one frame step.
  if (!(result.durationSec > detectors.last)) result.durationSec = detectors.last + frameStepSec(result.info);
  result.times = detectors.scenes.times();
  result.scores = detectors.scenes.scores();
  for (double cut : detectors.scenes.cuts()) {
    if (cut > 0 && cut < result.durationSec) result.cuts.push_back(cut);
  }
  detectors.departures.finish(detectors.scenes.cuts(), result.durationSec);
  for (const Departure& d : detectors.departures.departures()) {
    if (d.start < result.durationSec) result.departures.push_back({d.start, std::min(d.end, result.durationSec), d.peak});
  }
  if (options.details) {
    result.details = detectors.scenes.details();
    result.departureDetails = detectors.departures.details();
  }
}

// The chunked pass, where the video can be split; false when it cannot (scan in one pass).
// Its decoders skip non-reference frames only: skipping every B-frame (VideoDecoder) fails on
// every 60 fps x265 file of the eval set, and finding that out cost each one a keyframe's decode
// or more (3.3% of their scans' CPU time, 4.6% of the wall time).
bool decodeInChunks(const Input& input, const ScanOptions& options, const CallControl& control,
                    SceneScanResult& result) {
  const int workers = workersFor(options);
  LogSink log;
  ScopedLogSink scoped(&log);
  MediaInput media(input, control, log);
  const std::vector<ChunkStart> chunks = planChunks(media, workers);
  if (chunks.empty()) return false;
  startResult(media, options, result);
  Detectors detectors(options.threshold);
  const ParallelScanResult run = parallelScan(
      media, input, control, chunks, workers,
      [&](double t, const uint8_t* thumbnail) { detectors.push(t, thumbnail); }, result.captured.get());
  if (run.outcome != ParallelScanResult::Outcome::Done || detectors.last < 0) return false;
  media.checkReadComplete(run.packetsRead);
  result.framesDecoded = run.framesDecoded;
  result.durationSec = run.endSeconds;
  result.chunks = int(chunks.size());
  finishResult(options, detectors, result);
  return true;
}

bool scanInOnePass(const Input& input, const ScanOptions& options, const CallControl& control, bool skipAllB,
                   SceneScanResult& result) {
  LogSink log;
  ScopedLogSink scoped(&log);
  MediaInput media(input, control, log);
  startResult(media, options, result);
  Detectors detectors(options.threshold);
  if (!decodeInOnePass(media, options, skipAllB, detectors, result)) return false;
  finishResult(options, detectors, result);
  return true;
}

}  // namespace

SceneScanResult scanScenes(const Input& input, const ScanOptions& options, const CallControl& control) {
  SceneScanResult result;
  if (workersFor(options) > 1 && decodeInChunks(input, options, control, result)) return result;
  if (!scanInOnePass(input, options, control, true, result)) scanInOnePass(input, options, control, false, result);
  return result;
}

}  // namespace imajin
