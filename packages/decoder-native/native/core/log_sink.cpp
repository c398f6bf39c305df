#include "core/log_sink.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

namespace imajin {
namespace {

thread_local LogSink* tCurrentSink = nullptr;
bool gForwardToStderr = false;

LogSink* sinkFor(void* avcl) {
  if (avcl) {
    const AVClass* cls = *static_cast<const AVClass**>(avcl);
    if (cls == avcodec_get_class()) {
      if (auto* sink = static_cast<LogSink*>(static_cast<AVCodecContext*>(avcl)->opaque)) return sink;
    } else if (cls == avformat_get_class()) {
      if (auto* sink = static_cast<LogSink*>(static_cast<AVFormatContext*>(avcl)->opaque)) return sink;
    }
  }
  return tCurrentSink;
}

void logCallback(void* avcl, int level, const char* fmt, va_list vl) {
  if (gForwardToStderr) {
    va_list copy;
    va_copy(copy, vl);
    av_log_default_callback(avcl, level, fmt, copy);
    va_end(copy);
  }
  if (level > AV_LOG_ERROR) return;
  LogSink* sink = sinkFor(avcl);
  if (!sink) return;
  char line[512];
  int printPrefix = 0;  // no "[h264 @ 0x...]" prefix: the pointer means nothing to a caller
  av_log_format_line2(nullptr, level, fmt, vl, line, sizeof line, &printPrefix);
  sink->record(line);
}

}  // namespace

namespace {

// What H.264/HEVC decoders log when frames they reference were skipped on purpose.
bool aboutMissingReference(const std::string& text) {
  static const char* const kPhrases[] = {"Could not find ref with POC", "co located POCs unavailable",
                                         "reference picture missing", "Missing reference picture",
                                         "mmco: unref short failure", "Error constructing the frame RPS"};
  for (const char* phrase : kPhrases) {
    if (text.find(phrase) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void LogSink::record(const char* line) {
  std::string text(line);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text.empty()) return;
  if (aboutMissingReference(text)) {
    ++missingRefs_;
    if (ignoreMissingRefs_) return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  last_ = std::move(text);
}

std::string LogSink::lastError() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_;
}

void installLogCallback() {
  static std::once_flag once;
  std::call_once(once, [] {
    const char* env = std::getenv("IMAJIN_AV_LOG");
    gForwardToStderr = env && *env && std::strcmp(env, "0") != 0;
    av_log_set_level(gForwardToStderr ? AV_LOG_VERBOSE : AV_LOG_ERROR);
    av_log_set_callback(logCallback);
  });
}

ScopedLogSink::ScopedLogSink(LogSink* sink) : previous_(tCurrentSink) { tCurrentSink = sink; }
ScopedLogSink::~ScopedLogSink() { tCurrentSink = previous_; }

}  // namespace imajin
