#include "addon/workers.h"

#include "addon/cancel_token.h"
#include "addon/captured_frames.h"
#include "addon/js_convert.h"
#include "addon/promise_worker.h"

namespace imajin_addon {
namespace {

// A call on one input: the input, limits and cancel token are read on the main thread.
class CoreWorker : public PromiseWorker {
 public:
  CoreWorker(const Napi::CallbackInfo& info, const char* name)
      : PromiseWorker(info.Env(), name),
        input_(readInput(info[0])),
        control_(readLimits(info[1]), CancelToken::From(info[2])) {}

 protected:
  const imajin::Input& input() const { return input_.input; }
  const imajin::CallControl& control() const { return control_; }

 private:
  InputArg input_;
  imajin::CallControl control_;
};

class ProbeWorker final : public CoreWorker {
 public:
  explicit ProbeWorker(const Napi::CallbackInfo& info) : CoreWorker(info, "imajin.probe") {}

 private:
  void Run() override { info_ = imajin::probe(input(), control()); }
  Napi::Value Result(Napi::Env env) override { return toJs(env, info_); }
  imajin::VideoInfo info_;
};

class ScanWorker final : public CoreWorker {
 public:
  explicit ScanWorker(const Napi::CallbackInfo& info) : CoreWorker(info, "imajin.scanScenes") {
    options_.threshold = readNumber(info[3], "threshold");
    options_.fast = info[4].ToBoolean().Value();
    options_.capture.maxSide = int(readNumber(info[5], "capture.maxSide"));
    options_.capture.maxFrames = int(readNumber(info[6], "capture.maxFrames"));
    options_.workers = int(readNumber(info[7], "workers"));
  }

 private:
  void Run() override { scan_ = imajin::scanScenes(input(), options_, control()); }
  Napi::Value Result(Napi::Env env) override {
    Napi::Object obj = toJs(env, scan_);
    obj.Set("captured", scan_.captured ? Napi::Value(CapturedFrames::New(env, scan_.captured)) : env.Null());
    return obj;
  }
  imajin::ScanOptions options_;
  imajin::SceneScanResult scan_;
};

class GrabWorker final : public CoreWorker {
 public:
  explicit GrabWorker(const Napi::CallbackInfo& info)
      : CoreWorker(info, "imajin.grabFrames"), times_(readTimes(info[3])), maxSide_(int(readNumber(info[4], "maxSide"))) {
    if (maxSide_ < 1) throw Napi::TypeError::New(info.Env(), "maxSide must be >= 1");
  }

 private:
  void Run() override { frames_ = imajin::grabFrames(input(), times_, maxSide_, control()); }
  Napi::Value Result(Napi::Env env) override { return toJs(env, frames_); }
  std::vector<double> times_;
  int maxSide_;
  std::vector<imajin::GrabbedFrame> frames_;
};

// Argument errors throw synchronously from the constructor, before anything is queued.
template <typename Worker>
Napi::Value StartWorker(const Napi::CallbackInfo& info) {
  auto* worker = new Worker(info);  // AsyncWorker deletes itself after OnOK/OnError
  return worker->Start();
}

}  // namespace

Napi::Value Probe(const Napi::CallbackInfo& info) { return StartWorker<ProbeWorker>(info); }
Napi::Value ScanScenes(const Napi::CallbackInfo& info) { return StartWorker<ScanWorker>(info); }
Napi::Value GrabFrames(const Napi::CallbackInfo& info) { return StartWorker<GrabWorker>(info); }

}  // namespace imajin_addon
