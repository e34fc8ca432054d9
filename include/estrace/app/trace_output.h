// app: where a run's text goes (stderr, an -o file, or one file per process with -ff), and
// the one report of a write that failed.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "estrace/cli/options.h"
#include "estrace/output/sink.h"
#include "estrace/util/result.h"

namespace estrace::app {

class TraceOutput {
 public:
  // Opens what the options name (-o truncates, as strace does); the error is one line.
  static Result<TraceOutput> open(const cli::Options& options);

  output::Sink& sink() { return *sink_; }
  // True for a single -o file, where a loss is marked in the trace where it was noticed.
  bool one_file() const { return file_ != nullptr; }
  // Text that belongs to no one task (a summary): into the trace, or to stderr beside -ff's
  // files, which are the processes' own.
  void write_apart(std::string_view text);
  // Reports the first failed write once, as strace does ("FILE: error").
  void check();
  // A write failed (and was reported): the trace is incomplete.
  bool failed() const { return failed_; }

 private:
  TraceOutput(std::string name, std::unique_ptr<std::ostream> file,
              std::unique_ptr<output::Sink> sink);
  std::string name_;  // the -o file's, or "stderr"
  std::unique_ptr<std::ostream> file_;
  std::unique_ptr<output::Sink> sink_;
  bool failed_ = false;
};

// One line of estrace's own on stderr: "estrace: LINE".
void say(std::string_view line);

}  // namespace estrace::app
