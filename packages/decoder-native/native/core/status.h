// Why a call failed, in the core's own words. The reasons map 1:1 onto the TS DecodeError
// codes, except `Libav`: a bare libav error code that TS maps (see src/errors.ts).
#pragma once

#include <stdexcept>
#include <string>

namespace imajin {

enum class Reason {
  InvalidArgument,
  NotFound,
  NoVideoStream,
  UnsupportedFormat,
  UnsupportedCodec,
  CorruptInput,
  Truncated,
  TooLarge,
  TooLong,
  TooManyFrames,
  Timeout,
  Aborted,
  Libav,  // classify by `averror` (AVERROR_INVALIDDATA, AVERROR(ENOMEM), ...)
  Internal,
};

// The stable upper-case name TS receives ("TRUNCATED", "LIBAV", ...).
const char* reasonName(Reason reason);

class DecodeFailure : public std::runtime_error {
 public:
  DecodeFailure(Reason reason, std::string message, int averror = 0, std::string libavMessage = {})
      : std::runtime_error(std::move(message)),
        reason(reason),
        averror(averror),
        libavMessage(std::move(libavMessage)) {}

  Reason reason;
  int averror;               // the libav return code, 0 when the failure is ours
  std::string libavMessage;  // av_strerror and/or the last error libav logged during the call
};

// "operation: <libav's text for code>" as a DecodeFailure of reason Libav.
[[noreturn]] void throwLibav(const char* operation, int averror);

}  // namespace imajin
