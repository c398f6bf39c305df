#include "core/thumb_signal.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "core/float_vectors.h"

namespace imajin {
namespace {

constexpr int kMaxShiftX = kThumbWidth * 3 / 8;
constexpr int kMaxShiftY = kThumbHeight * 3 / 8;
// Shifts are tried every kShiftStep thumbnail pixels, then refined around the best one: a
// quarter of the full search's cost, and a thumbnail pixel is ~1/64 of the picture.
constexpr int kShiftStep = 2;

double clamp01(double v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }


// Summed-area tables of a luma thumbnail's values and squares (exact in 32 bits: at most
// kThumbPixels x 255^2), so each shift's overlap sums cost four lookups.
struct LumaMoments {
  static constexpr int kStride = kThumbWidth + 1;
  uint32_t sum[(kThumbHeight + 1) * kStride];
  uint32_t squares[(kThumbHeight + 1) * kStride];

  explicit LumaMoments(const uint8_t* luma) {
    std::fill_n(sum, kStride, 0u);
    std::fill_n(squares, kStride, 0u);
    for (int y = 0; y < kThumbHeight; ++y) {
      uint32_t rowSum = 0, rowSquares = 0;
      sum[(y + 1) * kStride] = squares[(y + 1) * kStride] = 0;
      for (int x = 0; x < kThumbWidth; ++x) {
        const uint32_t v = luma[y * kThumbWidth + x];
        rowSum += v;
        rowSquares += v * v;
        sum[(y + 1) * kStride + x + 1] = sum[y * kStride + x + 1] + rowSum;
        squares[(y + 1) * kStride + x + 1] = squares[y * kStride + x + 1] + rowSquares;
      }
    }
  }
  // Over columns [x0, x1) and rows [y0, y1).
  static int64_t box(const uint32_t* table, int x0, int x1, int y0, int y1) {
    return int64_t(table[y1 * kStride + x1]) - table[y0 * kStride + x1] - table[y1 * kStride + x0] + table[y0 * kStride + x0];
  }
};

IMAJIN_AVX2_CLONE double shiftedCorrelation(const uint8_t* from, const uint8_t* to, const LumaMoments& mf, const LumaMoments& mt, int dx, int dy) {
  const int x0 = std::max(0, dx), x1 = std::min(kThumbWidth, kThumbWidth + dx);
  const int y0 = std::max(0, dy), y1 = std::min(kThumbHeight, kThumbHeight + dy);
  if (x1 <= x0 || y1 <= y0) return -1;
  const int64_t n = int64_t(x1 - x0) * (y1 - y0);
  uint32_t sab = 0;  // at most kThumbPixels x 255^2: fits
  for (int y = y0; y < y1; ++y) {
    // Row pointers only: the column offset is applied per element, so no pointer ever points
    // before the buffer.
    const uint8_t* a = from + size_t(y - dy) * kThumbWidth;
    const uint8_t* b = to + size_t(y) * kThumbWidth;
    uint32_t row = 0;
    for (int x = x0; x < x1; ++x) row += uint32_t(uint16_t(a[x - dx]) * uint16_t(b[x]));
    sab += row;
  }
  const int64_t sa = LumaMoments::box(mf.sum, x0 - dx, x1 - dx, y0 - dy, y1 - dy);
  const int64_t saa = LumaMoments::box(mf.squares, x0 - dx, x1 - dx, y0 - dy, y1 - dy);
  const int64_t sb = LumaMoments::box(mt.sum, x0, x1, y0, y1);
  const int64_t sbb = LumaMoments::box(mt.squares, x0, x1, y0, y1);
  // n times the covariance and variances, exact in 64 bits.
  const int64_t cov = n * int64_t(sab) - sa * sb, va = n * saa - sa * sa, vb = n * sbb - sb * sb;
  return va > 0 && vb > 0 ? double(cov) / std::sqrt(double(va) * double(vb)) : -1;
}

}  // namespace

double shiftedCorrelation(const uint8_t* from, const uint8_t* to, int dx, int dy) {
  if (std::abs(dx) >= kThumbWidth || std::abs(dy) >= kThumbHeight) return -1;
  const auto mf = std::make_unique<LumaMoments>(from);
  const auto mt = std::make_unique<LumaMoments>(to);
  return shiftedCorrelation(from, to, *mf, *mt, dx, dy);
}

ThumbSignal makeThumbSignal(double t, const uint8_t* thumbnail, double flatStdDev) {
  ThumbSignal s;
  s.t = t;
  s.px.reserve(kThumbValues);  // filled in order below (not zeroed first)
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
      s.px.push_back(float(v));
      sq += v * v;
    }
  }
  s.stdDev = std::sqrt(sq / kThumbValues);
  s.flat = s.stdDev < flatStdDev;
  s.norm = std::sqrt(sq);
  if (s.flat) {
    std::vector<float>().swap(s.px);
  } else {
    s.luma.assign(thumbnail, thumbnail + kThumbPixels);
  }
  return s;
}

double colourShift(const ThumbSignal& a, const ThumbSignal& b) {
  return std::hypot(a.meanCb - b.meanCb, a.meanCr - b.meanCr);
}

double thumbChange(const ThumbSignal& a, const ThumbSignal& b) {
  if (a.flat || b.flat) return -1;
  return clamp01(1.0 - thumbDot(a.px.data(), b.px.data()) / (a.norm * b.norm));
}

IMAJIN_AVX2_CLONE double thumbDot(const float* a, const float* b) {
  static_assert(kThumbValues % 64 == 0, "the thumbnail splits into 64-value runs");
  double dot = 0;
  for (int i = 0; i < kThumbValues; i += 64) {
    Float8 run = {};
    for (int j = i; j < i + 64; j += 8) run += load8(a + j) * load8(b + j);
    dot += sum8(run);
  }
  return dot;
}

double bestShiftedCorrelation(const uint8_t* from, const uint8_t* to, int maxShiftX, int maxShiftY) {
  maxShiftX = std::clamp(maxShiftX, 0, kThumbWidth - 1);
  maxShiftY = std::clamp(maxShiftY, 0, kThumbHeight - 1);
  const auto mf = std::make_unique<LumaMoments>(from);
  const auto mt = std::make_unique<LumaMoments>(to);
  double best = -1;
  int bestX = 0, bestY = 0;
  for (int dy = -maxShiftY; dy <= maxShiftY; dy += kShiftStep) {
    for (int dx = -maxShiftX; dx <= maxShiftX; dx += kShiftStep) {
      const double c = shiftedCorrelation(from, to, *mf, *mt, dx, dy);
      if (c > best) best = c, bestX = dx, bestY = dy;
    }
  }
  for (int dy = bestY - 1; dy <= bestY + 1; ++dy) {
    for (int dx = bestX - 1; dx <= bestX + 1; ++dx) {
      if ((dx == bestX && dy == bestY) || std::abs(dx) > maxShiftX || std::abs(dy) > maxShiftY) continue;
      best = std::max(best, shiftedCorrelation(from, to, *mf, *mt, dx, dy));
    }
  }
  return best;
}

double bestShiftedCorrelation(const ThumbSignal& from, const ThumbSignal& to) {
  if (from.flat || to.flat) return -1;
  return bestShiftedCorrelation(from.luma.data(), to.luma.data(), kMaxShiftX, kMaxShiftY);
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
