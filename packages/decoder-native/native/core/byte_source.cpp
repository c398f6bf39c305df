#include "core/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/call_control.h"
#include "core/status.h"

extern "C" {
#include <libavformat/avio.h>
#include <libavutil/error.h>
#include <libavutil/mem.h>
}

namespace imajin {
namespace {

class MemorySource final : public ByteSource {
 public:
  MemorySource(const uint8_t* data, size_t size) : data_(data), size_(static_cast<int64_t>(size)) {}
  int64_t size() const override { return size_; }
  int64_t readAt(int64_t offset, uint8_t* dst, int64_t n) const override {
    if (offset < 0) return -EINVAL;
    if (offset >= size_ || n <= 0) return 0;
    const int64_t count = std::min(n, size_ - offset);
    std::memcpy(dst, data_ + offset, static_cast<size_t>(count));
    return count;
  }

 private:
  const uint8_t* data_;
  int64_t size_;
};

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, int64_t size) : fd_(fd), size_(size) {}
  ~FileSource() override { ::close(fd_); }
  int64_t size() const override { return size_; }
  int64_t readAt(int64_t offset, uint8_t* dst, int64_t n) const override {
    if (offset < 0) return -EINVAL;
    if (offset >= size_ || n <= 0) return 0;
    n = std::min(n, size_ - offset);  // the size seen at open: a growing file is not followed
    for (;;) {
      const ssize_t got = ::pread(fd_, dst, static_cast<size_t>(n), offset);
      if (got >= 0) return got;
      if (errno != EINTR) return -errno;
    }
  }

 private:
  int fd_;
  int64_t size_;
};

}  // namespace

std::unique_ptr<ByteSource> openSource(const Input& input, int64_t maxInputBytes) {
  std::unique_ptr<ByteSource> source;
  if (input.path.empty()) {
    source = std::make_unique<MemorySource>(input.data, input.size);
  } else {
    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      const int err = errno;
      const Reason reason = (err == ENOENT || err == ENOTDIR) ? Reason::NotFound : Reason::InvalidArgument;
      throw DecodeFailure(reason, "cannot open " + input.path + ": " + std::strerror(err), AVERROR(err));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      throw DecodeFailure(Reason::InvalidArgument, input.path + " is not a regular file");
    }
    source = std::make_unique<FileSource>(fd, static_cast<int64_t>(st.st_size));
  }
  if (source->size() == 0) throw DecodeFailure(Reason::CorruptInput, "the input is empty (0 bytes)");
  if (source->size() > maxInputBytes) {
    throw DecodeFailure(Reason::TooLarge, "the input has " + std::to_string(source->size()) +
                                              " bytes, over maxInputBytes " + std::to_string(maxInputBytes));
  }
  return source;
}

AvioReader::AvioReader(const ByteSource& source, const CallControl& control)
    : source_(source), control_(control) {
  constexpr int kBufferSize = 64 * 1024;
  auto* buffer = static_cast<unsigned char*>(av_malloc(kBufferSize));
  if (!buffer) throw DecodeFailure(Reason::Internal, "out of memory for the I/O buffer", AVERROR(ENOMEM));
  ctx_ = avio_alloc_context(buffer, kBufferSize, 0, this, &AvioReader::read, nullptr, &AvioReader::seek);
  if (!ctx_) {
    av_free(buffer);
    throw DecodeFailure(Reason::Internal, "out of memory for the I/O context", AVERROR(ENOMEM));
  }
}

AvioReader::~AvioReader() {
  if (ctx_) {
    av_freep(&ctx_->buffer);  // libav may have replaced the buffer we gave it
    avio_context_free(&ctx_);
  }
}

int AvioReader::read(void* opaque, uint8_t* buf, int size) {
  auto* self = static_cast<AvioReader*>(opaque);
  if (self->control_.shouldStop()) return AVERROR_EXIT;
  const int64_t got = self->source_.readAt(self->pos_, buf, size);
  if (got < 0) return AVERROR(static_cast<int>(-got));
  if (got == 0) return AVERROR_EOF;
  self->pos_ += got;
  return static_cast<int>(got);
}

int64_t AvioReader::seek(void* opaque, int64_t offset, int whence) {
  auto* self = static_cast<AvioReader*>(opaque);
  const int64_t size = self->source_.size();
  switch (whence & ~AVSEEK_FORCE) {
    case AVSEEK_SIZE: return size;
    case SEEK_SET: break;
    case SEEK_CUR: offset += self->pos_; break;
    case SEEK_END: offset += size; break;
    default: return AVERROR(EINVAL);
  }
  if (offset < 0) return AVERROR(EINVAL);
  self->pos_ = offset;  // past the end is allowed; reads there return EOF
  return offset;
}

}  // namespace imajin
