// app: the decoded events' way to the writer. See include/estrace/app/handler_chain.h.
#include "estrace/app/handler_chain.h"

#include <ctime>
#include <utility>

#include "estrace/util/clock.h"

namespace estrace::app {

HandlerChain::HandlerChain(const cli::Options& options, Names& names, output::Sink& sink,
                           size_t initial_tasks) {
  output::LineOptions lines = line_options(options, initial_tasks, names);
  lines.realtime_offset_ns =
      static_cast<int64_t>(now_ns(CLOCK_REALTIME)) - static_cast<int64_t>(now_ns(CLOCK_MONOTONIC));
  writer_ = std::make_unique<output::TraceWriter>(format::CallFormatter(call_style(options, names)),
                                                  std::move(lines), sink);
  first_ = writer_.get();
  if (!options.trace_paths.empty()) {
    path_filter_ = std::make_unique<output::PathFilter>(options.trace_paths, names.fds, *first_);
    first_ = path_filter_.get();
  }
  if (tracks_fds(options)) {
    fd_tracking_ = std::make_unique<decode::FdTracking>(names.fds, *first_);
    first_ = fd_tracking_.get();
  }
}

}  // namespace estrace::app
