// libav logs nothing to stderr from this process; instead each call keeps the last error libav
// logged on its behalf, to return with a failure. Messages are routed to the call by the
// AVFormatContext / AVCodecContext `opaque` (frame threads log from their own threads) or, for
// other libav objects, by the thread the call runs on.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace imajin {

class LogSink {
 public:
  void record(const char* line);
  std::string lastError() const;
  // A scan that skips non-reference frames makes decoders complain about missing references:
  // expected, so not worth reporting as "what libav said".
  void ignoreMissingReferences() { ignoreMissingRefs_ = true; }
  // How many such complaints were logged (ignored or not): a scan that skipped frames other
  // frames depend on sees them, and must not trust the pictures it decoded.
  int64_t missingReferences() const { return missingRefs_; }

 private:
  mutable std::mutex mutex_;
  std::string last_;
  std::atomic<bool> ignoreMissingRefs_{false};
  std::atomic<int64_t> missingRefs_{0};
};

// Routes libav's log through the sinks. Idempotent; call once per process before using libav.
// With IMAJIN_AV_LOG=1 in the environment, libav's own log also goes to stderr (debugging).
void installLogCallback();

// Marks the current thread as working for `sink` while in scope.
class ScopedLogSink {
 public:
  explicit ScopedLogSink(LogSink* sink);
  ~ScopedLogSink();
  ScopedLogSink(const ScopedLogSink&) = delete;
  ScopedLogSink& operator=(const ScopedLogSink&) = delete;

 private:
  LogSink* previous_;
};

}  // namespace imajin
