#include "core/departure_detector.h"

#include <algorithm>
#include <cmath>

namespace imajin {
namespace {

// A frame is compared with the shot half a span before and after it, for these half-spans
// (seconds): an insert of d seconds (with its dissolves) is seen by any half-span over d / 2.
// Longer inserts are scenes of their own: the cut detector reports them.
constexpr double kHalfSpans[] = {0.1, 0.2, 0.4, 0.8, 1.4, 2.0};
constexpr double kLongestHalfSpan = 2.0;
// A reference may sit this much further than its half-span when flat frames lie between.
constexpr double kReferenceSlack = 0.5;
// Thumbnails under this standard deviation carry no picture: a departure to them is a drop to
// low texture. (The scene detector uses the same bound but also keeps text on black as a
// picture; for a departure, a title card counts as low texture either way.)
constexpr double kFlatStdDev = 4.0;
// "Came back": the shot before and after differ by at most this (1 - correlation).
constexpr double kReturnedMax = 0.25;
// Departed: the frame differs from both ends by this much more than they differ from each other.
constexpr double kAwayMin = 0.35;
// The same for overall colour (Cb/Cr means, 0-255 levels), scaled so that kAwayMin is reached
// at 12 levels: a magenta card inside a grey shot can share its layout (both darker at the
// bottom), not its colour. Brightness alone never counts (flashes, exposure).
constexpr double kColourScale = 12.0 / kAwayMin;
// A third picture inside a transition: explained by a blend of its ends at most this well...
constexpr double kBlendExplainedMax = 0.6;
// ...within this of a cut, and only over half-spans up to this (further out, handheld motion
// alone makes ends that a blend cannot explain).
constexpr double kTransitionReach = 1.0;
constexpr double kLongestBetweenHalfSpan = 1.0;
// Camera motion: when either end, moved, matches the frame this well, it is the same shot.
constexpr double kMovedMatchFloor = 0.8;
constexpr double kMovedMatchRamp = 0.1;
// A departure is at least this many decoded frames or this long: one or two frames of a flash
// are not one.
constexpr size_t kMinFrames = 3;
constexpr double kMinSpanSec = 0.12;
// The peak is the middle of the frames that departed at least this share of the most.
constexpr double kPeakShare = 0.9;
constexpr size_t kMaxWindowFrames = 4096;  // bounds memory at very high frame rates
constexpr size_t kMaxDepartures = 512;     // bounds the result on pathological input

double clamp01(double v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }

// How much camera motion explains `y` from either end: 1 = fully, 0 = not at all.
double motionExplains(const ThumbSignal& a, const ThumbSignal& b, const ThumbSignal& y) {
  const double moved = std::max(bestShiftedCorrelation(a, y), bestShiftedCorrelation(b, y));
  return clamp01((moved - kMovedMatchFloor) / kMovedMatchRamp);
}

}  // namespace

const ThumbSignal* DepartureDetector::frame(int64_t index) const {
  if (index < windowStart_ || index >= windowStart_ + int64_t(window_.size())) return nullptr;
  return &window_[size_t(index - windowStart_)];
}

int64_t DepartureDetector::contentAtOrBefore(double t, int64_t m) const {
  int64_t i = int64_t(std::upper_bound(times_.begin() + windowStart_, times_.begin() + m, t) - times_.begin()) - 1;
  for (; i >= windowStart_; --i) {
    if (times_[size_t(i)] < t - kReferenceSlack) return -1;
    if (!flat_[size_t(i)]) return i;
  }
  return -1;
}

int64_t DepartureDetector::contentAtOrAfter(double t, int64_t m) const {
  const int64_t n = int64_t(times_.size());
  int64_t i = int64_t(std::lower_bound(times_.begin() + m + 1, times_.end(), t) - times_.begin());
  for (; i < n; ++i) {
    if (times_[size_t(i)] > t + kReferenceSlack) return -1;
    if (!flat_[size_t(i)]) return i;
  }
  return -1;
}

void DepartureDetector::push(double t, const uint8_t* thumbnail) {
  ThumbSignal s = makeThumbSignal(t, thumbnail, kFlatStdDev);
  hasContent_ = hasContent_ || !s.flat;
  times_.push_back(t);
  flat_.push_back(s.flat);
  away_.push_back(0);
  between_.push_back(0);
  window_.push_back(std::move(s));
  while (next_ < int64_t(times_.size()) && times_[size_t(next_)] + kLongestHalfSpan + kReferenceSlack <= t) {
    evaluate(next_++);
  }
  trimWindow();
}

void DepartureDetector::evaluate(int64_t m) {
  const ThumbSignal* y = frame(m);
  if (!y || y->flat) return;
  const double tm = times_[size_t(m)];
  double bestAway = 0, bestBetween = 0, bestColour = 0;
  const ThumbSignal *awayA = nullptr, *awayB = nullptr, *betweenA = nullptr, *betweenB = nullptr;
  for (double h : kHalfSpans) {
    const ThumbSignal* a = frame(contentAtOrBefore(tm - h, m));
    const ThumbSignal* b = frame(contentAtOrAfter(tm + h, m));
    if (!a || !b) continue;
    const double ends = thumbChange(*a, *b);
    const double away = std::min(thumbChange(*a, *y), thumbChange(*y, *b));
    if (ends <= kReturnedMax) {
      if (away - ends > bestAway) bestAway = away - ends, awayA = a, awayB = b;
      const double recoloured = std::min(colourShift(*a, *y), colourShift(*y, *b)) - colourShift(*a, *b);
      bestColour = std::max(bestColour, clamp01(recoloured / kColourScale));
    } else if (h <= kLongestBetweenHalfSpan) {
      const double unexplained = 1.0 - blendExplained(*a, *b, *y) / kBlendExplainedMax;
      const double score = unexplained > 0 ? away : 0;
      if (score > bestBetween) bestBetween = score, betweenA = a, betweenB = b;
    }
  }
  // Camera motion is checked only where it matters: it costs ~170 correlations a frame. It
  // explains a layout that moved, never a change of colour.
  if (bestAway >= kAwayMin) bestAway *= 1.0 - motionExplains(*awayA, *awayB, *y);
  bestAway = std::max(bestAway, bestColour);
  if (bestBetween >= kAwayMin) bestBetween *= 1.0 - motionExplains(*betweenA, *betweenB, *y);
  away_[size_t(m)] = float(bestAway);
  between_[size_t(m)] = float(bestBetween);
}

void DepartureDetector::trimWindow() {
  // The next evaluation reaches back at most a half-span and the slack.
  const double keepFrom = next_ < int64_t(times_.size())
                              ? times_[size_t(next_)] - kLongestHalfSpan - kReferenceSlack
                              : times_.back();
  while (!window_.empty() && (window_.front().t < keepFrom || window_.size() > kMaxWindowFrames)) {
    window_.pop_front();
    ++windowStart_;
  }
}

bool DepartureDetector::departed(size_t i, const std::vector<double>& cuts) const {
  if (flat_[i]) return hasContent_;  // a video that is all flat has no shot to leave
  if (away_[i] >= kAwayMin) return true;
  if (between_[i] < kAwayMin) return false;
  // Inside one transition: exactly one cut within reach. Between two cuts the picture is a
  // scene of its own, which scene sampling covers.
  const auto from = std::lower_bound(cuts.begin(), cuts.end(), times_[i] - kTransitionReach);
  const auto to = std::upper_bound(cuts.begin(), cuts.end(), times_[i] + kTransitionReach);
  return to - from == 1;
}

Departure DepartureDetector::describe(size_t first, size_t last, double end, const std::vector<double>& cuts) const {
  Departure d{times_[first], end, times_[first]};
  // The peak is the held picture, not a dissolve's edge: the middle of the content frames that
  // departed (nearly) most, or the middle of the longest flat stretch when that is longer (a
  // dark insert is flat, and only the dissolves around it are content).
  std::vector<double> score(last - first + 1, 0);
  double best = 0;
  for (size_t i = first; i <= last; ++i) {
    if (flat_[i]) continue;
    double v = away_[i];
    if (departed(i, cuts)) v = std::max(v, double(between_[i]));
    if (v >= kAwayMin) score[i - first] = v;
    best = std::max(best, score[i - first]);
  }
  std::vector<size_t> top;
  for (size_t i = first; best > 0 && i <= last; ++i) {
    if (score[i - first] >= kPeakShare * best) top.push_back(i);
  }
  size_t runStart = first, flatStart = first, flatLength = 0;
  for (size_t i = first; i <= last + 1; ++i) {
    if (i <= last && flat_[i]) continue;
    if (i - runStart > flatLength) flatLength = i - runStart, flatStart = runStart;
    runStart = i + 1;
  }
  if (!top.empty() && top.size() >= flatLength) {
    d.peak = times_[top[(top.size() - 1) / 2]];
  } else if (flatLength > 0) {
    d.peak = times_[flatStart + (flatLength - 1) / 2];
  }
  return d;
}

void DepartureDetector::finish(const std::vector<double>& cuts, double endSec) {
  while (next_ < int64_t(times_.size())) evaluate(next_++);
  window_.clear();
  departures_.clear();
  const size_t n = times_.size();
  size_t i = 0;
  while (i < n) {
    if (!departed(i, cuts)) {
      ++i;
      continue;
    }
    size_t last = i;
    while (last + 1 < n && departed(last + 1, cuts)) ++last;
    const double end = last + 1 < n ? times_[last + 1] : std::max(endSec, times_[last]);
    if (last - i + 1 >= kMinFrames || end - times_[i] >= kMinSpanSec) {
      departures_.push_back(describe(i, last, end, cuts));
      if (departures_.size() == kMaxDepartures) break;
    }
    i = last + 1;
  }
}

std::vector<DepartureDetector::FrameDetail> DepartureDetector::details() const {
  std::vector<FrameDetail> rows;
  rows.reserve(times_.size());
  for (size_t i = 0; i < times_.size(); ++i) rows.push_back({times_[i], bool(flat_[i]), away_[i], between_[i]});
  return rows;
}

}  // namespace imajin
