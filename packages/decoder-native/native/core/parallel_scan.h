// The fast scan of an indexed video (MP4/MOV) split at keyframes into chunks that are decoded
// side by side, one single-threaded decoder per worker, their thumbnails handed on in
// presentation order. The same frames as one pass decodes, at less CPU time than libav's frame
// threads (which spend CPU time waiting on each other's rows) and less wall time (the detectors
// run while the next chunk decodes). See README, "Parallel scan".
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/byte_source.h"
#include "core/call_control.h"
#include "core/frame_capture.h"

namespace imajin {

class MediaInput;

// A chunk's first keyframe: its byte position (-1: the start of the input) and index timestamp.
struct ChunkStart {
  int64_t pos = -1;
  int64_t timestamp = 0;
};

// Chunks for `workers` decoders: at keyframes, at least kMinChunkSec long, at most about
// kMaxChunkSec (memory: a chunk's thumbnails wait for the ones before it). Empty when the video
// cannot be split: no index, under two chunks' length, too few keyframes.
std::vector<ChunkStart> planChunks(const MediaInput& media, int workers);

struct ParallelScanResult {
  enum class Outcome {
    Done,
    OnePass,  // the chunks did not come out as planned, or a chunk failed: scan in one pass
  };
  Outcome outcome = Outcome::OnePass;
  int64_t framesDecoded = 0;
  int64_t packetsRead = 0;  // the video's packets, each counted once
  double endSeconds = 0;    // the end of the last packet read
};

// For each frame, in presentation order: its time and thumbnail (kThumbValues bytes).
using ThumbnailSink = std::function<void(double t, const uint8_t* thumbnail)>;

// Runs the chunks on `workers` threads (the first reusing `media`, positioned at its start).
// Frames captured for keyframes go to `capture` (may be null). Throws ABORTED/TIMEOUT; any
// other failure in a chunk gives Outcome::OnePass, and the one-pass scan reports it.
ParallelScanResult parallelScan(MediaInput& media, const Input& input, const CallControl& control,
                                const std::vector<ChunkStart>& chunks, int workers, const ThumbnailSink& sink,
                                FrameCapture* capture);

}  // namespace imajin
