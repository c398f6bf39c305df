// A thumbnail as a signal: each plane minus its mean, so comparisons ignore overall brightness
// and contrast (a flash or an exposure change is not new content). The comparisons the
// departure detector makes over such thumbnails live here too.
#pragma once

#include <cstdint>
#include <vector>

#include "core/scene_detector.h"  // the thumbnail layout (kThumbWidth, kThumbValues, ...)

namespace imajin {

struct ThumbSignal {
  double t = 0;
  bool flat = true;       // standard deviation under the flatness bound: no picture to compare
  double stdDev = 0;      // over all planes, 0-255 scale
  double norm = 0;        // |px|
  double meanCb = 128;    // the chroma planes' means: the picture's overall colour
  double meanCr = 128;
  std::vector<float> px;  // the thumbnail, each plane minus its mean; empty when flat
  std::vector<uint8_t> luma;  // the thumbnail's luma as it came (for shift searches); empty when flat
};

// `thumbnail` holds kThumbValues bytes; frames under `flatStdDev` are flat.
ThumbSignal makeThumbSignal(double t, const uint8_t* thumbnail, double flatStdDev);

// How far apart two pictures' overall colours are (Cb/Cr means, 0-255 levels): brightness
// alone does not count.
double colourShift(const ThumbSignal& a, const ThumbSignal& b);

// The dot product of two thumbnails' kThumbValues values (in float vectors, 64 values at a time,
// those sums added in doubles).
double thumbDot(const float* a, const float* b);

// 1 - correlation, clamped to [0, 1]; -1 when either is flat.
double thumbChange(const ThumbSignal& a, const ThumbSignal& b);

// The correlation of luma thumbnail `to` (kThumbPixels 8-bit values, as the thumbnail holds
// them) with `from` moved by (dx, dy) thumbnail pixels, over the overlap; -1 when either is
// flat there. Integer sums: exact, and a correlation ignores each picture's mean anyway.
double shiftedCorrelation(const uint8_t* from, const uint8_t* to, int dx, int dy);

// The best shiftedCorrelation over shifts of up to (maxShiftX, maxShiftY): every second shift
// first (the correlation of natural pictures at thumbnail scale varies smoothly with the shift),
// then the neighbours of the best one.
double bestShiftedCorrelation(const uint8_t* from, const uint8_t* to, int maxShiftX, int maxShiftY);

// The same for two signals' luma, with shifts of up to 3/8 of the picture each way (camera
// motion, before calling a change new content); -1 when either is flat.
double bestShiftedCorrelation(const ThumbSignal& from, const ThumbSignal& to);

// Share of `y`'s energy that a least-squares blend alpha a + beta b explains (0 when degenerate);
// a frame of a dissolve between a and b is explained, a third picture is not.
double blendExplained(const ThumbSignal& a, const ThumbSignal& b, const ThumbSignal& y);

}  // namespace imajin
