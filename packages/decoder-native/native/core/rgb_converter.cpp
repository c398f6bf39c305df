#include "core/rgb_converter.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/frame_ptr.h"
#include "core/status.h"
#include "core/video_info.h"

#include "core/avfilter_library.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace imajin {
namespace {

int swsColorspace(const AVFrame* frame) {
  switch (frame->colorspace) {
    case AVCOL_SPC_BT709: return SWS_CS_ITU709;
    case AVCOL_SPC_FCC: return SWS_CS_FCC;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M: return SWS_CS_ITU601;
    case AVCOL_SPC_SMPTE240M: return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL: return SWS_CS_BT2020;
    default: return frame->height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;  // what players assume
  }
}

bool fullRange(const AVFrame* frame) {
  switch (frame->format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
    case AV_PIX_FMT_YUVJ411P: return true;
    default: return frame->color_range == AVCOL_RANGE_JPEG;
  }
}

}  // namespace

bool RgbConverter::Format::operator==(const Format& o) const {
  return width == o.width && height == o.height && pixFmt == o.pixFmt && trc == o.trc && primaries == o.primaries &&
         space == o.space && range == o.range;
}

bool needsToneMapping(int trc, int primaries) {
  return trc == AVCOL_TRC_SMPTE2084 || trc == AVCOL_TRC_ARIB_STD_B67 || primaries == AVCOL_PRI_BT2020;
}

RgbImage rotateRgb(const RgbImage& in, int rotation) {
  if (rotation != 90 && rotation != 180 && rotation != 270) return in;
  const int w = in.width, h = in.height;
  RgbImage out;
  out.width = rotation == 180 ? w : h;
  out.height = rotation == 180 ? h : w;
  out.data.resize(in.data.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int dx, dy;
      if (rotation == 90) dx = h - 1 - y, dy = x;
      else if (rotation == 180) dx = w - 1 - x, dy = h - 1 - y;
      else dx = y, dy = w - 1 - x;
      std::memcpy(&out.data[(size_t(dy) * out.width + dx) * 3], &in.data[(size_t(y) * w + x) * 3], 3);
    }
  }
  return out;
}

RgbConverter::RgbConverter(int rotation, double sar, int maxSide) : rotation_(rotation), sar_(sar), maxSide_(maxSide) {}

RgbConverter::~RgbConverter() {
  sws_freeContext(sws_);
  freeGraph();
}

void RgbConverter::freeGraph() {
  if (graph_) avfilterLibrary()->graphFree(&graph_);  // frees src_ and sink_ with it
  src_ = sink_ = nullptr;
  graphFormat_.reset();
}

RgbImage RgbConverter::convert(const AVFrame* frame) {
  if (frame->width <= 0 || frame->height <= 0) throw DecodeFailure(Reason::CorruptInput, "a decoded frame has no size");
  const SquareSize square = squarePixelSize(frame->width, frame->height, sar_);
  const double scale = std::min(1.0, double(maxSide_) / std::max(square.width, square.height));
  const int outW = std::max(1, int(std::lround(square.width * scale)));
  const int outH = std::max(1, int(std::lround(square.height * scale)));
  RgbImage image;
  image.width = outW;
  image.height = outH;
  image.data.resize(size_t(outW) * outH * 3);
  const bool filtered = needsToneMapping(frame->color_trc, frame->color_primaries) && !graphFailed_ &&
                        toRgbFiltered(frame, outW, outH, image);
  if (!filtered) toRgbScaled(frame, outW, outH, image);
  return rotateRgb(image, rotation_);
}

void RgbConverter::toRgbScaled(const AVFrame* frame, int outW, int outH, RgbImage& out) {
  sws_ = sws_getCachedContext(sws_, frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), outW, outH,
                              AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr,
                              nullptr);
  if (!sws_) throw DecodeFailure(Reason::Internal, "no RGB conversion for this pixel format");
  const int* srcMatrix = sws_getCoefficients(swsColorspace(frame));
  sws_setColorspaceDetails(sws_, srcMatrix, fullRange(frame) ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
                           1 << 16, 1 << 16);
  // swscale wants aligned, padded lines; convert into such a buffer, then pack.
  uint8_t* dst[4] = {nullptr};
  int dstStride[4] = {0};
  if (av_image_alloc(dst, dstStride, outW, outH + 1, AV_PIX_FMT_RGB24, 64) < 0) {
    throw DecodeFailure(Reason::TooLarge, "out of memory for an RGB frame", AVERROR(ENOMEM));
  }
  const int rows = sws_scale(sws_, frame->data, frame->linesize, 0, frame->height, dst, dstStride);
  if (rows == outH) {
    for (int y = 0; y < outH; ++y) std::memcpy(&out.data[size_t(y) * outW * 3], dst[0] + size_t(y) * dstStride[0], size_t(outW) * 3);
  }
  av_freep(&dst[0]);
  if (rows != outH) throw DecodeFailure(Reason::Internal, "the RGB conversion failed");
}

