// The video decoders we run on untrusted bytes: what phones and cameras record, nothing else.
#pragma once

#include <string>

extern "C" {
#include <libavcodec/codec_id.h>
struct AVCodec;
}

namespace imajin {

// libav decoder names, comma-separated (for `codec_whitelist`).
std::string allowedDecoderList();

// The preferred available decoder for `id`, or nullptr when the codec is not allowed or no
// allowed decoder for it is built into this libav.
const AVCodec* findAllowedDecoder(AVCodecID id);

}  // namespace imajin
