#include "core/decoder_core.h"

#include "core/log_sink.h"
#include "core/media_input.h"

extern "C" {
#include <libavutil/mem.h>
}

namespace imajin {

void initDecoderCore() {
  static std::once_flag once;
  std::call_once(once, [] {
    installLogCallback();
    av_max_alloc(kMaxAllocBytes);
  });
}

VideoInfo probe(const Input& input, const CallControl& control) {
  LogSink log;
  ScopedLogSink scoped(&log);
  MediaInput media(input, control, log);
  return describe(media);
}

}  // namespace imajin
