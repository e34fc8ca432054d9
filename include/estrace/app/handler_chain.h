// app: the handlers each decoded event goes through, in order: the fd table's tracking (-y,
// -P), the -P path filter, then the trace writer, which puts the lines together.
#pragma once

#include <cstddef>
#include <memory>

#include "estrace/app/run_config.h"
#include "estrace/cli/options.h"
#include "estrace/decode/decoder.h"
#include "estrace/decode/fd_table.h"
#include "estrace/output/path_filter.h"
#include "estrace/output/sink.h"
#include "estrace/output/trace_writer.h"

namespace estrace::app {

class HandlerChain {
 public:
  // Lines go to `sink`; `initial_tasks`: the tasks traced from the start (run_config.h).
  HandlerChain(const cli::Options& options, Names& names, output::Sink& sink, size_t initial_tasks);

  // Where the decoder sends events.
  decode::Handler& first() { return *first_; }
  output::TraceWriter& writer() { return *writer_; }

 private:
  std::unique_ptr<output::TraceWriter> writer_;
  std::unique_ptr<output::PathFilter> path_filter_;  // -P
  std::unique_ptr<decode::FdTracking> fd_tracking_;  // -y, -P
  decode::Handler* first_;
};

}  // namespace estrace::app
