// The frames a scan kept (core/frame_capture.h) as a JS object: `times`, `byteLength`,
// `take(indices)` (a Promise of RGB frames, converted on a worker thread) and `release()`.
// The native memory is reported to V8 (so garbage collection sees it) and freed by release()
// or, failing that, when the object is collected. A take() in flight keeps the frames alive.
#pragma once

#include <napi.h>

#include <memory>

#include "core/frame_capture.h"

namespace imajin_addon {

class CapturedFrames : public Napi::ObjectWrap<CapturedFrames> {
 public:
  static Napi::Function Define(Napi::Env env);
  // A new JS object over `frames`.
  static Napi::Object New(Napi::Env env, std::shared_ptr<imajin::FrameCapture> frames);

  explicit CapturedFrames(const Napi::CallbackInfo& info);
  void Finalize(Napi::Env env) override;

 private:
  Napi::Value Times(const Napi::CallbackInfo& info);
  Napi::Value ByteLength(const Napi::CallbackInfo& info);
  Napi::Value Take(const Napi::CallbackInfo& info);
  Napi::Value Release(const Napi::CallbackInfo& info);
  void Drop(Napi::Env env);

  static Napi::FunctionReference* constructor_;
  std::shared_ptr<imajin::FrameCapture> frames_;
  int64_t reported_ = 0;  // bytes announced to V8
};

}  // namespace imajin_addon
