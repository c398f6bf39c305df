#include "core/chunk_reader.h"

#include "core/media_input.h"
#include "core/status.h"

extern "C" {
#include <libavcodec/packet.h>
#include <libavutil/avutil.h>
}

namespace imajin {

ChunkReader::ChunkReader(MediaInput& media, int64_t startPos, int64_t endPos)
    : media_(media), startPos_(startPos), endPos_(endPos), keyframe_(av_packet_alloc()), held_(av_packet_alloc()) {
  if (!keyframe_ || !held_) media.fail(Reason::Internal, "out of memory");
}

ChunkReader::~ChunkReader() = default;

void ChunkReader::FreePacket::operator()(AVPacket* pkt) const { av_packet_free(&pkt); }

bool ChunkReader::owns(int64_t pts) const {
  if (pts == AV_NOPTS_VALUE) return startPos_ < 0 && endPos_ < 0;
  return pts >= startPts_ && pts < endPts_;
}

bool ChunkReader::readVideoPacket(AVPacket* pkt) {
  if (holding_) {
    holding_ = false;
    av_packet_unref(pkt);
    av_packet_move_ref(pkt, held_.get());
    return true;
  }
  while (!finished_) {
    if (!media_.readVideoPacket(pkt)) {
      finished_ = true;
      // The last chunk ends with the input; any other must have met the next one's keyframe.
      asPlanned_ = started_ && (endPos_ < 0 || atBoundary_);
      return false;
    }
    if (!started_ && startPos_ >= 0) {
      // A seek lands on a keyframe at or before the one asked for (libav seeks by presentation
      // time, the index is by decode time): packets up to ours are read past, not decoded.
      if (pkt->pos >= 0 && pkt->pos < startPos_) continue;
      if (pkt->pos != startPos_ || !(pkt->flags & AV_PKT_FLAG_KEY) || pkt->pts == AV_NOPTS_VALUE) break;
      startPts_ = pkt->pts;
    }
    started_ = true;
    if (!atBoundary_) {
      if (endPos_ >= 0 && pkt->pos == endPos_) {
        if (!(pkt->flags & AV_PKT_FLAG_KEY) || pkt->pts == AV_NOPTS_VALUE) break;
        atBoundary_ = true;
        endPts_ = pkt->pts;
        av_packet_move_ref(keyframe_.get(), pkt);
        continue;
      }
      ++owned_;
      if (pkt->pts != AV_NOPTS_VALUE && pkt->pts < startPts_) continue;  // the chunk before decodes it
      return true;
    }
    // Past the next chunk's keyframe: its leading pictures are still ours, the first picture
    // shown after it is not.
    if (pkt->pts == AV_NOPTS_VALUE || pkt->pts >= endPts_) {
      finished_ = asPlanned_ = true;
      return false;
    }
    if (!keyframeSent_) {
      keyframeSent_ = holding_ = true;
      av_packet_move_ref(held_.get(), pkt);
      av_packet_move_ref(pkt, keyframe_.get());
    }
    return true;
  }
  finished_ = true;  // not where the plan said: the caller scans the video in one pass instead
  av_packet_unref(pkt);
  return false;
}

}  // namespace imajin
