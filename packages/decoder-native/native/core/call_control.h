// Per-call bounds and cancellation: everything the decode loops check between packets, and the
// libav callbacks (AVIO read, interrupt) check while libav is busy.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

namespace imajin {

struct Limits {
  int64_t maxPixels = 8192LL * 4320;  // per frame (8K); a 4K phone frame is 8.3 M
  double maxDurationSec = 2 * 3600;   // of the video stream
  int64_t maxFrames = 1000000;        // frames in the video stream (counted as packets)
  int64_t timeoutMs = 30 * 60 * 1000; // wall-clock budget of one call, from its start
  int64_t maxInputBytes = 8LL << 30;  // bytes of input
};

class CallControl {
 public:
  using Clock = std::chrono::steady_clock;

  CallControl(const Limits& limits, std::shared_ptr<std::atomic<bool>> cancelled,
              Clock::time_point started = Clock::now())
      : limits_(limits),
        cancelled_(std::move(cancelled)),
        deadline_(started + std::chrono::milliseconds(limits.timeoutMs)) {}

  const Limits& limits() const { return limits_; }
  bool cancelled() const { return cancelled_ && cancelled_->load(std::memory_order_relaxed); }
  bool expired() const { return Clock::now() >= deadline_; }
  bool shouldStop() const { return cancelled() || expired(); }

  // Throws ABORTED or TIMEOUT when the call must stop.
  void check() const;

 private:
  Limits limits_;
  std::shared_ptr<std::atomic<bool>> cancelled_;
  Clock::time_point deadline_;
};

}  // namespace imajin
