// Prints the departure detector's per-frame internals and the departures for one file: a tuning aid.
//   build: cmake -S . -B build/tools -DIMAJIN_BUILD_TOOLS=ON && cmake --build build/tools
//   run:   build/tools/departure_details video.mp4 [exact]
#include <cstdio>
#include <cstring>

#include "core/decoder_core.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s video [exact]\n", argv[0]);
    return 2;
  }
  imajin::initDecoderCore();
  imajin::Input input;
  input.path = argv[1];
  imajin::ScanOptions options;
  options.fast = !(argc > 2 && std::strcmp(argv[2], "exact") == 0);
  options.details = true;
  imajin::CallControl control(imajin::Limits{}, nullptr);
  try {
    const auto scan = imajin::scanScenes(input, options, control);
    std::printf("# t flat away between\n");
    for (const auto& d : scan.departureDetails) {
      std::printf("%8.3f %d %6.3f %6.3f\n", d.t, d.flat ? 1 : 0, d.away, d.between);
    }
    std::printf("# cuts:");
    for (double c : scan.cuts) std::printf(" %.3f", c);
    std::printf("\n# departures (start end peak):");
    for (const auto& d : scan.departures) std::printf(" [%.3f %.3f %.3f]", d.start, d.end, d.peak);
    std::printf("\n# frames decoded %lld, duration %.3f\n", (long long)scan.framesDecoded, scan.durationSec);
  } catch (const imajin::DecodeFailure& f) {
    std::printf("FAILED %s: %s (%s)\n", imajin::reasonName(f.reason), f.what(), f.libavMessage.c_str());
    return 1;
  }
  return 0;
}
