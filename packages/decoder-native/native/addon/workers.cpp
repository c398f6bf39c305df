#include "addon/workers.h"

#include <new>
#include <optional>

#include "addon/cancel_token.h"
#include "addon/captured_frames.h"
#include "addon/js_convert.h"

namespace imajin_addon {
namespace {

class CoreWorker : public Napi::AsyncWorker {
 public:
  CoreWorker(const Napi::CallbackInfo& info, const char* name)
      : Napi::AsyncWorker(info.Env(), name),
        deferred_(Napi::Promise::Deferred::New(info.Env())),
        input_(readInput(info[0])),
        control_(readLimits(info[1]), CancelToken::From(info[2])) {}

  Napi::Promise Start() {
    Napi::Promise promise = deferred_.Promise();
    Queue();
    return promise;
  }

 protected:
  const imajin::Input& input() const { return input_.input; }
  const imajin::CallControl& control() const { return control_; }
  virtual void Run() = 0;                        // worker thread: the core only
  virtual Napi::Value Result(Napi::Env env) = 0;  // main thread

 private:
  void Execute() final {
    try {
      Run();
    } catch (const imajin::DecodeFailure& failure) {
      Fail(failure);
    } catch (const std::bad_alloc&) {
      Fail(imajin::DecodeFailure(imajin::Reason::TooLarge, "out of memory"));
    } catch (const std::exception& e) {
      Fail(imajin::DecodeFailure(imajin::Reason::Internal, std::string("internal error: ") + e.what()));
    }
  }

  void Fail(const imajin::DecodeFailure& failure) {
    failure_.emplace(failure);
    SetError(failure.what());
  }

  void OnOK() final {
    Napi::HandleScope scope(Env());
    deferred_.Resolve(Result(Env()));
  }

  void OnError(const Napi::Error&) final {
    Napi::HandleScope scope(Env());
    deferred_.Reject(toJsError(Env(), *failure_).Value());
  }

  Napi::Promise::Deferred deferred_;
  InputArg input_;
  imajin::CallControl control_;
  std::optional<imajin::DecodeFailure> failure_;
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
