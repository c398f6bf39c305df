// The detectors alone, without decoding: their CPU time over recorded thumbnails, and a digest of
// everything they report, so that a change to them can be timed quietly and checked to report
// exactly what it did before.
//   build: cmake -S . -B build/tools -DIMAJIN_BUILD_TOOLS=ON && cmake --build build/tools
//   record: build/tools/detector_bench record thumbs.bin video.mp4...   (a fast scan's frames;
//           prints the CPU time the thumbnails took)
//   run:    build/tools/detector_bench run thumbs.bin [reps]
// `run` prints, per video, the least CPU time of the scene and departure detectors and a digest
// of their cuts, per-frame scores and departures (bit for bit), then the total.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "core/decoder_core.h"
#include "core/departure_detector.h"
#include "core/frame_ptr.h"
#include "core/log_sink.h"
#include "core/media_input.h"
#include "core/scene_detector.h"
#include "core/thumbnail.h"
#include "core/video_decoder.h"

extern "C" {
#include <libavutil/frame.h>
}

namespace {

using imajin::kThumbValues;

double cpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct Recording {
  std::string name;
  double thumbnailSeconds = 0;  // CPU time of Thumbnailer::make over the recording
  std::vector<double> times;
  std::vector<uint8_t> thumbnails;  // kThumbValues per time
};

// A fast scan's frames in one pass, non-reference frames skipped (the frames the chunked scan
// hands the detectors).
Recording record(const char* path) {
  imajin::Input input;
  input.path = path;
  imajin::CallControl control(imajin::Limits{}, nullptr);
  imajin::LogSink log;
  imajin::ScopedLogSink scoped(&log);
  imajin::MediaInput media(input, control, log);
  imajin::VideoDecoder decoder(media, imajin::DecodeMode::FastScan, false, true);
  imajin::Thumbnailer thumbnailer;
  const imajin::FramePtr frame = imajin::allocFrame();
  if (!frame) media.fail(imajin::Reason::Internal, "out of memory");
  Recording r;
  r.name = path;
  uint8_t thumbnail[kThumbValues];
  double last = -1e300;
  while (decoder.nextFrame(frame.get())) {
    const double t = std::max(0.0, media.toSeconds(frame->best_effort_timestamp));
    if (!(t > last)) continue;
    const double start = cpuSeconds();
    const bool made = thumbnailer.make(frame.get(), thumbnail);
    r.thumbnailSeconds += cpuSeconds() - start;
    if (!made) continue;
    r.times.push_back(t);
    r.thumbnails.insert(r.thumbnails.end(), thumbnail, thumbnail + kThumbValues);
    last = t;
  }
  return r;
}

void writeAll(FILE* f, const void* p, size_t n) {
  if (std::fwrite(p, 1, n, f) != n) {
    std::perror("write");
    std::exit(1);
  }
}

void readAll(FILE* f, void* p, size_t n) {
  if (std::fread(p, 1, n, f) != n) {
    std::fprintf(stderr, "the recording is truncated\n");
    std::exit(1);
  }
}

std::vector<Recording> load(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::perror(path);
    std::exit(1);
  }
  std::vector<Recording> all;
  uint64_t nameLength;
  while (std::fread(&nameLength, sizeof nameLength, 1, f) == 1) {
    Recording r;
    r.name.resize(nameLength);
    readAll(f, r.name.data(), nameLength);
    uint64_t frames;
    readAll(f, &frames, sizeof frames);
    r.times.resize(frames);
    r.thumbnails.resize(frames * kThumbValues);
    readAll(f, r.times.data(), frames * sizeof(double));
    readAll(f, r.thumbnails.data(), r.thumbnails.size());
    all.push_back(std::move(r));
  }
  std::fclose(f);
  return all;
}

// FNV-1a over raw bytes: any change in any reported value changes it.
struct Digest {
  uint64_t h = 1469598103934665603ull;
  template <typename T>
  void add(const T& v) {
    const auto* p = reinterpret_cast<const unsigned char*>(&v);
    for (size_t i = 0; i < sizeof v; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
};

// One run of both detectors over a recording, as scene_scan.cpp drives them.
uint64_t detect(const Recording& r, double threshold, size_t* cuts) {
  imajin::SceneDetector scenes(threshold);
  imajin::DepartureDetector departures;
  for (size_t i = 0; i < r.times.size(); ++i) {
    scenes.push(r.times[i], r.thumbnails.data() + i * kThumbValues);
    departures.push(r.times[i], r.thumbnails.data() + i * kThumbValues);
  }
  scenes.finish();
  const double end = r.times.empty() ? 0 : r.times.back() + 1.0 / 30;
  departures.finish(scenes.cuts(), end);
  Digest d;
  for (double c : scenes.cuts()) d.add(c);
  for (float s : scenes.scores()) d.add(s);
  for (const imajin::Departure& x : departures.departures()) {
    d.add(x.start);
    d.add(x.end);
    d.add(x.peak);
  }
  *cuts = scenes.cuts().size();
  return d.h;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "record") == 0) {
    imajin::initDecoderCore();
    FILE* f = std::fopen(argv[2], "wb");
    if (!f) {
      std::perror(argv[2]);
      return 1;
    }
    double thumbnails = 0;
    for (int i = 3; i < argc; ++i) {
      try {
        const Recording r = record(argv[i]);
        const uint64_t nameLength = r.name.size(), frames = r.times.size();
        writeAll(f, &nameLength, sizeof nameLength);
        writeAll(f, r.name.data(), nameLength);
        writeAll(f, &frames, sizeof frames);
        writeAll(f, r.times.data(), frames * sizeof(double));
        writeAll(f, r.thumbnails.data(), r.thumbnails.size());
        std::fprintf(stderr, "%s: %" PRIu64 " frames, thumbnails %.1f ms\n", argv[i], frames, r.thumbnailSeconds * 1e3);
        thumbnails += r.thumbnailSeconds;
      } catch (const imajin::DecodeFailure& e) {
        std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
        return 1;
      }
    }
    std::fclose(f);
    std::fprintf(stderr, "thumbnails: %.1f ms in all\n", thumbnails * 1e3);
    return 0;
  }
  if (argc >= 3 && std::strcmp(argv[1], "run") == 0) {
    const std::vector<Recording> all = load(argv[2]);
    const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    const double threshold = imajin::ScanOptions{}.threshold;
    double total = 0;
    Digest overall;
    for (const Recording& r : all) {
      std::vector<double> seconds;
      uint64_t digest = 0;
      size_t cuts = 0;
      for (int k = 0; k < reps; ++k) {
        const double start = cpuSeconds();
        digest = detect(r, threshold, &cuts);
        seconds.push_back(cpuSeconds() - start);
      }
      // The fastest run: on a shared machine, the others measure the neighbours too.
      const double fastest = *std::min_element(seconds.begin(), seconds.end());
      total += fastest;
      overall.add(digest);
      const char* base = std::strrchr(r.name.c_str(), '/');
      std::printf("%-60s %6zu frames %3zu cuts %8.1f ms  %016" PRIx64 "\n", base ? base + 1 : r.name.c_str(),
                  r.times.size(), cuts, fastest * 1e3, digest);
    }
    std::printf("total %.1f ms (fastest of %d per video)  digest %016" PRIx64 "\n", total * 1e3, reps, overall.h);
    return 0;
  }
  std::fprintf(stderr, "usage: %s record out.bin video...  |  %s run out.bin [reps]\n", argv[0], argv[0]);
  return 2;
}
