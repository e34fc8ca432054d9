// output: where finished text goes. Sinks write to injected streams, so tests use
// std::ostringstream; the files (-o, -ff) are opened by the factories below.
#pragma once

#include <cerrno>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>

#include "estrace/util/result.h"

namespace estrace::output {

class Sink {
 public:
  virtual ~Sink() = default;
  // Appends text to the stream that task `tid` writes to.
  virtual void write(uint32_t tid, std::string_view text) = 0;
  virtual void flush() = 0;
  // True when every task has a stream of its own (-ff): lines never interleave.
  virtual bool per_task() const { return false; }
  // The task has written its last line ("+++ exited ... +++").
  virtual void task_done(uint32_t /*tid*/) {}
  // The errno of the first write that failed (a full disk: ENOSPC), 0 while none has. Text
  // after a failure is lost; the pipeline reports it and exits non-zero.
  int error() const { return error_; }

 protected:
  // Called after writing to `out`: keeps the errno of its first failure.
  void check(const std::ostream& out) {
    if (!error_ && !out) error_ = errno ? errno : EIO;
  }

 private:
  int error_ = 0;
};

// All tasks into one stream (stderr, or the -o file).
// Lines are gathered here and handed to the stream in large pieces: an ostream::write per
// line (a sentry, a locale check, a copy into an 8 KiB buffer) was a tenth of the decoding
// thread's time at millions of lines a second. The pipeline flushes after every batch.
class StreamSink final : public Sink {
 public:
  explicit StreamSink(std::ostream& out) : out_(out) { pending_.reserve(kChunk); }
  ~StreamSink() override { flush(); }
  void write(uint32_t, std::string_view text) override {
    pending_.append(text);
    if (pending_.size() >= kChunk) hand_over();
  }
  void flush() override {
    hand_over();
    out_.flush();
    check(out_);
  }

 private:
  static constexpr size_t kChunk = size_t{64} << 10;
  void hand_over() {
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    check(out_);
    pending_.clear();
  }
  std::ostream& out_;
  std::string pending_;
};

// -ff -o PREFIX: one file PREFIX.TID per task, opened on its first line.
class PerTaskFileSink final : public Sink {
 public:
  explicit PerTaskFileSink(std::string prefix) : prefix_(std::move(prefix)) {}
  void write(uint32_t tid, std::string_view text) override;
  void flush() override;
  bool per_task() const override { return true; }
  void task_done(uint32_t tid) override;

 private:
  std::string prefix_;
  std::unordered_map<uint32_t, std::unique_ptr<std::ostream>> files_;
};

// Opens FILE for -o (truncating, like strace). Errors are one line.
Result<std::unique_ptr<std::ostream>> open_output_file(const std::string& path);

}  // namespace estrace::output
