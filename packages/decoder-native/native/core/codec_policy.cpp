#include "core/codec_policy.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace imajin {
namespace {

struct AllowedCodec {
  AVCodecID id;
  const char* decoders[3];  // in order of preference
};

// H.264/HEVC: nearly all phone video. VP8/VP9/AV1: WebM recordings and newer Android phones
// (AV1 through libdav1d; FFmpeg 5.1's own av1 decoder needs hardware). MPEG-4 Part 2 and H.263:
// old 3GP phones. MJPEG: cameras writing AVI/MOV. ProRes: iPhone Pro recordings.
const AllowedCodec kAllowed[] = {
    {AV_CODEC_ID_H264, {"h264", nullptr}},
    {AV_CODEC_ID_HEVC, {"hevc", nullptr}},
    {AV_CODEC_ID_VP8, {"vp8", nullptr}},
    {AV_CODEC_ID_VP9, {"vp9", nullptr}},
    {AV_CODEC_ID_AV1, {"libdav1d", "libaom-av1", nullptr}},
    {AV_CODEC_ID_MPEG4, {"mpeg4", nullptr}},
    {AV_CODEC_ID_H263, {"h263", nullptr}},
    {AV_CODEC_ID_MJPEG, {"mjpeg", nullptr}},
    {AV_CODEC_ID_PRORES, {"prores", nullptr}},
};

}  // namespace

std::string allowedDecoderList() {
  std::string list;
  for (const AllowedCodec& codec : kAllowed) {
    for (const char* const* name = codec.decoders; *name; ++name) {
      list += list.empty() ? "" : ",";
      list += *name;
    }
  }
  return list;
}

const AVCodec* findAllowedDecoder(AVCodecID id) {
  for (const AllowedCodec& codec : kAllowed) {
    if (codec.id != id) continue;
    for (const char* const* name = codec.decoders; *name; ++name) {
      if (const AVCodec* decoder = avcodec_find_decoder_by_name(*name)) return decoder;
    }
  }
  return nullptr;
}

}  // namespace imajin
