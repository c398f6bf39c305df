// A JS-visible cancellation flag: TS creates one per call, wires an AbortSignal to cancel(),
// and the worker (through CallControl) polls the shared atomic.
#pragma once

#include <napi.h>

#include <atomic>
#include <memory>

namespace imajin_addon {

class CancelToken : public Napi::ObjectWrap<CancelToken> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit CancelToken(const Napi::CallbackInfo& info);

  std::shared_ptr<std::atomic<bool>> flag() const { return flag_; }
  // The token passed as a call argument, or a TypeError.
  static std::shared_ptr<std::atomic<bool>> From(const Napi::Value& value);

 private:
  Napi::Value Cancel(const Napi::CallbackInfo& info);
  static Napi::FunctionReference* constructor_;
  std::shared_ptr<std::atomic<bool>> flag_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace imajin_addon
