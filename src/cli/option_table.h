// cli: the command line's options as data, one row each: its spellings, whether it takes a
// value, and what it does to the options being parsed. parse() reads the rows with getopt_long.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "estrace/cli/options.h"

namespace estrace::cli::detail {

// What parse() keeps while it reads the words: the options so far, and what only the whole
// command line decides (counted flags, -c against -C, ...).
struct Parsing {
  Options options;
  std::vector<std::string> warnings;
  std::string error;  // why a handler refused its value
  int f_count = 0;
  int t_count = 0;
  int x_count = 0;
  int y_count = 0;
  bool separately = false;     // --output-separately
  bool summary_only = false;   // -c
  bool summary_trace = false;  // -C
  bool sort_given = false;     // -S
  bool columns_given = false;  // -U
};

// One option as getopt found it.
struct Given {
  std::string_view name;   // the row's long name ("" for a short-only option)
  std::string_view value;  // "" when no value came
  bool has_value = false;  // a value came (optional values may be absent)
};

// Applies the option to `p`; false (with p.error set) refuses its value.
using OptionHandler = bool (*)(Parsing& p, const Given& given);

struct OptionRow {
  char letter;           // the short option, or 0 for a long-only one
  const char* name;      // the long option, or nullptr for a short-only one
  int has_arg;           // getopt's no_argument, required_argument or optional_argument
  OptionHandler handle;  // what it does
  // Its value names syscalls, signals, fds or pids: strace reports a wrong one without its
  // pointer to -h.
  bool names_a_set = false;
};

// Every option estrace has, long ones in the order getopt_long and its messages see them.
std::span<const OptionRow> option_rows();

}  // namespace estrace::cli::detail
