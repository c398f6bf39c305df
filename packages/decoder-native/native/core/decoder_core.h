// The decoding core's whole API: plain C++ over libav, no Node. The addon calls these from
// worker threads; standalone programs (fuzzing, benchmarks) link the same code.
// Every function throws imajin::DecodeFailure on failure and never returns a partial result.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/byte_source.h"
#include "core/call_control.h"
#include "core/departure_detector.h"
#include "core/frame_capture.h"
#include "core/scene_detector.h"
#include "core/status.h"
#include "core/video_info.h"

namespace imajin {

// Once per process, before any other call: libav logging routed to per-call sinks, and the
// allocation cap (av_max_alloc) set.
void initDecoderCore();
// The largest single allocation libav may make (av_max_alloc): an 8K frame of 16-bit 4:4:4.
constexpr size_t kMaxAllocBytes = size_t(1) << 30;

VideoInfo probe(const Input& input, const CallControl& control);

struct ScanOptions {
  double threshold = 0.3;  // on the scene score's 0..1 scale (see scene_detector.h)
  bool fast = true;        // skip non-reference frames and the loop filter (DecodeMode::FastScan)
  bool details = false;    // fill SceneScanResult::details and departureDetails (tuning tools)
  // Decoders side by side in a fast scan of an indexed video (parallel_scan.h); 0: one per core
  // (at most 4), 1: a single decoder with libav's own threads.
  int workers = 0;
  CaptureOptions capture;  // frames to keep for keyframes (none by default)
};

struct SceneScanResult {
  VideoInfo info;
  double durationSec = 0;      // measured: the end of the last video packet
  std::vector<double> times;   // per scored frame, seconds from the stream start
  std::vector<float> scores;
  std::vector<double> cuts;
  std::vector<Departure> departures;  // where the picture leaves the shot (departure_detector.h)
  int64_t framesDecoded = 0;
  int chunks = 1;              // parts decoded side by side (parallel_scan.h); 1: one pass
  std::vector<SceneDetector::FrameDetail> details;  // only with ScanOptions::details
  std::vector<DepartureDetector::FrameDetail> departureDetails;  // only with ScanOptions::details
  std::shared_ptr<FrameCapture> captured;            // only with ScanOptions::capture.maxSide > 0
};

SceneScanResult scanScenes(const Input& input, const ScanOptions& options, const CallControl& control);

struct GrabbedFrame {
  double t = 0;  // the real presentation time of the frame returned
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgb;  // packed RGB24
};

// One frame per requested time (seconds from the stream start), in the order asked: the last
// frame shown at or before that time (the first frame for times before it).
std::vector<GrabbedFrame> grabFrames(const Input& input, const std::vector<double>& times, int maxSide,
                                     const CallControl& control);

}  // namespace imajin
