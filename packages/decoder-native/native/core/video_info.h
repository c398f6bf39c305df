// Stream facts from the container and codec headers (no decoding), and the geometry that makes
// a frame upright with square pixels.
#pragma once

#include <cstdint>
#include <string>

extern "C" {
struct AVStream;
}

namespace imajin {

class MediaInput;

struct VideoInfo {
  std::string container;    // libav demuxer name, as ffprobe's format_name
  std::string codec;        // as ffprobe's codec_name
  int width = 0;            // coded (decoded frame) size
  int height = 0;
  int displayWidth = 0;     // after sample aspect ratio and rotation
  int displayHeight = 0;
  int rotation = 0;         // clockwise degrees to apply to make the picture upright: 0/90/180/270
  double sampleAspectRatio = 1;
  double frameRate = 0;     // average; 0 when unknown
  double durationSec = 0;   // as the header declares it (a scan measures the real one)
  int64_t frameCount = -1;  // from the header, -1 when not declared
  int bitDepth = 8;
  std::string hdrTransfer;  // "pq", "hlg" or ""
  std::string pixelFormat;  // libav name, "" when unknown
  bool hasAudio = false;
};

// Width and height before rotation, after stretching to square pixels (never shrinking).
struct SquareSize {
  int width;
  int height;
};

// Sample aspect ratios outside [1/4, 4] are treated as headers we do not believe.
double saneSampleAspectRatio(double sar);
SquareSize squarePixelSize(int width, int height, double sar);

// The stream's average frame rate (its base rate when no average is known); 0 when unknown.
double streamFrameRate(const AVStream* stream);

VideoInfo describe(const MediaInput& input);

}  // namespace imajin
