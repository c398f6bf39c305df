#include "addon/captured_frames.h"

#include <cstring>

#include "addon/js_convert.h"
#include "addon/promise_worker.h"

namespace imajin_addon {

Napi::FunctionReference* CapturedFrames::constructor_ = nullptr;

namespace {

// Converts the asked frames to RGB off the main thread.
class TakeWorker final : public PromiseWorker {
 public:
  TakeWorker(Napi::Env env, std::shared_ptr<imajin::FrameCapture> frames, std::vector<size_t> indices)
      : PromiseWorker(env, "imajin.capturedFrames.take"), frames_(std::move(frames)), indices_(std::move(indices)) {}

 private:
  void Run() override {
    const std::vector<double> times = frames_->times();
    for (size_t index : indices_) {
      imajin::RgbImage image = frames_->rgb(index);
      out_.push_back({times[index], image.width, image.height, std::move(image.data)});
    }
  }
  Napi::Value Result(Napi::Env env) override { return toJs(env, out_); }

  std::shared_ptr<imajin::FrameCapture> frames_;
  std::vector<size_t> indices_;
  std::vector<imajin::GrabbedFrame> out_;
};

}  // namespace

Napi::Function CapturedFrames::Define(Napi::Env env) {
  Napi::Function ctor = DefineClass(env, "CapturedFrames",
                                    {InstanceAccessor<&CapturedFrames::Times>("times"),
                                     InstanceAccessor<&CapturedFrames::ByteLength>("byteLength"),
                                     InstanceMethod<&CapturedFrames::Take>("take"),
                                     InstanceMethod<&CapturedFrames::Release>("release")});
  constructor_ = new Napi::FunctionReference(Napi::Persistent(ctor));  // lives as long as the addon
  return ctor;
}

Napi::Object CapturedFrames::New(Napi::Env env, std::shared_ptr<imajin::FrameCapture> frames) {
  // The constructor runs now and copies the pointer: a pointer to this local is enough.
  return constructor_->New({Napi::External<std::shared_ptr<imajin::FrameCapture>>::New(env, &frames)});
}

// Only New() can make one: from JS, `new CapturedFrames()` has nothing to wrap.
CapturedFrames::CapturedFrames(const Napi::CallbackInfo& info) : Napi::ObjectWrap<CapturedFrames>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw Napi::TypeError::New(info.Env(), "CapturedFrames come from scanScenes and cannot be constructed");
  }
  frames_ = *info[0].As<Napi::External<std::shared_ptr<imajin::FrameCapture>>>().Data();
  reported_ = frames_ ? int64_t(frames_->bytes()) : 0;
  if (reported_ > 0) Napi::MemoryManagement::AdjustExternalMemory(info.Env(), reported_);
}

void CapturedFrames::Drop(Napi::Env env) {
  frames_.reset();
  if (reported_ > 0) Napi::MemoryManagement::AdjustExternalMemory(env, -reported_);
  reported_ = 0;
}

void CapturedFrames::Finalize(Napi::Env env) { Drop(env); }

Napi::Value CapturedFrames::Times(const Napi::CallbackInfo& info) {
  const std::vector<double> times = frames_ ? frames_->times() : std::vector<double>();
  auto array = Napi::Float64Array::New(info.Env(), times.size());
  if (!times.empty()) std::memcpy(array.Data(), times.data(), times.size() * sizeof(double));
  return array;
}

Napi::Value CapturedFrames::ByteLength(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), frames_ ? double(frames_->bytes()) : 0);
}

// take(indices: Uint32Array): Promise<frame[]>, in the order asked.
Napi::Value CapturedFrames::Take(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!frames_) throw Napi::Error::New(env, "the captured frames were released");
  if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    throw Napi::TypeError::New(env, "indices must be a Uint32Array");
  }
  const auto array = info[0].As<Napi::Uint32Array>();
  std::vector<size_t> indices(array.Data(), array.Data() + array.ElementLength());
  for (size_t index : indices) {
    if (index >= frames_->size()) throw Napi::RangeError::New(env, "a captured frame index is out of range");
  }
  auto* worker = new TakeWorker(env, frames_, std::move(indices));  // deletes itself when settled
  return worker->Start();
}

Napi::Value CapturedFrames::Release(const Napi::CallbackInfo& info) {
  Drop(info.Env());
  return info.Env().Undefined();
}

}  // namespace imajin_addon
