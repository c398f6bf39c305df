// Prints the scene detector's per-frame internals for one file: a tuning aid.
//   build: cmake -S . -B build/tools -DIMAJIN_BUILD_TOOLS=ON && cmake --build build/tools
//   run:   build/tools/scan_details video.mp4 [threshold] [exact]
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/decoder_core.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s video [threshold] [exact]\n", argv[0]);
    return 2;
  }
  imajin::initDecoderCore();
  imajin::Input input;
  input.path = argv[1];
  imajin::ScanOptions options;
  if (argc > 2) options.threshold = std::atof(argv[2]);
  options.fast = !(argc > 3 && std::strcmp(argv[3], "exact") == 0);
  options.details = true;
  imajin::CallControl control(imajin::Limits{}, nullptr);
  try {
    const auto scan = imajin::scanScenes(input, options, control);
    std::printf("# t flat step hard gradual\n");
    for (const auto& d : scan.details) {
      std::printf("%8.3f %d %6.3f %6.3f %6.3f\n", d.t, d.flat ? 1 : 0, d.step, d.hard, d.gradual);
    }
    std::printf("# cuts:");
    for (double c : scan.cuts) std::printf(" %.3f", c);
    std::printf("\n# frames decoded %lld, duration %.3f\n", (long long)scan.framesDecoded, scan.durationSec);
  } catch (const imajin::DecodeFailure& f) {
    std::printf("FAILED %s: %s (%s)\n", imajin::reasonName(f.reason), f.what(), f.libavMessage.c_str());
    return 1;
  }
  return 0;
}
