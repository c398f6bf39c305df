// Scene-change detection over small luma thumbnails, frame by frame, with no libav in sight
// (so it can be tested and tuned on its own). See README "Scene scan" for the method.
//
// Scores are in [0, 1]: roughly "how much of the picture is new content", after discounting
// what the shot was already doing (motion, flashes, brightness changes). A frame whose score
// reaches the threshold and is the strongest within its neighbourhood is a cut.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

namespace imajin {

// A thumbnail: luma kThumbWidth x kThumbHeight, then Cb and Cr at kChromaWidth x kChromaHeight
// each, row-major, 8-bit.
constexpr int kThumbWidth = 64;
constexpr int kThumbHeight = 36;
constexpr int kThumbPixels = kThumbWidth * kThumbHeight;
constexpr int kChromaWidth = kThumbWidth / 2;
constexpr int kChromaHeight = kThumbHeight / 2;
constexpr int kChromaPixels = kChromaWidth * kChromaHeight;
constexpr int kThumbValues = kThumbPixels + 2 * kChromaPixels;

class SceneDetector {
 public:
  explicit SceneDetector(double threshold);

  // The next frame in presentation order: its time in seconds and its thumbnail
  // (kThumbValues bytes).
  void push(double t, const uint8_t* thumbnail);
  // After the last frame: settles the frames still waiting for look-ahead.
  void finish();

  // Valid after finish(): one entry per pushed frame.
  const std::vector<double>& times() const { return times_; }
  const std::vector<float>& scores() const { return scores_; }
  // Valid after finish(): the times of the cuts, ascending.
  const std::vector<double>& cuts() const { return cuts_; }

  // Per-frame internals, for tuning tools (valid after finish()).
  struct FrameDetail {
    double t;
    bool flat;
    float step;     // change from the previous content frame, -1 when undefined
    float hard;     // hard-cut score (placed mid-way across flat frames)
    float gradual;  // gradual-transition score
  };
  std::vector<FrameDetail> details() const;

 private:
  struct Thumb {
    double t = 0;
    bool flat = true;        // (nearly) uniform: black, white, a fade's bottom
    double norm = 0;         // |px|
    std::vector<float> px;   // the thumbnail, each plane minus its mean; empty when flat
    std::vector<float> coarse;  // px at half the resolution; empty when flat
    std::vector<uint8_t> luma;  // the luma thumbnail as it came (shift searches); empty when flat
  };

  const Thumb* frame(int64_t index) const;
  double change(int64_t a, int64_t b) const;  // 1 - correlation, in [0, 1]
  int64_t contentBefore(int64_t index, int steps) const;
  void evaluateHard(int64_t k);
  void evaluateGradual(int64_t m);
  struct GradualFit {
    double score = 0;  // before the same-shot check
    double r2 = 0;
    int64_t a = -1, b = -1;  // the ends
  };
  GradualFit gradualAt(int64_t m, double halfWindow) const;
  double sameShotDiscount(const GradualFit& fit, int64_t m) const;
  double halfwayTime(int64_t m, double reach) const;
  int64_t nearestFrame(double t, int64_t lo, int64_t hi) const;
  void trimWindow();
  void pickCuts();

  double threshold_;
  std::deque<Thumb> window_;
  int64_t windowStart_ = 0;  // global index of window_.front()
  int64_t lastContent_ = -1;
  int64_t nextHard_ = 0;
  int64_t nextGradual_ = 0;
  std::vector<double> times_;
  std::vector<bool> flat_;
  std::vector<int64_t> prevContent_;  // last non-flat frame before each frame, -1 if none
  std::vector<float> step_;           // change from prevContent_, -1 when undefined
  std::vector<float> hard_;
  std::vector<float> gradual_;
  std::vector<float> gradualRadius_;  // half-window of the winning gradual score
  std::vector<double> gradualTime_;   // where that transition is half-way
  std::vector<float> scores_;
  std::vector<double> cuts_;
};

}  // namespace imajin
