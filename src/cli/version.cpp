// -V's text: the version, the commit it was built from, the libbpf it runs with, and the
// features the build has, in the order strace -V gives them.
#include <string>
#include <string_view>

#include <bpf/libbpf.h>
#include <fmt/format.h>

#include "estrace/cli/options.h"

// Set by CMake at configure time (src/cli/CMakeLists.txt).
#ifndef ESTRACE_VERSION
#define ESTRACE_VERSION "unknown"
#endif
#ifndef ESTRACE_COMMIT
#define ESTRACE_COMMIT "unknown"
#endif
#ifndef ESTRACE_BUILD_KERNEL
#define ESTRACE_BUILD_KERNEL ""
#endif

namespace estrace::cli {

std::string version() {
  // The build kernel is empty when the BPF side was built against another kernel's BTF: then
  // libbpf always reads the running kernel's BTF and there is no fast start.
  const std::string_view build_kernel = ESTRACE_BUILD_KERNEL;
  const std::string fast_start =
      build_kernel.empty() ? "" : fmt::format(" fast-start(kernel {})", build_kernel);
  return fmt::format(
      "estrace -- version {}\n"
      "Build commit: {}\n"
      "libbpf: {}.{}\n"
      "Optional features enabled:{} ia32-decoding\n",
      ESTRACE_VERSION, ESTRACE_COMMIT, libbpf_major_version(), libbpf_minor_version(), fast_start);
}

}  // namespace estrace::cli
