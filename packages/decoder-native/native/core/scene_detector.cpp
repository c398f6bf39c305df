#include "core/scene_detector.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <utility>
#include <limits>
#include <map>

#include "core/float_vectors.h"
#include "core/thumb_signal.h"

namespace imajin {
namespace {

// Hard cuts: every one of the last kSpan content frames before a frame must differ from every
// one of the kSpan + 1 frames from it on. A flash (1-3 bright frames) fails that: the picture
// after it matches the picture before it.
constexpr int kSpan = 4;
// The frame-to-frame change a shot is already showing (motion) is the median step over this
// many frames before the candidate (and kSpan after), subtracted from the candidate's score.
constexpr int kBaselineBefore = 8;
// Thumbnails with a standard deviation under this (0-255 scale, over all planes) carry no
// picture: black, white, a fade's bottom. They are bridged: content before and after them is compared directly.
constexpr double kFlatStdDev = 4.0;
// ...unless some thumbnail pixel stands this far (0-255) from the mean luma: text on black (a
// title card) is mostly black too, but it is a picture, and cutting to or from it is a cut. A
// fade's bottom stays within a few levels of its mean everywhere.
constexpr double kFlatPeak = 24.0;
// Gradual transitions: a frame that is a blend of the frames half a window before and after it,
// for these half-windows (seconds). Dissolves and dips shorter than 2 s are caught.
constexpr double kHalfWindows[] = {0.25, 0.5, 1.0};
constexpr double kLongestHalfWindow = 1.0;
constexpr double kHalfwayReach = 0.5;
constexpr double kNoTime = std::numeric_limits<double>::quiet_NaN();
constexpr double kGradualLookAhead = 2 * kLongestHalfWindow;  // half-way reach (<= 1 s) + ends
// Blend fit (R^2) needed: below kFitFloor nothing, full credit from kFitFloor + kFitRamp.
constexpr double kFitFloor = 0.80;
constexpr double kFitRamp = 0.15;
// Contrast dip of the middle frame, relative to a pure blend's (1): none of it at kDipFloor.
constexpr double kDipFloor = 0.3;
constexpr double kDipRamp = 0.4;
// How much better than any moved end the blend must explain a gradual candidate's middle frame.
constexpr double kMotionMargin = 0.05;
// Gradual scores are a product of five factors, each below 1 in real footage: a clean dissolve
// between moderately different pictures (ends change 0.3-0.5) scored under the threshold.
constexpr double kGradualGain = 1.4;
constexpr size_t kMaxWindowFrames = 4096;  // bounds memory at very high frame rates

double clamp01(double v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }

// Camera motion: shifts of up to half the picture sideways (a whip pan moves that far between
// two frames a fast scan decodes) and 3/8 up or down are tried before calling a change new
// content. Only hard-cut candidates that already score at least kMotionCheckShare of the
// threshold pay for the shift search (about 450 correlations of the luma thumbnail).
constexpr int kMaxShiftX = kThumbWidth / 2;
constexpr int kMaxShiftY = kThumbHeight * 3 / 8;
constexpr double kMotionCheckShare = 0.5;
// A moved picture "matches" from this correlation on (fully at floor + ramp).
constexpr double kMovedMatchFloor = 0.8;
constexpr double kMovedMatchRamp = 0.1;
// Zooms tried between two frames (either way: a scale below 1 zooms out).
constexpr double kZoomScales[] = {0.6, 0.7, 0.8, 0.88, 0.94, 0.97, 1.03, 1.06, 1.13, 1.25, 1.4, 1.65};

// The best correlation of `to`'s luma with `from`'s over shifts of up to kMaxShiftX/Y.
double bestShiftedCorrelation(const std::vector<uint8_t>& from, const std::vector<uint8_t>& to) {
  return imajin::bestShiftedCorrelation(from.data(), to.data(), kMaxShiftX, kMaxShiftY);
}

// Pearson correlation with a fixed luma thumbnail `b` (its sums taken once: correlate() is
// called hundreds of times per search). Four partial sums each, so the additions do not wait
// on one another.
struct CorrelationTarget {
  explicit CorrelationTarget(const float* values) : b(values) {
    for (int i = 0; i < kThumbPixels; ++i) {
      sb += b[i];
      sbb += double(b[i]) * b[i];
    }
  }
  double correlate(const float* a) const {
    double sa[4] = {0, 0, 0, 0}, saa[4] = {0, 0, 0, 0}, sab[4] = {0, 0, 0, 0};
    static_assert(kThumbPixels % 4 == 0, "the thumbnail splits into four-sample runs");
    for (int i = 0; i < kThumbPixels; i += 4) {
      for (int k = 0; k < 4; ++k) {
        const double va = a[i + k];
        sa[k] += va;
        saa[k] += va * va;
        sab[k] += va * b[i + k];
      }
    }
    return finish(sa[0] + sa[1] + sa[2] + sa[3], saa[0] + saa[1] + saa[2] + saa[3], sab[0] + sab[1] + sab[2] + sab[3]);
  }
  double finish(double sa, double saa, double sab) const {
    constexpr double n = kThumbPixels;
    const double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : -1;
  }
  const float* b;
  double sb = 0, sbb = 0;
};

// Bilinear sampling along one axis of a zoom: for each output position, the first source
// sample and the weight of the next one.
struct ZoomAxis {
  int first[kThumbWidth];
  double weight[kThumbWidth];
};

// Positions `centre` + (i - centre) / scale for i in [0, length), clamped to the picture (outside
// it, the nearest edge).
void zoomAxis(int length, double scale, double offset, ZoomAxis& axis) {
  const double centre = (length - 1) / 2.0 + offset;
  for (int i = 0; i < length; ++i) {
    const double s = std::clamp(centre + (i - centre) / scale, 0.0, length - 1.0);
    axis.first[i] = std::min(int(s), length - 2);
    axis.weight[i] = s - axis.first[i];
  }
}

// `from` resampled along x only (each row's samples at the axis' positions): a zoom's first,
// separable half, shared by every vertical centre.
void zoomRows(const float* from, const ZoomAxis& xs, float* out) {
  for (int y = 0; y < kThumbHeight; ++y) {
    const float* r = from + size_t(y) * kThumbWidth;
    float* o = out + size_t(y) * kThumbWidth;
    for (int x = 0; x < kThumbWidth; ++x) {
      const int x0 = xs.first[x];
      const float fx = float(xs.weight[x]);
      o[x] = (1 - fx) * r[x0] + fx * r[x0 + 1];
    }
  }
}

// The correlation of `to` with the x-resampled rows `rows` resampled along y too (bilinear
// overall), without storing the zoomed picture. The search's inner loop (300 of these per
// search): floats eight at a time, each row's sums then added in doubles (64 values per float
// sum: an error of ~1e-7 of the result).
IMAJIN_AVX2_CLONE double zoomedCorrelation(const float* rows, const ZoomAxis& ys, const CorrelationTarget& to) {
  static_assert(kThumbWidth % 8 == 0, "rows split into eight-sample runs");
  double sa = 0, saa = 0, sab = 0;
  for (int y = 0; y < kThumbHeight; ++y) {
    const float fy = float(ys.weight[y]);
    const Float8 f = splat8(fy), g = splat8(1 - fy);
    const float* r0 = rows + size_t(ys.first[y]) * kThumbWidth;
    const float* r1 = r0 + kThumbWidth;
    const float* b = to.b + size_t(y) * kThumbWidth;
    Float8 a = {}, aa = {}, ab = {};
    for (int x = 0; x < kThumbWidth; x += 8) {
      const Float8 va = g * load8(r0 + x) + f * load8(r1 + x);
      a += va;
      aa += va * va;
      ab += va * load8(b + x);
    }
    sa += sum8(a);
    saa += sum8(aa);
    sab += sum8(ab);
  }
  return to.finish(sa, saa, sab);
}

// A zoom in or out (up to kMaxZoom between the two frames) about any point of the central
// half of the picture: the best correlation of `to` with `from` zoomed so.
double bestZoomedCorrelation(const std::vector<float>& from, const CorrelationTarget& to, double enough) {
  // Centres from -1/4 of the picture on, every 1/8 (in whole thumbnail pixels), up to +1/4.
  constexpr int kCentres = 5;
  static_assert(-kThumbWidth / 4 + (kCentres - 1) * (kThumbWidth / 8) <= kThumbWidth / 4, "centres within reach");
  static_assert(-kThumbHeight / 4 + (kCentres - 1) * (kThumbHeight / 8) <= kThumbHeight / 4, "centres within reach");
  static_assert(-kThumbHeight / 4 + kCentres * (kThumbHeight / 8) > kThumbHeight / 4, "and no more");
  double best = -1;
  ZoomAxis xs, ys[kCentres];
  std::vector<float> rows(kThumbPixels);
  for (double scale : kZoomScales) {
    for (int c = 0; c < kCentres; ++c) zoomAxis(kThumbHeight, scale, -kThumbHeight / 4 + c * (kThumbHeight / 8), ys[c]);
    for (int cx = 0; cx < kCentres; ++cx) {
      zoomAxis(kThumbWidth, scale, -kThumbWidth / 4 + cx * (kThumbWidth / 8), xs);
      zoomRows(from.data(), xs, rows.data());
      for (int cy = 0; cy < kCentres; ++cy) best = std::max(best, zoomedCorrelation(rows.data(), ys[cy], to));
      if (best >= enough) return best;
    }
  }
  return best;
}

// A focus pull: the best correlation of one picture with the other blurred (box blur of radius
// 1-4 thumbnail pixels, twice), either way round.
// The mean over the window [i - radius, i + radius] cut to [0, length), along one line of
// `length` values `stride` apart: a running sum, one addition and one subtraction per value.
void boxBlurLine(const float* in, int length, int stride, int radius, float* out) {
  double sum = 0;
  int n = 0;
  for (int i = 0; i <= std::min(radius, length - 1); ++i, ++n) sum += in[i * stride];
  for (int i = 0; i < length; ++i) {
    out[i * stride] = float(sum / n);
    if (i + radius + 1 < length) sum += in[(i + radius + 1) * stride], ++n;
    if (i - radius >= 0) sum -= in[(i - radius) * stride], --n;
  }
}

void boxBlur(const float* in, int radius, float* out) {
  float tmp[kThumbPixels];
  for (int y = 0; y < kThumbHeight; ++y) boxBlurLine(in + y * kThumbWidth, kThumbWidth, 1, radius, tmp + y * kThumbWidth);
  for (int x = 0; x < kThumbWidth; ++x) boxBlurLine(tmp + x, kThumbHeight, kThumbWidth, radius, out + x);
}

double bestBlurredCorrelation(const std::vector<float>& a, const std::vector<float>& b) {
  double best = -1;
  std::vector<float> once(kThumbPixels), twice(kThumbPixels);
  for (int way = 0; way < 2; ++way) {
    const float* sharp = way == 0 ? a.data() : b.data();
    const CorrelationTarget other(way == 0 ? b.data() : a.data());
    for (int radius = 1; radius <= 4; ++radius) {
      boxBlur(sharp, radius, once.data());
      boxBlur(once.data(), radius, twice.data());
      best = std::max(best, other.correlate(twice.data()));
    }
  }
  return best;
}

// How well `to` is `from` filmed on: moved, zoomed or refocused (the best correlation of any).
// The cheaper checks run first; a match of `enough` ends the search. (Inside the zoom search,
// only a match above kMovedMatchFloor too: the callers treat every value up to the floor alike,
// so stopping there gives the scores the whole search would.)
template <typename Thumb>
double sameShotCorrelation(const Thumb& from, const Thumb& to, double enough = kMovedMatchFloor + kMovedMatchRamp) {
  double best = bestShiftedCorrelation(from.luma, to.luma);
  if (best >= enough) return best;
  best = std::max(best, bestBlurredCorrelation(from.px, to.px));
  if (best >= enough) return best;
  const double zoomEnough = std::max(enough, std::nextafter(kMovedMatchFloor, 2.0));
  return std::max(best, bestZoomedCorrelation(from.px, CorrelationTarget(to.px.data()), zoomEnough));
}

double median(std::vector<float>& values) {
  if (values.empty()) return 0;
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  return values[mid];
}

}  // namespace

namespace {

// Each plane of a thumbnail at half the resolution (2x2 means): luma 32x18, Cb and Cr 16x9.
std::vector<float> coarsen(const std::vector<float>& px) {
  std::vector<float> out;
  out.reserve(kThumbValues / 4);
  const int planeStart[] = {0, kThumbPixels, kThumbPixels + kChromaPixels};
  const int planeWidth[] = {kThumbWidth, kChromaWidth, kChromaWidth};
  const int planeHeight[] = {kThumbHeight, kChromaHeight, kChromaHeight};
  for (int plane = 0; plane < 3; ++plane) {
    const float* p = px.data() + planeStart[plane];
    const int w = planeWidth[plane];
    for (int y = 0; y + 1 < planeHeight[plane]; y += 2) {
      for (int x = 0; x + 1 < w; x += 2) {
        out.push_back(0.25f * (p[y * w + x] + p[y * w + x + 1] + p[(y + 1) * w + x] + p[(y + 1) * w + x + 1]));
      }
    }
  }
  return out;
}

}  // namespace

SceneDetector::SceneDetector(double threshold) : threshold_(threshold) {}

const SceneDetector::Thumb* SceneDetector::frame(int64_t index) const {
  if (index < windowStart_ || index >= windowStart_ + int64_t(window_.size())) return nullptr;
  return &window_[size_t(index - windowStart_)];
}

double SceneDetector::change(int64_t a, int64_t b) const {
  const Thumb* x = frame(a);
  const Thumb* y = frame(b);
  if (!x || !y || x->flat || y->flat) return -1;
  return clamp01(1.0 - thumbDot(x->px.data(), y->px.data()) / (x->norm * y->norm));
}

int64_t SceneDetector::contentBefore(int64_t index, int steps) const {
  int64_t at = index;
  for (int i = 0; i < steps && at >= 0; ++i) at = prevContent_[size_t(at)];
  return at;
}

void SceneDetector::push(double t, const uint8_t* thumbnail) {
  Thumb thumb;
  thumb.t = t;
  thumb.px.resize(kThumbValues);
  double sq = 0, lumaPeak = 0;
  const int planeStart[] = {0, kThumbPixels, kThumbPixels + kChromaPixels, kThumbValues};
  for (int plane = 0; plane < 3; ++plane) {
    double sum = 0;
    for (int i = planeStart[plane]; i < planeStart[plane + 1]; ++i) sum += thumbnail[i];
    const double mean = sum / (planeStart[plane + 1] - planeStart[plane]);
    for (int i = planeStart[plane]; i < planeStart[plane + 1]; ++i) {
      const double v = thumbnail[i] - mean;
      thumb.px[size_t(i)] = float(v);
      sq += v * v;
      if (plane == 0) lumaPeak = std::max(lumaPeak, std::fabs(v));
    }
  }
  thumb.flat = std::sqrt(sq / kThumbValues) < kFlatStdDev && lumaPeak < kFlatPeak;
  thumb.norm = std::sqrt(sq);
  if (thumb.flat) {
    std::vector<float>().swap(thumb.px);
  } else {
    thumb.coarse = coarsen(thumb.px);
    thumb.luma.assign(thumbnail, thumbnail + kThumbPixels);
  }
  const int64_t index = int64_t(times_.size());
  const bool flat = thumb.flat;
  window_.push_back(std::move(thumb));
  times_.push_back(t);
  prevContent_.push_back(lastContent_);
  flat_.push_back(flat);
  step_.push_back(flat || lastContent_ < 0 ? -1.0f : float(change(lastContent_, index)));
  hard_.push_back(0);
  gradual_.push_back(0);
  gradualRadius_.push_back(0);
  gradualTime_.push_back(t);
  if (!flat) lastContent_ = index;

  while (nextHard_ + kSpan <= index) evaluateHard(nextHard_++);
  // A gradual candidate looks kLongestHalfWindow ahead, and its half-way point up to
  // kHalfwayReach + kLongestHalfWindow.
  while (nextGradual_ < index && times_[size_t(nextGradual_)] + kGradualLookAhead <= t) evaluateGradual(nextGradual_++);
  trimWindow();
}

void SceneDetector::finish() {
  const int64_t n = int64_t(times_.size());
  while (nextHard_ < n) evaluateHard(nextHard_++);
  while (nextGradual_ < n) evaluateGradual(nextGradual_++);
  pickCuts();
  window_.clear();
}

void SceneDetector::evaluateHard(int64_t k) {
  const Thumb* current = frame(k);
  const int64_t p = prevContent_[size_t(k)];
  if (!current || current->flat || p < 0) return;
  const int64_t n = int64_t(times_.size());

  double h = 1;
  int pairs = 0;
  for (int64_t x = p, i = 0; x >= 0 && i < kSpan; x = prevContent_[size_t(x)], ++i) {
    for (int64_t y = k; y < n && y <= k + kSpan; ++y) {
      const double c = change(x, y);
      if (c < 0) continue;
      h = std::min(h, c);
      ++pairs;
    }
  }
  if (pairs == 0) return;

  std::vector<float> steps;
  for (int64_t i = std::max<int64_t>(0, k - kBaselineBefore); i < n && i <= k + kSpan; ++i) {
    if (i != k && step_[size_t(i)] >= 0) steps.push_back(step_[size_t(i)]);
  }
  const double baseline = steps.size() >= 3 ? median(steps) : 0;
  double score = clamp01(h - baseline);
  // Camera motion: when the last picture, moved, matches this one closely, it is the same
  // shot. (Only a close match counts: moved, unrelated pictures can correlate loosely.)
  if (score >= kMotionCheckShare * threshold_) {
    // Shifts for every candidate; zooms and focus (costlier) only where the score still counts.
    double moved = bestShiftedCorrelation(frame(p)->luma, current->luma);
    if (moved < kMovedMatchFloor + kMovedMatchRamp && score * (1.0 - clamp01((moved - kMovedMatchFloor) / kMovedMatchRamp)) >= threshold_)
      moved = sameShotCorrelation(*frame(p), *current);
    score *= 1.0 - clamp01((moved - kMovedMatchFloor) / kMovedMatchRamp);
  }

  // Across black (or white) frames, the transition is reported in the middle of them.
  int64_t at = k;
  if (p < k - 1) at = nearestFrame((times_[size_t(p + 1)] + times_[size_t(k - 1)]) / 2, p + 1, k - 1);
  hard_[size_t(at)] = std::max(hard_[size_t(at)], float(score));
}

int64_t SceneDetector::nearestFrame(double t, int64_t lo, int64_t hi) const {
  if (lo > hi) return -1;
  const auto first = times_.begin() + lo;
  const auto last = times_.begin() + hi + 1;
  auto it = std::lower_bound(first, last, t);
  if (it == last) return hi;
  if (it != first && (t - *(it - 1)) <= (*it - t)) --it;
  return int64_t(it - times_.begin());
}

namespace {

struct BlendFit {
  double alpha = 0, beta = 0;  // Y ~ alpha A + beta B (least squares, zero-mean thumbnails)
  double r2 = 0;               // share of Y's energy the blend explains
  double aa = 0, bb = 0, ab = 0, yy = 0;
};

BlendFit fitBlend(const std::vector<float>& A, const std::vector<float>& B, const std::vector<float>& Y) {
  BlendFit f;
  double ay = 0, by = 0;
  for (size_t i = 0; i < Y.size(); ++i) {
    const double va = A[size_t(i)], vb = B[size_t(i)], vy = Y[size_t(i)];
    f.aa += va * va;
    f.bb += vb * vb;
    f.ab += va * vb;
    ay += va * vy;
    by += vb * vy;
    f.yy += vy * vy;
  }
  const double det = f.aa * f.bb - f.ab * f.ab;
  if (det <= 1e-9 * f.aa * f.bb || f.yy <= 0) return f;
  f.alpha = (ay * f.bb - by * f.ab) / det;
  f.beta = (by * f.aa - ay * f.ab) / det;
  f.r2 = 1.0 - (f.yy - f.alpha * ay - f.beta * by) / f.yy;
  return f;
}

}  // namespace

namespace {

struct BlendScore {
  double score = 0;
  double r2 = 0;
};

// How much Y looks like a point on the way from picture A to picture B: the change between them
// x the fit x the balance x the contrast dip x smoothness (README "Gradual transitions").
BlendScore blendScore(const std::vector<float>& A, const std::vector<float>& B, const std::vector<float>& Y, double biggestStep) {
  const BlendFit f = fitBlend(A, B, Y);
  const double endsChange = clamp01(1.0 - f.ab / std::sqrt(f.aa * f.bb));
  if (endsChange <= 0 || f.alpha <= 0 || f.beta <= 0) return {};
  const double fit = clamp01((f.r2 - kFitFloor) / kFitRamp);
  const double u = f.alpha / (f.alpha + f.beta), v = 1 - u;
  const double balance = 4 * u * v;  // 1 half-way through
  // A blend of two different pictures has less contrast than either (by u v |A - B|^2); a pan
  // over smooth content also fits a blend, but keeps its contrast.
  const double abDistance = f.aa + f.bb - 2 * f.ab;
  const double dip = (u * f.aa + v * f.bb - f.yy) / (u * v * abDistance);
  const double contrastDip = clamp01((dip - kDipFloor) / kDipRamp);
  // A transition that is gradual has no single step carrying most of the change.
  const double smooth = clamp01((0.6 * endsChange - biggestStep) / (0.3 * endsChange));
  return {std::min(1.0, kGradualGain * endsChange * fit * balance * contrastDip * smooth), f.r2};
}

}  // namespace

SceneDetector::GradualFit SceneDetector::gradualAt(int64_t m, double halfWindow) const {
  const int64_t n = int64_t(times_.size());
  const double tm = times_[size_t(m)];
  const int64_t a = nearestFrame(tm - halfWindow, windowStart_, m - 1);
  const int64_t b = nearestFrame(tm + halfWindow, m + 1, n - 1);
  if (a < 0 || b < 0) return {};
  if (tm - times_[size_t(a)] < 0.5 * halfWindow || times_[size_t(b)] - tm < 0.5 * halfWindow) return {};
  const Thumb* A = frame(a);
  const Thumb* B = frame(b);
  const Thumb* Y = frame(m);
  if (!A || !B || !Y || A->flat || B->flat || Y->flat) return {};

  double biggestStep = 0;
  for (int64_t i = a + 1; i <= b; ++i) biggestStep = std::max(biggestStep, double(step_[size_t(i)]));
  // Fine texture filmed handheld (grass, gravel) changes from frame to frame at the thumbnail's
  // scale, so the ends half a window away no longer add up to the middle frame; at half the
  // resolution they do. The better of the two scales counts.
  BlendScore best = blendScore(A->px, B->px, Y->px, biggestStep);
  const BlendScore coarse = blendScore(A->coarse, B->coarse, Y->coarse, biggestStep);
  if (coarse.score > best.score) best = coarse;
  return {best.score, best.r2, a, b};
}

double SceneDetector::sameShotDiscount(const GradualFit& g, int64_t m) const {
  // Camera motion over smooth content also looks like a blend; a blend is a blend only when
  // neither end, moved (zoomed, refocused), explains the middle frame as well.
  const Thumb& Y = *frame(m);
  const double blend = std::sqrt(std::max(0.0, g.r2));
  double moved = sameShotCorrelation(*frame(g.a), Y, blend);
  if (moved < blend) moved = std::max(moved, sameShotCorrelation(*frame(g.b), Y, blend));
  return moved > kMovedMatchFloor ? clamp01((blend - moved) / kMotionMargin) : 1.0;
}

double SceneDetector::halfwayTime(int64_t m, double reach) const {
  // Where the picture is half-way from the frame `reach` before to the one after (projection
  // onto the line between them): the middle of a dissolve, whatever its curve, as long as those
  // ends lie outside it. kNoTime when an end is missing or uniform, or nothing gets half-way.
  const double tm = times_[size_t(m)];
  const int64_t a = nearestFrame(tm - reach, windowStart_, m - 1);
  const int64_t b = nearestFrame(tm + reach, m + 1, int64_t(times_.size()) - 1);
  const Thumb* A = frame(a);
  const Thumb* B = frame(b);
  if (!A || !B || A->flat || B->flat) return kNoTime;
  std::vector<double> d(kThumbValues);
  double dd = 0;
  for (int i = 0; i < kThumbValues; ++i) {
    d[size_t(i)] = double(B->px[size_t(i)]) - A->px[size_t(i)];
    dd += d[size_t(i)] * d[size_t(i)];
  }
  if (dd <= 0) return kNoTime;
  double prevT = times_[size_t(a)], prevF = 0;
  for (int64_t i = a + 1; i <= b; ++i) {
    const Thumb* Y = frame(i);
    if (!Y || Y->flat) continue;
    double proj = 0;
    for (int k = 0; k < kThumbValues; ++k) proj += (double(Y->px[size_t(k)]) - A->px[size_t(k)]) * d[size_t(k)];
    const double fraction = proj / dd;
    const double t = times_[size_t(i)];
    if (fraction >= 0.5) return prevF >= fraction ? t : prevT + (t - prevT) * (0.5 - prevF) / (fraction - prevF);
    prevT = t;
    prevF = fraction;
  }
  return kNoTime;
}

void SceneDetector::evaluateGradual(int64_t m) {
  // The same-shot check is costly: it runs only for windows scoring at least the threshold,
  // strongest first, and stops once no other window could do better.
  std::pair<GradualFit, double> fits[std::size(kHalfWindows)];
  for (size_t i = 0; i < std::size(kHalfWindows); ++i) fits[i] = {gradualAt(m, kHalfWindows[i]), kHalfWindows[i]};
  std::sort(std::begin(fits), std::end(fits), [](const auto& x, const auto& y) { return x.first.score > y.first.score; });
  for (const auto& [fit, halfWindow] : fits) {
    if (fit.score <= gradual_[size_t(m)]) break;
    const double g = fit.score >= threshold_ ? fit.score * sameShotDiscount(fit, m) : fit.score;
    if (g > gradual_[size_t(m)]) {
      gradual_[size_t(m)] = float(g);
      gradualRadius_[size_t(m)] = float(halfWindow);
    }
  }
  gradualTime_[size_t(m)] = times_[size_t(m)];
  if (gradual_[size_t(m)] >= threshold_) {
    // The half-way point refines the time near the frame that found the transition, no further
    // (far from it, the projection met something else: a ramp, another shot). The ends are
    // first kLongestHalfWindow away, then (when one is uniform, say in a dip just before, or the
    // answer is too far) twice the winning half-window: outside the transition, yet not in the
    // next one when transitions follow each other closely. A long dissolve is often found
    // early, with one end inside it: the projection is then redone around the first answer.
    const double tm = times_[size_t(m)];
    const double radius = gradualRadius_[size_t(m)];
    const double reach = std::max(radius, kHalfwayReach);
    for (double ends : {kLongestHalfWindow, 2.0 * radius}) {
      double halfway = halfwayTime(m, ends);
      if (std::isnan(halfway) || std::fabs(halfway - tm) > reach) continue;
      const int64_t centre = nearestFrame(halfway, windowStart_, int64_t(times_.size()) - 1);
      if (centre != m) {
        const double again = halfwayTime(centre, ends);
        if (!std::isnan(again) && std::fabs(again - tm) <= reach) halfway = again;
      }
      gradualTime_[size_t(m)] = halfway;
      return;
    }
  }
}

void SceneDetector::trimWindow() {
  const int64_t n = int64_t(times_.size());
  int64_t keep = n;
  if (nextHard_ < n) {
    const int64_t first = contentBefore(nextHard_, kSpan);  // the oldest frame the next hard check compares
    keep = std::min(keep, first >= 0 ? first : nextHard_);
    keep = std::min(keep, nextHard_);
  }
  if (nextGradual_ < n) {
    const double from = times_[size_t(nextGradual_)] - kGradualLookAhead - 0.5;
    int64_t i = std::min(keep, nextGradual_);
    while (i > windowStart_ && times_[size_t(i - 1)] >= from) --i;
    keep = std::min(keep, i);
  }
  while (windowStart_ < keep && !window_.empty()) {
    window_.pop_front();
    ++windowStart_;
  }
  while (window_.size() > kMaxWindowFrames) {
    window_.pop_front();
    ++windowStart_;
  }
}

std::vector<SceneDetector::FrameDetail> SceneDetector::details() const {
  std::vector<FrameDetail> rows;
  for (size_t i = 0; i < times_.size(); ++i) {
    rows.push_back({times_[i], flat_[i], step_[i], hard_[i], gradual_[i]});
  }
  return rows;
}

void SceneDetector::pickCuts() {
  const size_t n = times_.size();
  scores_.assign(n, 0);
  struct Candidate {
    size_t index;
    float score;
    double radius;
    double at;  // the time reported
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < n; ++i) {
    scores_[i] = std::max(hard_[i], gradual_[i]);
    if (i == 0 || scores_[i] < threshold_) continue;
    const double hardRadius = std::min(0.5, times_[std::min(n - 1, i + kSpan)] - times_[i]);
    const bool hard = hard_[i] >= gradual_[i];
    candidates.push_back({i, scores_[i], hard ? hardRadius : double(gradualRadius_[i]), hard ? times_[i] : gradualTime_[i]});
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
  // Strongest first; a candidate within the radius of a stronger accepted one, by the frame that
  // found it or by the time it reports, is the same transition. Radii are at most
  // kLongestHalfWindow and reports within a radius of their frame, so only accepted candidates
  // within twice that are looked at.
  struct Accepted {
    double at;
    double radius;
  };
  std::multimap<double, Accepted> accepted;  // by the time of the frame that found it
  std::vector<double> reported;
  for (const Candidate& c : candidates) {
    const double t = times_[c.index];
    bool clear = true;
    for (auto it = accepted.lower_bound(t - 2 * kLongestHalfWindow); clear && it != accepted.end() && it->first <= t + 2 * kLongestHalfWindow; ++it) {
      const double radius = std::max(c.radius, it->second.radius);
      clear = std::fabs(t - it->first) > radius && std::fabs(c.at - it->second.at) > radius;
    }
    if (!clear) continue;
    accepted.emplace(t, Accepted{c.at, c.radius});
    reported.push_back(c.at);
  }
  std::sort(reported.begin(), reported.end());
  cuts_.clear();
  for (double t : reported) {
    if (cuts_.empty() || t > cuts_.back() + 1e-6) cuts_.push_back(t);  // two reports of one instant
  }
}

}  // namespace imajin
