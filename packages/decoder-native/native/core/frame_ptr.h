// An AVFrame owned: freed, with its buffers, when the pointer goes.
#pragma once

#include <memory>

extern "C" {
struct AVFrame;
}

namespace imajin {

struct FrameDeleter {
  void operator()(AVFrame* frame) const;
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;

// A new empty frame; null when out of memory.
FramePtr allocFrame();

}  // namespace imajin
