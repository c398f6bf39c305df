// An AsyncWorker that settles a Promise: Run() on a libuv worker thread (core code only, no
// N-API), Result() on the main thread. Core failures reject with toJsError's error object; out
// of memory is TOO_LARGE, any other exception INTERNAL.
#pragma once

#include <napi.h>

#include <new>
#include <optional>
#include <string>

#include "addon/js_convert.h"
#include "core/status.h"

namespace imajin_addon {

class PromiseWorker : public Napi::AsyncWorker {
 public:
  PromiseWorker(Napi::Env env, const char* name)
      : Napi::AsyncWorker(env, name), deferred_(Napi::Promise::Deferred::New(env)) {}

  // Queues the work; the worker deletes itself once the promise is settled.
  Napi::Promise Start() {
    Napi::Promise promise = deferred_.Promise();
    Queue();
    return promise;
  }

 protected:
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
  std::optional<imajin::DecodeFailure> failure_;
};

}  // namespace imajin_addon
