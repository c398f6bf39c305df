// Grabs RGB frames at the given times and prints their real times and sizes: a check aid.
//   run: build/tools/grab_frames video [maxSide] t1 [t2 ...]
#include <cstdio>
#include <cstdlib>

#include "core/decoder_core.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s video maxSide t1 [t2 ...]\n", argv[0]);
    return 2;
  }
  imajin::initDecoderCore();
  imajin::Input input;
  input.path = argv[1];
  const int maxSide = std::atoi(argv[2]);
  std::vector<double> times;
  for (int i = 3; i < argc; ++i) times.push_back(std::atof(argv[i]));
  imajin::CallControl control(imajin::Limits{}, nullptr);
  try {
    for (const auto& frame : imajin::grabFrames(input, times, maxSide, control)) {
      std::printf("t=%.4f %dx%d %zu bytes\n", frame.t, frame.width, frame.height, frame.rgb.size());
    }
    const auto info = imajin::probe(input, control);
    std::printf("probe: %s %dx%d rotation %d\n", info.codec.c_str(), info.width, info.height, info.rotation);
  } catch (const imajin::DecodeFailure& f) {
    std::printf("FAILED %s: %s (%s)\n", imajin::reasonName(f.reason), f.what(), f.libavMessage.c_str());
    return 1;
  }
  return 0;
}
