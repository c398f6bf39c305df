// One AsyncWorker per call. Arguments are copied into plain structs on the main thread;
// Execute() runs the core on a libuv worker thread with no N-API calls; the promise is settled
// (result or error object built) on the main thread in OnOK/OnError.
#pragma once

#include <napi.h>

namespace imajin_addon {

// probe(input, limits, token)
Napi::Value Probe(const Napi::CallbackInfo& info);
// scanScenes(input, limits, token, threshold, fast, captureMaxSide (0: none), captureMaxFrames)
Napi::Value ScanScenes(const Napi::CallbackInfo& info);
// grabFrames(input, limits, token, times: Float64Array, maxSide)
Napi::Value GrabFrames(const Napi::CallbackInfo& info);

}  // namespace imajin_addon
