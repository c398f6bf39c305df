#include "addon/cancel_token.h"

namespace imajin_addon {

Napi::FunctionReference* CancelToken::constructor_ = nullptr;

Napi::Function CancelToken::Define(Napi::Env env) {
  Napi::Function ctor = DefineClass(env, "CancelToken", {InstanceMethod<&CancelToken::Cancel>("cancel")});
  constructor_ = new Napi::FunctionReference(Napi::Persistent(ctor));  // lives as long as the addon
  return ctor;
}

CancelToken::CancelToken(const Napi::CallbackInfo& info) : Napi::ObjectWrap<CancelToken>(info) {}

Napi::Value CancelToken::Cancel(const Napi::CallbackInfo& info) {
  flag_->store(true);
  return info.Env().Undefined();
}

std::shared_ptr<std::atomic<bool>> CancelToken::From(const Napi::Value& value) {
  if (!value.IsObject() || !constructor_ || !value.As<Napi::Object>().InstanceOf(constructor_->Value())) {
    throw Napi::TypeError::New(value.Env(), "expected a CancelToken");
  }
  return Unwrap(value.As<Napi::Object>())->flag_;
}

}  // namespace imajin_addon
