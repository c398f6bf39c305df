#include "core/parallel_scan.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "core/chunk_reader.h"
#include "core/frame_ptr.h"
#include "core/log_sink.h"
#include "core/media_input.h"
#include "core/scene_detector.h"
#include "core/thumbnail.h"
#include "core/video_decoder.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
}

namespace imajin {
namespace {

constexpr double kMinChunkSec = 1.0;
constexpr double kMaxChunkSec = 20.0;

// What one chunk produced, waiting for the chunks before it to be handed on.
struct ChunkOutput {
  std::vector<double> times;
  std::vector<uint8_t> thumbnails;  // kThumbValues per time
  std::unique_ptr<FrameCapture> capture;
  int64_t packets = 0;
  bool ready = false;
  bool asPlanned = false;
  std::exception_ptr error;
};

class ChunkPool {
 public:
  ChunkPool(MediaInput& media, const Input& input, const CallControl& control, const std::vector<ChunkStart>& chunks,
            int workers, FrameCapture* capture)
      : media_(media), input_(input), control_(control), chunks_(chunks), workers_(workers),
        capture_(capture), probed_(media.probed()), outputs_(chunks.size()), next_(size_t(workers)) {
    if (capture_) spacing_ = capture_->spacingSec();
  }

  ~ChunkPool() { stopAndJoin(); }

  void start() {
    for (int w = 0; w < workers_; ++w) threads_.emplace_back([this, w] { work(w); });
  }

  // The chunks in order: their frames to `sink`, their captures appended to the main one.
  ParallelScanResult drain(const ThumbnailSink& sink) {
    ParallelScanResult result;
    for (size_t i = 0; i < outputs_.size(); ++i) {
      // The chunk's frames as they come (the detectors keep pace with its decoder), then the rest.
      ChunkOutput out;
      for (bool last = false; !last;) {
        {
          std::unique_lock<std::mutex> lock(mutex_);
          changed_.wait(lock, [&] { return outputs_[i].ready || !outputs_[i].times.empty(); });
          last = outputs_[i].ready;
          out.times.clear();
          out.thumbnails.clear();
          out.times.swap(outputs_[i].times);
          out.thumbnails.swap(outputs_[i].thumbnails);
          if (last) {
            out.capture = std::move(outputs_[i].capture);
            out.packets = outputs_[i].packets;
            out.asPlanned = outputs_[i].asPlanned;
            out.error = outputs_[i].error;
          }
        }
        if (last && (out.error || !out.asPlanned)) {
          stopAndJoin();
          control_.check();  // a chunk stopped by cancellation or the deadline: say so
          return result;
        }
        for (size_t k = 0; k < out.times.size(); ++k) sink(out.times[k], out.thumbnails.data() + k * kThumbValues);
      }
      if (capture_ && out.capture) {
        capture_->append(*out.capture);
        spacing_ = capture_->spacingSec();
      }
      result.packetsRead += out.packets;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        consumed_ = i + 1;
      }
      changed_.notify_all();
    }
    stopAndJoin();
    result.outcome = ParallelScanResult::Outcome::Done;
    result.framesDecoded = framesDecoded_;
    result.endSeconds = endSeconds_;
    return result;
  }

