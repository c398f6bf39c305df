#include "addon/js_convert.h"

#include <cmath>
#include <cstring>

namespace imajin_addon {

InputArg readInput(const Napi::Value& value) {
  InputArg arg;
  if (value.IsString()) {
    arg.input.path = value.As<Napi::String>().Utf8Value();
    if (arg.input.path.empty() || arg.input.path.find('\0') != std::string::npos) {
      throw Napi::TypeError::New(value.Env(), "input path must be a non-empty string without NUL bytes");
    }
    return arg;
  }
  if (value.IsTypedArray() && value.As<Napi::TypedArray>().TypedArrayType() == napi_uint8_array) {
    auto bytes = value.As<Napi::Uint8Array>();  // a Buffer is a Uint8Array
    arg.input.data = bytes.Data();
    arg.input.size = bytes.ByteLength();
    arg.keepAlive = Napi::Persistent(value.As<Napi::Object>());
    return arg;
  }
  throw Napi::TypeError::New(value.Env(), "input must be a Buffer, a Uint8Array or a file path");
}

double readNumber(const Napi::Value& value, const char* name) {
  if (!value.IsNumber() || !std::isfinite(value.As<Napi::Number>().DoubleValue())) {
    throw Napi::TypeError::New(value.Env(), std::string(name) + " must be a finite number");
  }
  return value.As<Napi::Number>().DoubleValue();
}

imajin::Limits readLimits(const Napi::Value& value) {
  if (!value.IsObject()) throw Napi::TypeError::New(value.Env(), "limits must be an object");
  const auto obj = value.As<Napi::Object>();
  imajin::Limits limits;
  limits.maxPixels = int64_t(readNumber(obj.Get("maxPixels"), "limits.maxPixels"));
  limits.maxDurationSec = readNumber(obj.Get("maxDurationSec"), "limits.maxDurationSec");
  limits.maxFrames = int64_t(readNumber(obj.Get("maxFrames"), "limits.maxFrames"));
  limits.timeoutMs = int64_t(readNumber(obj.Get("timeoutMs"), "limits.timeoutMs"));
  limits.maxInputBytes = int64_t(readNumber(obj.Get("maxInputBytes"), "limits.maxInputBytes"));
  return limits;
}

std::vector<double> readTimes(const Napi::Value& value) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
    throw Napi::TypeError::New(value.Env(), "times must be a Float64Array");
  }
  const auto array = value.As<Napi::Float64Array>();
  std::vector<double> times(array.Data(), array.Data() + array.ElementLength());
  for (double t : times) {
    if (!std::isfinite(t) || t < 0) throw Napi::TypeError::New(value.Env(), "times must be finite and >= 0");
  }
  return times;
}

Napi::Object toJs(Napi::Env env, const imajin::VideoInfo& info) {
  auto obj = Napi::Object::New(env);
  obj.Set("container", info.container);
  obj.Set("codec", info.codec);
  obj.Set("width", info.width);
  obj.Set("height", info.height);
  obj.Set("displayWidth", info.displayWidth);
  obj.Set("displayHeight", info.displayHeight);
  obj.Set("rotation", info.rotation);
  obj.Set("sampleAspectRatio", info.sampleAspectRatio);
  obj.Set("frameRate", info.frameRate);
  obj.Set("durationSec", info.durationSec);
  obj.Set("frameCount", info.frameCount >= 0 ? Napi::Value(Napi::Number::New(env, double(info.frameCount))) : env.Null());
  obj.Set("bitDepth", info.bitDepth);
  obj.Set("hdrTransfer", info.hdrTransfer.empty() ? env.Null() : Napi::Value(Napi::String::New(env, info.hdrTransfer)));
  obj.Set("pixelFormat", info.pixelFormat);
  obj.Set("hasAudio", info.hasAudio);
  return obj;
}

Napi::Object toJs(Napi::Env env, const imajin::SceneScanResult& scan) {
  auto obj = Napi::Object::New(env);
  obj.Set("info", toJs(env, scan.info));
  obj.Set("durationSec", scan.durationSec);
  auto times = Napi::Float64Array::New(env, scan.times.size());
  if (!scan.times.empty()) std::memcpy(times.Data(), scan.times.data(), scan.times.size() * sizeof(double));
  obj.Set("times", times);
  auto scores = Napi::Float32Array::New(env, scan.scores.size());
  if (!scan.scores.empty()) std::memcpy(scores.Data(), scan.scores.data(), scan.scores.size() * sizeof(float));
  obj.Set("scores", scores);
  auto cuts = Napi::Array::New(env, scan.cuts.size());
  for (size_t i = 0; i < scan.cuts.size(); ++i) cuts.Set(uint32_t(i), scan.cuts[i]);
  obj.Set("cuts", cuts);
  auto departures = Napi::Array::New(env, scan.departures.size());
  for (size_t i = 0; i < scan.departures.size(); ++i) {
    auto d = Napi::Object::New(env);
    d.Set("start", scan.departures[i].start);
    d.Set("end", scan.departures[i].end);
    d.Set("peak", scan.departures[i].peak);
    departures.Set(uint32_t(i), d);
  }
  obj.Set("departures", departures);
  obj.Set("framesDecoded", double(scan.framesDecoded));
  obj.Set("chunks", double(scan.chunks));
  return obj;
}

Napi::Array toJs(Napi::Env env, const std::vector<imajin::GrabbedFrame>& frames) {
  auto array = Napi::Array::New(env, frames.size());
  for (size_t i = 0; i < frames.size(); ++i) {
    const auto& frame = frames[i];
    auto obj = Napi::Object::New(env);
    obj.Set("t", frame.t);
    obj.Set("width", frame.width);
    obj.Set("height", frame.height);
    // A copy: JS never holds memory that libav or this call owns.
    obj.Set("data", Napi::Buffer<uint8_t>::Copy(env, frame.rgb.data(), frame.rgb.size()));
    array.Set(uint32_t(i), obj);
  }
  return array;
}

Napi::Error toJsError(Napi::Env env, const imajin::DecodeFailure& failure) {
  auto error = Napi::Error::New(env, failure.what());
  Napi::Object obj = error.Value();
  obj.Set("reason", Napi::String::New(env, imajin::reasonName(failure.reason)));
  obj.Set("averror", Napi::Number::New(env, failure.averror));
  if (!failure.libavMessage.empty()) obj.Set("libavMessage", Napi::String::New(env, failure.libavMessage));
  return error;
}

}  // namespace imajin_addon
