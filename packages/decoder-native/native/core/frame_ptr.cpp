#include "core/frame_ptr.h"

extern "C" {
#include <libavutil/frame.h>
}

namespace imajin {

void FrameDeleter::operator()(AVFrame* frame) const { av_frame_free(&frame); }

FramePtr allocFrame() { return FramePtr(av_frame_alloc()); }

}  // namespace imajin
