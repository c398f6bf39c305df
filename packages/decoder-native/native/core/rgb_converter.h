// Decoded frame -> packed RGB24 that is upright, has square pixels, a long side of at most
// maxSide and is 8-bit SDR. SDR sources go through swscale (with the stream's YUV matrix and
// range); HDR (PQ/HLG) and BT.2020 sources through a libavfilter zscale graph that converts to
// linear light, BT.709 primaries and transfer (HDR highlights compressed by a mobius tone map),
// because a plain swscale conversion of HDR looks washed out.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" {
struct AVFrame;
struct AVFilterGraph;
struct AVFilterContext;
struct SwsContext;
}

namespace imajin {

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> data;  // width * height * 3
};

class RgbConverter {
 public:
  // rotation: clockwise degrees (0/90/180/270); sar: the stream's sample aspect ratio.
  RgbConverter(int rotation, double sar, int maxSide);
  ~RgbConverter();
  RgbConverter(const RgbConverter&) = delete;
  RgbConverter& operator=(const RgbConverter&) = delete;

  // Throws DecodeFailure (INTERNAL) when the conversion cannot be set up.
  RgbImage convert(const AVFrame* frame);

 private:
  struct Format {
    int width, height, pixFmt, trc, primaries, space, range;
    bool operator==(const Format& o) const;
  };
  void toRgbScaled(const AVFrame* frame, int outW, int outH, RgbImage& out);
  bool toRgbFiltered(const AVFrame* frame, int outW, int outH, RgbImage& out);
  bool configureGraph(const AVFrame* frame, const Format& format, int outW, int outH);
  void freeGraph();

  int rotation_;
  double sar_;
  int maxSide_;
  SwsContext* sws_ = nullptr;
  AVFilterGraph* graph_ = nullptr;
  AVFilterContext* src_ = nullptr;
  AVFilterContext* sink_ = nullptr;
  std::unique_ptr<Format> graphFormat_;
  bool graphFailed_ = false;
};

// Whether a frame with these colour properties needs the zscale path.
bool needsToneMapping(int trc, int primaries);

// Quarter-turn rotation of packed RGB24, clockwise.
RgbImage rotateRgb(const RgbImage& in, int rotation);

}  // namespace imajin
