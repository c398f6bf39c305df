// Copies between JS values and the core's plain structs. Only ever called on the main thread.
#pragma once

#include <napi.h>

#include "core/decoder_core.h"

namespace imajin_addon {

// An input argument: the bytes of a Buffer/Uint8Array (kept referenced until the call ends) or
// a file path.
struct InputArg {
  imajin::Input input;
  Napi::ObjectReference keepAlive;
};

// TypeErrors for malformed arguments (TS checks them first; this is the second line).
InputArg readInput(const Napi::Value& value);
imajin::Limits readLimits(const Napi::Value& value);
double readNumber(const Napi::Value& value, const char* name);
std::vector<double> readTimes(const Napi::Value& value);

Napi::Object toJs(Napi::Env env, const imajin::VideoInfo& info);
Napi::Object toJs(Napi::Env env, const imajin::SceneScanResult& scan);
Napi::Array toJs(Napi::Env env, const std::vector<imajin::GrabbedFrame>& frames);
// An Error carrying the failure's reason name, libav code and libav message for TS to map.
Napi::Error toJsError(Napi::Env env, const imajin::DecodeFailure& failure);

}  // namespace imajin_addon
