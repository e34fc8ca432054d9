// app: the pipeline. Wires probe -> ingest -> decode -> format -> output for one run,
// launches or attaches, and owns shutdown. Returns estrace's exit status.
#pragma once

#include "estrace/cli/options.h"

namespace estrace::app {

int run(const cli::Options& options);

}  // namespace estrace::app
