// app: the trace's destination. See include/estrace/app/trace_output.h.
#include "estrace/app/trace_output.h"

#include <cstring>
#include <iostream>
#include <utility>

#include <fmt/format.h>

namespace estrace::app {

TraceOutput::TraceOutput(std::string name, std::unique_ptr<std::ostream> file,
                         std::unique_ptr<output::Sink> sink)
    : name_(std::move(name)), file_(std::move(file)), sink_(std::move(sink)) {}

Result<TraceOutput> TraceOutput::open(const cli::Options& options) {
  if (options.output_file && options.follow >= 2) {
    auto sink = std::make_unique<output::PerTaskFileSink>(*options.output_file);
    return TraceOutput(*options.output_file, nullptr, std::move(sink));
  }
  if (options.output_file) {
    auto file = output::open_output_file(*options.output_file);
    if (!file) return Error{file.error()};
    auto sink = std::make_unique<output::StreamSink>(**file);
    return TraceOutput(*options.output_file, std::move(*file), std::move(sink));
  }
  return TraceOutput("stderr", nullptr, std::make_unique<output::StreamSink>(std::cerr));
}

void TraceOutput::write_apart(std::string_view text) {
  if (sink_->per_task()) {
    sink_->flush();
    std::cerr.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cerr.flush();
    return;
  }
  sink_->write(0, text);
  sink_->flush();
}

void TraceOutput::check() {
  if (failed_ || !sink_->error()) return;
  failed_ = true;
  say(fmt::format("{}: {}", name_, strerror(sink_->error())));
}

void say(std::string_view line) { std::cerr << "estrace: " << line << '\n' << std::flush; }

}  // namespace estrace::app
