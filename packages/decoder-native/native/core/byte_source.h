// The bytes of one input, read by offset: a caller's memory (a Node Buffer the addon keeps
// referenced) or a regular file. libav reads them through AvioReader; the container checks
// read them directly. Nothing is ever written.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

extern "C" {
struct AVIOContext;
}

namespace imajin {

class CallControl;

struct Input {
  const uint8_t* data = nullptr;  // bytes, when `path` is empty; must outlive the call
  size_t size = 0;
  std::string path;  // a file to read instead
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual int64_t size() const = 0;
  // Copies up to n bytes at offset into dst; returns the count (0 at or past the end) or
  // -errno.
  virtual int64_t readAt(int64_t offset, uint8_t* dst, int64_t n) const = 0;
};

// Throws NOT_FOUND (no such file), INVALID_ARGUMENT (not a regular file), TOO_LARGE
// (over maxInputBytes) or CORRUPT_INPUT (empty).
std::unique_ptr<ByteSource> openSource(const Input& input, int64_t maxInputBytes);

// A read-only, seekable AVIOContext over a ByteSource. Reads stop with AVERROR_EXIT once the
// call is aborted or out of time, so libav cannot keep a cancelled call busy.
class AvioReader {
 public:
  AvioReader(const ByteSource& source, const CallControl& control);
  ~AvioReader();
  AvioReader(const AvioReader&) = delete;
  AvioReader& operator=(const AvioReader&) = delete;

  AVIOContext* context() const { return ctx_; }

 private:
  static int read(void* opaque, uint8_t* buf, int size);
  static int64_t seek(void* opaque, int64_t offset, int whence);

  const ByteSource& source_;
  const CallControl& control_;
  int64_t pos_ = 0;
  AVIOContext* ctx_ = nullptr;
};

}  // namespace imajin
