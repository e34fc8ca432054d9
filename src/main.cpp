// estrace: strace's workflow and output, captured with eBPF. Options -> pipeline -> exit code.
#include <malloc.h>

#include <cstdlib>
#include <iostream>

#include <spdlog/spdlog.h>

#include "estrace/app/log_level.h"
#include "estrace/app/pipeline.h"
#include "estrace/cli/options.h"
#include "estrace/launch/launch.h"
#include "estrace/syscalls/catalogue.h"

int main(int argc, char* argv[]) {
  estrace::launch::remember_inherited_fds();
  // Record batches are large, made on one thread and freed on another: a fixed mmap
  // threshold hands their memory back instead of letting glibc's heaps grow with them.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  // Diagnostics are quiet unless asked for: ESTRACE_LOG=debug.
  const char* log_env = std::getenv("ESTRACE_LOG");
  auto level = estrace::app::log_level(log_env ? log_env : "", spdlog::level::warn);
  if (!level) {
    std::cerr << "estrace: " << level.error() << "\n";
    return 1;
  }
  spdlog::set_level(*level);
  spdlog::set_pattern("estrace: %l: %v");

  auto parsed = estrace::cli::parse(argc, argv);
  if (!parsed.options) {
    std::cerr << estrace::cli::error_text(parsed);
    return 1;
  }
  for (const auto& warning : parsed.warnings) std::cerr << "estrace: " << warning << "\n";
  const auto& options = *parsed.options;
  if (options.show_help) {
    std::cout << estrace::cli::usage();
    return 0;
  }
  if (options.show_version) {
    std::cout << estrace::cli::version();
    return 0;
  }
  if (options.list_syscalls) {
    for (const auto& word : estrace::syscalls::trace_set_words()) std::cout << word << "\n";
    return 0;
  }
  return estrace::app::run(options);
}
