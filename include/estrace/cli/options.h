// cli: strace-compatible command line -> Options. Pure: no I/O beyond the returned text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estrace/format/modes.h"

namespace estrace::cli {

using format::HexMode;
using format::TimeMode;

struct Options {
  // What to trace.
  std::vector<std::string> command;  // argv after options (launch mode)
  std::vector<int> pids;             // -p, repeatable, comma lists
  int follow = 0;                    // -f: 1, -ff: 2

  // Which calls: -e trace=...; empty means all. Names resolved by the syscall catalogue.
  std::vector<uint32_t> trace_syscalls;  // x86_64 numbers
  bool trace_all = true;

  // How lines look.
  unsigned string_limit = 32;  // -s N
  TimeMode time = TimeMode::None;
  bool show_duration = false;  // -T
  bool quiet = false;          // -q: no attach/detach messages
  HexMode hex = HexMode::None;
  bool verbose = false;   // -v
  int decode_fds = 0;     // -y: 1, -yy: 2

  // Where lines go.
  std::optional<std::string> output_file;  // -o FILE

  // Capture machinery.
  uint64_t buffer_bytes_per_cpu = 8u << 20;  // -b/--buffer-size

  // Actions that end parsing early.
  bool show_help = false;     // -h
  bool show_version = false;  // -V
};

// The outcome of parsing: options, or one error line (without the "estrace: " prefix).
struct ParseResult {
  std::optional<Options> options;
  std::string error;
};

ParseResult parse(int argc, char* const argv[]);
std::string usage();
std::string version();

}  // namespace estrace::cli
