#include "core/thumbnail.h"

#include <algorithm>
#include <vector>

#include "core/scene_detector.h"

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

namespace imajin {
namespace {

// Each thumbnail cell averages at most about this many rows and samples per row: a 1080p frame
// is read one row in four (a 4K frame also one sample in four), plenty for an average at a
// fraction of the memory traffic. Rows are read contiguously, which the compiler vectorises.
constexpr int kRowsPerCell = 8;
constexpr int kSamplesPerCell = 16;

struct PlaneView {
  const uint8_t* data;
  int linesize;     // bytes
  int width;        // samples
  int height;
  int step;         // samples between neighbours (2 for interleaved chroma)
  int offset;       // samples to the first one
  int shift;        // bits to drop (MSB-aligned formats)
  int toEight;      // further bits to drop for an 8-bit result
};

// Cell i of `cells` along a line of `length` samples: [from, to), never empty.
struct CellSpan {
  int from, to;
};
CellSpan cellSpan(int i, int length, int cells) {
  const int from = i * length / cells;
  return {from, std::min(length, std::max(from + 1, (i + 1) * length / cells))};
}

// The general case: each cell's sampled rows and samples, summed cell by cell.
template <typename Sample>
void boxAverageCells(const PlaneView& p, int outW, int outH, uint8_t* out) {
  for (int oy = 0; oy < outH; ++oy) {
    const auto [y0, y1] = cellSpan(oy, p.height, outH);
    const int ystep = std::max(1, (y1 - y0) / kRowsPerCell);
    for (int ox = 0; ox < outW; ++ox) {
      const auto [x0, x1] = cellSpan(ox, p.width, outW);
      const int xstep = std::max(1, (x1 - x0) / kSamplesPerCell) * p.step;
      const int64_t from = int64_t(x0) * p.step, to = int64_t(x1) * p.step;
      uint64_t sum = 0;
      uint32_t count = 0;
      for (int y = y0; y < y1; y += ystep) {
        const Sample* row = reinterpret_cast<const Sample*>(p.data + int64_t(y) * p.linesize) + p.offset;
        uint32_t rowSum = 0;  // at most 16 x 65535 per row sample run: no overflow
        for (int64_t x = from; x < to; x += xstep) rowSum += row[x];
        sum += rowSum;
        count += uint32_t((to - from + xstep - 1) / xstep);
      }
      const uint64_t mean = (sum / std::max(1u, count)) >> (p.shift + p.toEight);
      out[oy * outW + ox] = uint8_t(std::min<uint64_t>(255, mean));
    }
  }
}

// When every sample of a planar row is read (cells under 2 x kSamplesPerCell wide: up to about
// 2000 px across), the same sums are taken faster: each cell row's sampled rows added into one
// row of column sums (long contiguous additions the compiler vectorises), then the columns of
// each cell added.
template <typename Sample>
void boxAverage(const PlaneView& p, int outW, int outH, uint8_t* out) {
  if (p.step != 1 || p.width > outW * (2 * kSamplesPerCell - 1) || p.width < outW) {
    boxAverageCells<Sample>(p, outW, outH, out);
    return;
  }
  std::vector<uint32_t> columns(size_t(p.width));  // at most 2 x kRowsPerCell x 65535 each
  for (int oy = 0; oy < outH; ++oy) {
    const auto [y0, y1] = cellSpan(oy, p.height, outH);
    const int ystep = std::max(1, (y1 - y0) / kRowsPerCell);
    std::fill(columns.begin(), columns.end(), 0u);
    uint32_t rows = 0;
    for (int y = y0; y < y1; y += ystep, ++rows) {
      const Sample* row = reinterpret_cast<const Sample*>(p.data + int64_t(y) * p.linesize) + p.offset;
      for (int x = 0; x < p.width; ++x) columns[size_t(x)] += row[x];
    }
    for (int ox = 0; ox < outW; ++ox) {
      const auto [x0, x1] = cellSpan(ox, p.width, outW);
      uint64_t sum = 0;
      for (int x = x0; x < x1; ++x) sum += columns[size_t(x)];
      const uint64_t mean = (sum / std::max(1u, rows * uint32_t(x1 - x0))) >> (p.shift + p.toEight);
      out[oy * outW + ox] = uint8_t(std::min<uint64_t>(255, mean));
    }
  }
}

// Direct reading works for YUV whose components are little-endian integers of 8 or 9-16 bits.
bool readable(const AVPixFmtDescriptor* desc) {
  if (desc->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BE | AV_PIX_FMT_FLAG_HWACCEL |
                     AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_FLOAT)) {
    return false;
  }
  if (desc->nb_components < 3) return false;
  const int bytes = desc->comp[0].depth > 8 ? 2 : 1;
  for (int c = 0; c < 3; ++c) {
    const AVComponentDescriptor& comp = desc->comp[c];
    if (comp.depth < 8 || comp.depth > 16 || (comp.depth > 8) != (bytes == 2)) return false;
    if (comp.step % bytes != 0 || comp.offset % bytes != 0) return false;
  }
  return desc->comp[0].plane == 0 && desc->comp[0].step == bytes;  // luma alone in plane 0
}

PlaneView view(const AVFrame* frame, const AVPixFmtDescriptor* desc, int c) {
  const AVComponentDescriptor& comp = desc->comp[c];
  const int bytes = comp.depth > 8 ? 2 : 1;
  const bool chroma = c > 0;
  return {frame->data[comp.plane],
          frame->linesize[comp.plane],
          chroma ? AV_CEIL_RSHIFT(frame->width, desc->log2_chroma_w) : frame->width,
          chroma ? AV_CEIL_RSHIFT(frame->height, desc->log2_chroma_h) : frame->height,
          comp.step / bytes,
          comp.offset / bytes,
          comp.shift,
          comp.depth - 8};
}

}  // namespace