 private:
  // The next chunk for a worker that has finished one; waits while the chunks taken but not yet
  // handed on would exceed two per worker (bounded memory). chunks_.size() when there is none.
  size_t takeChunk() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || next_ >= chunks_.size() || next_ < consumed_ + size_t(2 * workers_); });
    if (stop_ || next_ >= chunks_.size()) return chunks_.size();
    return next_++;
  }

  // A frame of chunk i for the consumer; false when the scan is stopping.
  bool addFrame(size_t i, double t, const uint8_t* thumbnail) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stop_) return false;
      outputs_[i].times.push_back(t);
      outputs_[i].thumbnails.insert(outputs_[i].thumbnails.end(), thumbnail, thumbnail + kThumbValues);
    }
    changed_.notify_all();
    return true;
  }

  // Chunk i is finished: how it ended (its frames already added).
  void publish(size_t i, ChunkOutput&& out) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ChunkOutput& to = outputs_[i];
      to.capture = std::move(out.capture);
      to.packets = out.packets;
      to.asPlanned = out.asPlanned;
      to.error = out.error;
      to.ready = true;
    }
    changed_.notify_all();
  }

  void work(int w) {
    LogSink ownLog;
    std::unique_ptr<MediaInput> ownMedia;
    size_t chunk = size_t(w);  // the first chunks go one to each worker, in order
    bool atStart = w == 0;     // worker 0 reads the already opened input from its start
    ScopedLogSink scoped(w == 0 ? &media_.log() : &ownLog);  // what libav logs on this thread
    try {
      if (w > 0) ownMedia = std::make_unique<MediaInput>(input_, control_, ownLog, probed_);
      MediaInput& media = w == 0 ? media_ : *ownMedia;
      VideoDecoder decoder(media, DecodeMode::FastScan, false, true);
      Thumbnailer thumbnailer;
      const FramePtr frame = allocFrame();
      if (!frame) media.fail(Reason::Internal, "out of memory");
      for (; chunk < chunks_.size(); chunk = takeChunk()) {
        ChunkOutput out;
        if (!atStart) {
          media.seekTo(chunks_[chunk].timestamp);
          decoder.flush(false);
        }
        atStart = false;
        const int64_t endPos = chunk + 1 < chunks_.size() ? chunks_[chunk + 1].pos : -1;
        ChunkReader reader(media, chunks_[chunk].pos, endPos);
        decoder.setPacketSource(&reader);
        if (capture_) out.capture = capture_->emptyCopy(spacing_.load());
        uint8_t thumbnail[kThumbValues];
        double last = -1e300;
        bool stopped = false;
        while (decoder.nextFrame(frame.get())) {
          const int64_t pts = frame->best_effort_timestamp;
          if (!reader.owns(pts)) continue;
          const double t = std::max(0.0, media.toSeconds(pts));
          if (!(t > last) || !thumbnailer.make(frame.get(), thumbnail)) continue;
          if (out.capture) out.capture->offer(t, frame.get());
          last = t;
          if ((stopped = !addFrame(chunk, t, thumbnail))) break;
        }
        decoder.setPacketSource(nullptr);
        out.asPlanned = reader.asPlanned() && !stopped;
        out.packets = reader.packetsOwned();
        const bool usable = out.asPlanned;
        publish(chunk, std::move(out));
        if (!usable) break;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      framesDecoded_ += decoder.framesDecoded();
      endSeconds_ = std::max(endSeconds_, media.endSeconds());
    } catch (...) {
      ChunkOutput failed;
      failed.error = std::current_exception();
      if (chunk < chunks_.size()) publish(chunk, std::move(failed));
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
  }

  void stopAndJoin() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  MediaInput& media_;
  const Input& input_;
  const CallControl& control_;
  const std::vector<ChunkStart>& chunks_;
  const int workers_;
  FrameCapture* capture_;
  const MediaInput::Probed probed_;  // taken before the workers start: they open their own readers with it
  std::atomic<double> spacing_{0};

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<ChunkOutput> outputs_;
  size_t next_;
  size_t consumed_ = 0;
  bool stop_ = false;
  int64_t framesDecoded_ = 0;
  double endSeconds_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace

std::vector<ChunkStart> planChunks(const MediaInput& media, int workers) {
  if (workers < 2 || media.family() != ContainerFamily::Mov) return {};
  AVStream* st = media.video();
  const int entries = avformat_index_get_entries_count(st);
  if (entries < 2) return {};
  std::vector<ChunkStart> keyframes;
  for (int i = 0; i < entries; ++i) {
    const AVIndexEntry* e = avformat_index_get_entry(st, i);
    if (e && (e->flags & AVINDEX_KEYFRAME) && !(e->flags & AVINDEX_DISCARD_FRAME) && e->pos >= 0) {
      keyframes.push_back({e->pos, e->timestamp});
    }
  }
  const AVIndexEntry* first = avformat_index_get_entry(st, 0);
  const AVIndexEntry* last = avformat_index_get_entry(st, entries - 1);
  if (keyframes.size() < 2 || !first || !last) return {};
  const double tb = av_q2d(st->time_base);
  const double span = double(last->timestamp - first->timestamp) * tb;
  if (!(span >= 2 * kMinChunkSec) || !(tb > 0)) return {};
  int count = std::max(2 * workers, int(std::ceil(span / kMaxChunkSec)));
  count = std::min(count, int(span / kMinChunkSec));
  std::vector<ChunkStart> chunks{{-1, first->timestamp}};
  for (int c = 1; c < count; ++c) {
    const double target = double(first->timestamp) + span / tb * c / count;
    const ChunkStart* best = nullptr;
    for (const ChunkStart& k : keyframes) {
      if (k.timestamp <= chunks.back().timestamp || (chunks.size() > 1 && k.pos <= chunks.back().pos)) continue;
      if (k.timestamp == keyframes.front().timestamp) continue;  // the first chunk's own keyframe
      if (!best || std::abs(double(k.timestamp) - target) < std::abs(double(best->timestamp) - target)) best = &k;
    }
    if (best && double(best->timestamp - chunks.back().timestamp) * tb >= kMinChunkSec) chunks.push_back(*best);
  }
  if (chunks.size() < 2 || double(last->timestamp - chunks.back().timestamp) * tb < kMinChunkSec) {
    if (chunks.size() > 2) chunks.pop_back();
    else return {};
  }
  return chunks;
}

ParallelScanResult parallelScan(MediaInput& media, const Input& input, const CallControl& control,
                                const std::vector<ChunkStart>& chunks, int workers, const ThumbnailSink& sink,
                                FrameCapture* capture) {
  ChunkPool pool(media, input, control, chunks, std::min<int>(workers, int(chunks.size())), capture);
  pool.start();
  return pool.drain(sink);
}

}  // namespace imajin
