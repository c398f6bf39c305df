// Departures: the spans where the picture leaves the shot and comes back (an insert of another
// picture, however short or flat), drops to a low-texture picture (flat, dark), or shows a third
// picture inside what the cut detector calls one transition. Cuts are for people and scene
// counts; departures are where the MAX gate must look, whatever was decided about cuts there.
// Fed the scene detector's thumbnails, frame by frame; no libav in sight. README "Departures".
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "core/thumb_signal.h"

namespace imajin {

struct Departure {
  double start = 0;  // first departed frame, seconds
  double end = 0;    // first frame back (or the end of the last frame)
  double peak = 0;   // the frame that differs most from the shot around it
};

class DepartureDetector {
 public:
  // The next decoded frame in presentation order and its thumbnail (kThumbValues bytes).
  void push(double t, const uint8_t* thumbnail);
  // After the last frame. `cuts` are the scene detector's: a third picture between two different
  // shots counts only within a transition's reach of one. `endSec` is the end of the last frame.
  void finish(const std::vector<double>& cuts, double endSec);

  // Valid after finish(), ascending.
  const std::vector<Departure>& departures() const { return departures_; }

  // Per-frame internals, for tuning tools (valid after finish()).
  struct FrameDetail {
    double t;
    bool flat;
    float away;     // left the shot and came back: how far it went (0 when not)
    float between;  // a third picture between two different shots (0 when not)
  };
  std::vector<FrameDetail> details() const;

 private:
  const ThumbSignal* frame(int64_t index) const;
  int64_t contentAtOrBefore(double t, int64_t m) const;
  int64_t contentAtOrAfter(double t, int64_t m) const;
  void evaluate(int64_t m);
  void trimWindow();
  bool departed(size_t i, const std::vector<double>& cuts) const;
  Departure describe(size_t first, size_t last, double end, const std::vector<double>& cuts) const;

  std::deque<ThumbSignal> window_;
  int64_t windowStart_ = 0;  // global index of window_.front()
  int64_t next_ = 0;         // the next frame to evaluate
  bool hasContent_ = false;  // any frame not flat
  std::vector<double> times_;
  std::vector<bool> flat_;
  std::vector<float> away_;
  std::vector<float> between_;
  std::vector<Departure> departures_;
};

}  // namespace imajin
