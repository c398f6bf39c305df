#include "core/video_info.h"

#include <cmath>

#include "core/media_input.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

namespace imajin {
namespace {

int rotationOf(const AVStream* st) {
  size_t size = 0;
  const uint8_t* matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (!matrix || size < 9 * sizeof(int32_t)) return 0;
  // av_display_rotation_get: counter-clockwise degrees; we report the clockwise turn to apply.
  const double ccw = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
  if (std::isnan(ccw)) return 0;
  const long quarter = std::lround(-ccw / 90.0);
  return int(((quarter % 4) + 4) % 4) * 90;
}

}  // namespace

double saneSampleAspectRatio(double sar) {
  if (!(sar > 0) || !std::isfinite(sar) || sar < 0.25 || sar > 4) return 1;
  return sar;
}

SquareSize squarePixelSize(int width, int height, double sar) {
  sar = saneSampleAspectRatio(sar);
  if (sar > 1) return {std::max(1, int(std::lround(width * sar))), height};
  if (sar < 1) return {width, std::max(1, int(std::lround(height / sar)))};
  return {width, height};
}

double streamFrameRate(const AVStream* stream) {
  AVRational rate = stream->avg_frame_rate;
  if (rate.num <= 0 || rate.den <= 0) rate = stream->r_frame_rate;
  return rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
}

VideoInfo describe(const MediaInput& input) {
  const AVStream* st = input.video();
  const AVCodecParameters* par = st->codecpar;
  VideoInfo info;
  info.container = input.demuxerName();
  info.codec = avcodec_get_name(par->codec_id);
  info.width = par->width;
  info.height = par->height;
  info.rotation = rotationOf(st);
  const AVRational sar = av_guess_sample_aspect_ratio(input.format(), const_cast<AVStream*>(st), nullptr);
  info.sampleAspectRatio = sar.num > 0 && sar.den > 0 ? saneSampleAspectRatio(av_q2d(sar)) : 1;
  const SquareSize square = squarePixelSize(info.width, info.height, info.sampleAspectRatio);
  const bool quarterTurn = info.rotation == 90 || info.rotation == 270;
  info.displayWidth = quarterTurn ? square.height : square.width;
  info.displayHeight = quarterTurn ? square.width : square.height;
  info.frameRate = streamFrameRate(st);
  if (st->duration > 0 && st->duration != AV_NOPTS_VALUE) info.durationSec = st->duration * av_q2d(st->time_base);
  else if (input.format()->duration > 0) info.durationSec = double(input.format()->duration) / AV_TIME_BASE;
  info.frameCount = st->nb_frames > 0 ? st->nb_frames : -1;
  const auto* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(par->format));
  info.pixelFormat = desc ? desc->name : "";
  info.bitDepth = desc ? desc->comp[0].depth : (par->bits_per_raw_sample > 0 ? par->bits_per_raw_sample : 8);
  if (par->color_trc == AVCOL_TRC_SMPTE2084) info.hdrTransfer = "pq";
  else if (par->color_trc == AVCOL_TRC_ARIB_STD_B67) info.hdrTransfer = "hlg";
  info.hasAudio = input.hasAudio();
  return info;
}

}  // namespace imajin
