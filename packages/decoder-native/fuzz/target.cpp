#include "target.h"

#include <cmath>
#include <new>
#include <vector>

#include "core/decoder_core.h"

namespace imajin_fuzz {
namespace {

struct Broken {
  std::string what;
};

void require(bool ok, const char* what) {
  if (!ok) throw Broken{what};
}

imajin::Limits fuzzLimits() {
  imajin::Limits limits;  // the addon's defaults, but a shorter wall-time budget
  limits.timeoutMs = kCaseTimeoutMs;
  return limits;
}

void checkInfo(const imajin::VideoInfo& info) {
  require(info.width > 0 && info.height > 0, "probe: non-positive coded size");
  require(info.displayWidth > 0 && info.displayHeight > 0, "probe: non-positive display size");
  require(info.rotation == 0 || info.rotation == 90 || info.rotation == 180 || info.rotation == 270, "probe: rotation not a quarter turn");
  require(std::isfinite(info.durationSec) && info.durationSec >= 0, "probe: duration not finite and >= 0");
  require(std::isfinite(info.frameRate) && info.frameRate >= 0, "probe: frame rate not finite and >= 0");
  require(std::isfinite(info.sampleAspectRatio) && info.sampleAspectRatio > 0, "probe: bad sample aspect ratio");
}

void checkScan(const imajin::SceneScanResult& scan) {
  checkInfo(scan.info);
  require(std::isfinite(scan.durationSec) && scan.durationSec > 0, "scan: duration not finite and > 0");
  require(scan.times.size() == scan.scores.size(), "scan: times and scores differ in length");
  require(!scan.times.empty(), "scan: no frame scored but no error");
  require(scan.framesDecoded >= int64_t(scan.times.size()), "scan: more frames scored than decoded");
  for (size_t i = 0; i < scan.times.size(); ++i) {
    require(std::isfinite(scan.times[i]) && scan.times[i] >= 0, "scan: frame time not finite and >= 0");
    require(i == 0 || scan.times[i] > scan.times[i - 1], "scan: frame times not increasing");
    require(std::isfinite(scan.scores[i]) && scan.scores[i] >= 0 && scan.scores[i] <= 1, "scan: score outside [0, 1]");
  }
  for (size_t i = 0; i < scan.cuts.size(); ++i) {
    require(scan.cuts[i] > 0 && scan.cuts[i] < scan.durationSec, "scan: cut outside (0, duration)");
    require(i == 0 || scan.cuts[i] > scan.cuts[i - 1], "scan: cuts not increasing");
  }
}

void checkFrames(const std::vector<imajin::GrabbedFrame>& frames, size_t asked, int maxSide) {
  require(frames.size() == asked, "grab: not one frame per time asked");
  for (const auto& f : frames) {
    require(f.width > 0 && f.height > 0 && f.width <= maxSide && f.height <= maxSide, "grab: frame size outside [1, maxSide]");
    require(f.rgb.size() == size_t(f.width) * size_t(f.height) * 3, "grab: RGB buffer size != w*h*3");
    require(std::isfinite(f.t) && f.t >= 0, "grab: frame time not finite and >= 0");
  }
}

}  // namespace

CaseResult runCase(const uint8_t* data, size_t size) {
  imajin::initDecoderCore();
  imajin::Input input;
  input.data = data;
  input.size = size;
  const imajin::Limits limits = fuzzLimits();
  CaseResult result;
  const char* stage = "probe";
  try {
    {
      imajin::CallControl control(limits, nullptr);
      checkInfo(imajin::probe(input, control));
    }
    stage = "scan";
    double duration = 0;
    {
      imajin::CallControl control(limits, nullptr);
      imajin::ScanOptions options;
      options.fast = (size & 1) == 0;  // both decode modes, chosen by the input
      options.capture.maxSide = 96;    // frames kept on the way, few enough to thin often
      options.capture.maxFrames = 6;
      const imajin::SceneScanResult scan = imajin::scanScenes(input, options, control);
      checkScan(scan);
      duration = scan.durationSec;
      require(scan.captured != nullptr, "scan: nothing captured");
      const std::vector<double> kept = scan.captured->times();
      // Empty only for pixel formats swscale cannot write (those keyframes are grabbed instead).
      require(kept.size() <= 6, "capture: more frames kept than maxFrames");
      if (!kept.empty()) {
        std::vector<imajin::GrabbedFrame> taken;
        for (size_t i : {size_t(0), kept.size() / 2, kept.size() - 1}) {
          imajin::RgbImage image = scan.captured->rgb(i);
          taken.push_back({kept[i], image.width, image.height, std::move(image.data)});
        }
        checkFrames(taken, 3, 96);
      }
    }
    stage = "grab";
    {
      imajin::CallControl control(limits, nullptr);
      const std::vector<double> times = {duration * 0.5, 0.0, duration * 0.99, duration + 10};
      const int maxSide = 96;
      checkFrames(imajin::grabFrames(input, times, maxSide, control), times.size(), maxSide);
    }
    result.outcome = "ok";
  } catch (const imajin::DecodeFailure& failure) {
    result.outcome = std::string(stage) + ":" + imajin::reasonName(failure.reason);
    if (failure.reason == imajin::Reason::Internal) {
      result.detail = failure.what();
    }
  } catch (const Broken& broken) {
    result.outcome = std::string(stage) + ":INVARIANT";
    result.finding = true;
    result.detail = broken.what;
  } catch (const std::bad_alloc&) {
    result.outcome = std::string(stage) + ":bad_alloc";  // the addon maps it to TOO_LARGE
  } catch (const std::exception& e) {
    result.outcome = std::string(stage) + ":std::exception";
    result.finding = true;
    result.detail = e.what();
  }
  return result;
}

}  // namespace imajin_fuzz
