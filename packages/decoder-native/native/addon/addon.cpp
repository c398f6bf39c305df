// The @imajin/decoder-native binary: the core's three calls as promise-returning functions, a
// CancelToken class, the CapturedFrames class a scan returns, and the libav versions (the TS
// loader reports them on mismatch).
#include <napi.h>

#include "addon/cancel_token.h"
#include "addon/captured_frames.h"
#include "addon/workers.h"
#include "core/avfilter_library.h"
#include "core/decoder_core.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

namespace imajin_addon {
namespace {

std::string versionText(unsigned v) {
  return std::to_string(AV_VERSION_MAJOR(v)) + "." + std::to_string(AV_VERSION_MINOR(v)) + "." + std::to_string(AV_VERSION_MICRO(v));
}

// Each library as built against (headers) and as loaded (runtime); majors must match.
// libavfilter is opened on first use: its "loaded" is "not opened" until then, unless the
// first argument is true (open it now; "missing" when it cannot be).
Napi::Value Versions(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto obj = Napi::Object::New(env);
  auto add = [&](const char* name, unsigned built, unsigned loaded) {
    auto entry = Napi::Object::New(env);
    entry.Set("built", versionText(built));
    entry.Set("loaded", versionText(loaded));
    obj.Set(name, entry);
  };
  add("avformat", LIBAVFORMAT_VERSION_INT, avformat_version());
  add("avcodec", LIBAVCODEC_VERSION_INT, avcodec_version());
  add("avutil", LIBAVUTIL_VERSION_INT, avutil_version());
  add("swscale", LIBSWSCALE_VERSION_INT, swscale_version());
  const bool open = info.Length() > 0 && info[0].ToBoolean().Value();
  const imajin::AvfilterLibrary* filters = open ? imajin::avfilterLibrary() : imajin::avfilterLibraryIfOpen();
  auto avfilter = Napi::Object::New(env);
  avfilter.Set("built", versionText(LIBAVFILTER_VERSION_INT));
  avfilter.Set("loaded", filters ? versionText(filters->version()) : open ? "missing" : "not opened");
  obj.Set("avfilter", avfilter);
  obj.Set("ffmpeg", av_version_info());
  return obj;
}

}  // namespace
}  // namespace imajin_addon

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  using namespace imajin_addon;
  imajin::initDecoderCore();
  exports.Set("probe", Napi::Function::New(env, Probe, "probe"));
  exports.Set("scanScenes", Napi::Function::New(env, ScanScenes, "scanScenes"));
  exports.Set("grabFrames", Napi::Function::New(env, GrabFrames, "grabFrames"));
  exports.Set("CancelToken", CancelToken::Define(env));
  exports.Set("CapturedFrames", CapturedFrames::Define(env));
  exports.Set("versions", Napi::Function::New(env, Versions, "versions"));
  return exports;
}

NODE_API_MODULE(imajin_decoder, InitAddon)
