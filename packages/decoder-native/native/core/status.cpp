#include "core/status.h"

extern "C" {
#include <libavutil/error.h>
}

namespace imajin {

const char* reasonName(Reason reason) {
  switch (reason) {
    case Reason::InvalidArgument: return "INVALID_ARGUMENT";
    case Reason::NotFound: return "NOT_FOUND";
    case Reason::NoVideoStream: return "NO_VIDEO_STREAM";
    case Reason::UnsupportedFormat: return "UNSUPPORTED_FORMAT";
    case Reason::UnsupportedCodec: return "UNSUPPORTED_CODEC";
    case Reason::CorruptInput: return "CORRUPT_INPUT";
    case Reason::Truncated: return "TRUNCATED";
    case Reason::TooLarge: return "TOO_LARGE";
    case Reason::TooLong: return "TOO_LONG";
    case Reason::TooManyFrames: return "TOO_MANY_FRAMES";
    case Reason::Timeout: return "TIMEOUT";
    case Reason::Aborted: return "ABORTED";
    case Reason::Libav: return "LIBAV";
    case Reason::Internal: return "INTERNAL";
  }
  return "INTERNAL";
}

void throwLibav(const char* operation, int averror) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {0};
  av_strerror(averror, text, sizeof text);
  throw DecodeFailure(Reason::Libav, std::string(operation) + " failed", averror, text);
}

}  // namespace imajin