Thumbnailer::~Thumbnailer() { sws_freeContext(sws_); }

bool Thumbnailer::make(const AVFrame* frame, uint8_t* out) {
  if (frame->width <= 0 || frame->height <= 0 || !frame->data[0]) return false;
  const auto* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame->format));
  if (!desc) return false;
  bool positive = true;
  for (int i = 0; i < 4; ++i) positive = positive && frame->linesize[i] >= 0;
  if (positive && readable(desc)) {
    uint8_t* dst[3] = {out, out + kThumbPixels, out + kThumbPixels + kChromaPixels};
    for (int c = 0; c < 3; ++c) {
      const PlaneView p = view(frame, desc, c);
      if (!p.data || p.linesize <= 0) return false;
      const int w = c == 0 ? kThumbWidth : kChromaWidth, h = c == 0 ? kThumbHeight : kChromaHeight;
      if (desc->comp[c].depth > 8) boxAverage<uint16_t>(p, w, h, dst[c]);
      else boxAverage<uint8_t>(p, w, h, dst[c]);
    }
    return true;
  }
  // Anything else: swscale to 4:2:0 at thumbnail size, which is exactly our layout.
  sws_ = sws_getCachedContext(sws_, frame->width, frame->height, static_cast<AVPixelFormat>(frame->format), kThumbWidth,
                              kThumbHeight, AV_PIX_FMT_YUV420P, SWS_AREA, nullptr, nullptr, nullptr);
  if (!sws_) return false;
  uint8_t* dst[4] = {nullptr};
  int dstStride[4] = {0};
  if (av_image_alloc(dst, dstStride, kThumbWidth, kThumbHeight, AV_PIX_FMT_YUV420P, 64) < 0) return false;
  const bool ok = sws_scale(sws_, frame->data, frame->linesize, 0, frame->height, dst, dstStride) == kThumbHeight;
  if (ok) {
    for (int y = 0; y < kThumbHeight; ++y) std::copy_n(dst[0] + y * dstStride[0], kThumbWidth, out + y * kThumbWidth);
    for (int c = 1; c < 3; ++c) {
      uint8_t* plane = out + kThumbPixels + (c - 1) * kChromaPixels;
      for (int y = 0; y < kChromaHeight; ++y) std::copy_n(dst[c] + y * dstStride[c], kChromaWidth, plane + y * kChromaWidth);
    }
  }
  av_freep(&dst[0]);
  return ok;
}

}  // namespace imajin
