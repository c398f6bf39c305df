#include "core/call_control.h"

#include "core/status.h"

namespace imajin {

void CallControl::check() const {
  if (cancelled()) throw DecodeFailure(Reason::Aborted, "the call was aborted");
  if (expired()) throw DecodeFailure(Reason::Timeout, "the call exceeded its time budget (timeoutMs)");
}

}  // namespace imajin