bool RgbConverter::configureGraph(const AVFrame* frame, const Format& format, int outW, int outH) {
  freeGraph();
  const AvfilterLibrary* lib = avfilterLibrary();
  if (!lib) return false;  // not installed: swscale without tone mapping, as when zscale is missing
  graph_ = lib->graphAlloc();
  if (!graph_) return false;
  graph_->nb_threads = 1;
  char args[256];
  snprintf(args, sizeof args, "video_size=%dx%d:pix_fmt=%d:time_base=1/1000:pixel_aspect=1/1", frame->width,
           frame->height, frame->format);
  if (lib->graphCreateFilter(&src_, lib->getByName("buffer"), "in", args, nullptr, graph_) < 0) return false;
  if (lib->graphCreateFilter(&sink_, lib->getByName("buffersink"), "out", nullptr, nullptr, graph_) < 0) return false;
  const int space = format.space != AVCOL_SPC_UNSPECIFIED && format.space != AVCOL_SPC_RGB
                        ? format.space
                        : (format.primaries == AVCOL_PRI_BT2020 ? AVCOL_SPC_BT2020_NCL : AVCOL_SPC_BT709);
  const int trc = format.trc != AVCOL_TRC_UNSPECIFIED ? format.trc : AVCOL_TRC_BT709;
  const int primaries = format.primaries != AVCOL_PRI_UNSPECIFIED ? format.primaries : AVCOL_PRI_BT709;
  // zscale takes H.273 code points, the same numbers as libav's AVCOL_* enums. Mobius keeps
  // what fits in SDR as it is and compresses only the highlights above it (hable darkened a
  // PQ picture of SDR content to 0.67x its brightness; mobius keeps it within 2%).
  const bool hdr = trc == AVCOL_TRC_SMPTE2084 || trc == AVCOL_TRC_ARIB_STD_B67;
  char desc[640];
  snprintf(desc, sizeof desc,
           "zscale=w=%d:h=%d:f=bicubic:tin=%d:pin=%d:min=%d:rin=%d:t=%d:npl=100,format=gbrpf32le,"
           "zscale=p=%d,%szscale=t=%d:m=%d:r=full,format=gbrp",
           outW, outH, trc, primaries, space, format.range, int(AVCOL_TRC_LINEAR), int(AVCOL_PRI_BT709),
           hdr ? "tonemap=tonemap=mobius:desat=0," : "", int(AVCOL_TRC_BT709),
           int(AVCOL_SPC_BT709));
  AVFilterInOut* outputs = lib->inoutAlloc();
  AVFilterInOut* inputs = lib->inoutAlloc();
  bool ok = outputs && inputs;
  if (ok) {
    outputs->name = av_strdup("in");
    outputs->filter_ctx = src_;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink_;
    ok = lib->graphParsePtr(graph_, desc, &inputs, &outputs, nullptr) >= 0 && lib->graphConfig(graph_, nullptr) >= 0;
  }
  lib->inoutFree(&inputs);
  lib->inoutFree(&outputs);
  if (ok) graphFormat_ = std::make_unique<Format>(format);
  return ok;
}

bool RgbConverter::toRgbFiltered(const AVFrame* frame, int outW, int outH, RgbImage& out) {
  const Format format{frame->width, frame->height, frame->format, frame->color_trc, frame->color_primaries,
                      frame->colorspace, fullRange(frame) ? 1 : 0};
  if (!graphFormat_ || !(*graphFormat_ == format)) {
    if (!configureGraph(frame, format, outW, outH)) {
      freeGraph();
      graphFailed_ = true;  // fall back to swscale for the rest of the call
      return false;
    }
  }
  FramePtr in(av_frame_clone(frame));
  FramePtr rgb = allocFrame();
  if (!in || !rgb) return false;
  const AvfilterLibrary* lib = avfilterLibrary();  // opened by configureGraph
  if (lib->buffersrcAddFrame(src_, in.get()) < 0 || lib->buffersinkGetFrame(sink_, rgb.get()) < 0 ||
      rgb->format != AV_PIX_FMT_GBRP || rgb->width != outW || rgb->height != outH) {
    freeGraph();
    graphFailed_ = true;
    return false;
  }
  for (int y = 0; y < outH; ++y) {
    const uint8_t* g = rgb->data[0] + size_t(y) * rgb->linesize[0];
    const uint8_t* b = rgb->data[1] + size_t(y) * rgb->linesize[1];
    const uint8_t* r = rgb->data[2] + size_t(y) * rgb->linesize[2];
    uint8_t* dst = &out.data[size_t(y) * outW * 3];
    for (int x = 0; x < outW; ++x) {
      dst[3 * x] = r[x];
      dst[3 * x + 1] = g[x];
      dst[3 * x + 2] = b[x];
    }
  }
  return true;
}

}  // namespace imajin
