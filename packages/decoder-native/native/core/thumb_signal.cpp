#include "core/thumb_signal.h"

#include <algorithm>
#include <cmath>

namespace imajin {
namespace {

constexpr int kMaxShiftX = kThumbWidth * 3 / 8;
constexpr int kMaxShiftY = kThumbHeight * 3 / 8;
// Shifts are tried every kShiftStep thumbnail pixels, then refined around the best one: a
// quarter of the full search's cost, and a thumbnail pixel is ~1/64 of the picture.
constexpr int kShiftStep = 2;

double clamp01(double v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }

}  // namespace

double shiftedCorrelation(const float* from, const float* to, int dx, int dy) {
  const int x0 = std::max(0, dx), x1 = std::min(kThumbWidth, kThumbWidth + dx);
  const int y0 = std::max(0, dy), y1 = std::min(kThumbHeight, kThumbHeight + dy);
  const double n = double(x1 - x0) * (y1 - y0);
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (int y = y0; y < y1; ++y) {
    // Row pointers only: the column offset is applied per element, so no pointer ever points
    // before the buffer.
    const float* a = from + size_t(y - dy) * kThumbWidth;
    const float* b = to + size_t(y) * kThumbWidth;
    for (int x = x0; x < x1; ++x) {
      const double va = a[x - dx], vb = b[x];
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
  return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : -1;
}

ThumbSignal makeThumbSignal(double t, const uint8_t* thumbnail, double flatStdDev) {
  ThumbSignal s;
  s.t = t;
  s.px.resize(kThumbValues);
  double sq = 0;
  const int planeStart[] = {0, kThumbPixels, kThumbPixels + kChromaPixels, kThumbValues};
  for (int plane = 0; plane < 3; ++plane) {
    double sum = 0;
    for (int i = planeStart[plane]; i < planeStart[plane + 1]; ++i) sum += thumbnail[i];
    const double mean = sum / (planeStart[plane + 1] - planeStart[plane]);
    if (plane == 1) s.meanCb = mean;
    if (plane == 2) s.meanCr = mean;
    for (int i = planeStart[plane]; i < planeStart[plane + 1]; ++i) {
      const double v = thumbnail[i] - mean;
      s.px[size_t(i)] = float(v);
      sq += v * v;
    }
  }
  s.stdDev = std::sqrt(sq / kThumbValues);
  s.flat = s.stdDev < flatStdDev;
  s.norm = std::sqrt(sq);
  if (s.flat) std::vector<float>().swap(s.px);
  return s;
}

double colourShift(const ThumbSignal& a, const ThumbSignal& b) {
  return std::hypot(a.meanCb - b.meanCb, a.meanCr - b.meanCr);
}

double thumbChange(const ThumbSignal& a, const ThumbSignal& b) {
  if (a.flat || b.flat) return -1;
  double dot = 0;
  for (int i = 0; i < kThumbValues; ++i) dot += double(a.px[size_t(i)]) * b.px[size_t(i)];
  return clamp01(1.0 - dot / (a.norm * b.norm));
}

double bestShiftedCorrelation(const float* from, const float* to, int maxShiftX, int maxShiftY) {
  double best = -1;
  int bestX = 0, bestY = 0;
  for (int dy = -maxShiftY; dy <= maxShiftY; dy += kShiftStep) {
    for (int dx = -maxShiftX; dx <= maxShiftX; dx += kShiftStep) {
      const double c = shiftedCorrelation(from, to, dx, dy);
      if (c > best) best = c, bestX = dx, bestY = dy;
    }
  }
  for (int dy = bestY - 1; dy <= bestY + 1; ++dy) {
    for (int dx = bestX - 1; dx <= bestX + 1; ++dx) {
      if ((dx == bestX && dy == bestY) || std::abs(dx) > maxShiftX || std::abs(dy) > maxShiftY) continue;
      best = std::max(best, shiftedCorrelation(from, to, dx, dy));
    }
  }
  return best;
}

double bestShiftedCorrelation(const ThumbSignal& from, const ThumbSignal& to) {
  if (from.flat || to.flat) return -1;
  return bestShiftedCorrelation(from.px.data(), to.px.data(), kMaxShiftX, kMaxShiftY);
}

double blendExplained(const ThumbSignal& a, const ThumbSignal& b, const ThumbSignal& y) {
  if (a.flat || b.flat || y.flat) return 0;
  double aa = 0, bb = 0, ab = 0, ay = 0, by = 0, yy = 0;
  for (int i = 0; i < kThumbValues; ++i) {
    const double va = a.px[size_t(i)], vb = b.px[size_t(i)], vy = y.px[size_t(i)];
    aa += va * va;
    bb += vb * vb;
    ab += va * vb;
    ay += va * vy;
    by += vb * vy;
    yy += vy * vy;
  }
  if (yy <= 0) return 0;
  const double det = aa * bb - ab * ab;
  if (det <= 1e-6 * aa * bb) return clamp01(ay * ay / (aa * yy));  // a and b alike: a alone
  const double alpha = (ay * bb - by * ab) / det, beta = (by * aa - ay * ab) / det;
  return clamp01((alpha * ay + beta * by) / yy);
}

}  // namespace imajin
