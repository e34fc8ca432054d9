// app/run_config: what a run captures and how its lines look, from the options alone.
#include "estrace/app/run_config.h"

#include <csignal>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "estrace/abi/capture_spec.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::app {
namespace {

// The options of "estrace ARGS...", which must parse.
cli::Options options_of(const std::vector<std::string>& args) {
  std::vector<std::string> words{"estrace"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  auto parsed = cli::parse(static_cast<int>(argv.size()), argv.data());
  EXPECT_TRUE(parsed.options) << parsed.error;
  return parsed.options.value_or(cli::Options{});
}

uint32_t nr_of(const char* name) { return syscalls::number_of(name).value(); }

uint32_t flags_of(const probe::Config& config, const char* name) {
  return config.specs.at(nr_of(name)).flags;
}

// The largest capture a call's row asks for.
unsigned largest_slot(const probe::Config& config, const char* name) {
  unsigned size = 0;
  for (const auto& slot : config.specs.at(nr_of(name)).slots)
    if (slot.kind != ES_CAP_NONE && slot.size > size) size = slot.size;
  return size;
}

TEST(RunConfig, EveryRowHasASpecAndTheTraceSetIsTraced) {
  probe::Config all = probe_config(options_of({"true"}));
  ASSERT_EQ(all.specs.size(), size_t{ES_SPEC_ROWS});
  EXPECT_TRUE(flags_of(all, "getpid") & ES_SPEC_TRACED);
  probe::Config some = probe_config(options_of({"-e", "trace=read", "true"}));
  EXPECT_TRUE(flags_of(some, "read") & ES_SPEC_TRACED);
  EXPECT_FALSE(flags_of(some, "getpid") & ES_SPEC_TRACED);
}

// -y and -P keep a descriptor table: the calls that change it are sent even when not shown
// (hidden), so `-y -e trace=read` can name read's fd.
TEST(RunConfig, CallsThatChangeTheFdTableAreSentHiddenForYAndP) {
  probe::Config plain = probe_config(options_of({"-e", "trace=read", "true"}));
  for (const auto& spec : plain.specs) EXPECT_FALSE(spec.flags & ES_SPEC_FD_TRACK);

  probe::Config y = probe_config(options_of({"-y", "-e", "trace=read", "true"}));
  for (const char* name : {"openat", "close", "dup2", "chdir", "execve"}) {
    EXPECT_TRUE(flags_of(y, name) & ES_SPEC_FD_TRACK) << name;
    EXPECT_FALSE(flags_of(y, name) & ES_SPEC_TRACED) << name;
  }
  EXPECT_TRUE(flags_of(y, "read") & ES_SPEC_TRACED);
  EXPECT_FALSE(flags_of(y, "getpid") & ES_SPEC_FD_TRACK);

  probe::Config p = probe_config(options_of({"-P", "/etc/hostname", "true"}));
  EXPECT_TRUE(flags_of(p, "openat") & ES_SPEC_FD_TRACK);
  // Only calls that can touch a path are traced under -P.
  EXPECT_TRUE(flags_of(p, "openat") & ES_SPEC_TRACED);
  EXPECT_TRUE(flags_of(p, "read") & ES_SPEC_TRACED);
  EXPECT_FALSE(flags_of(p, "getpid") & ES_SPEC_TRACED);
}

// -e read=/write= dump all the data: buffers are captured whole, not to -s.
TEST(RunConfig, DumpsCaptureWholeBuffers) {
  probe::Config plain = probe_config(options_of({"true"}));
  EXPECT_LT(largest_slot(plain, "read"), unsigned{ES_MAX_CAPTURE_BYTES});
  EXPECT_EQ(plain.string_limit, 32u);
  probe::Config dumps = probe_config(options_of({"-e", "read=3", "true"}));
  EXPECT_EQ(largest_slot(dumps, "read"), unsigned{ES_MAX_CAPTURE_BYTES});
  EXPECT_EQ(largest_slot(dumps, "write"), unsigned{ES_MAX_CAPTURE_BYTES});
  EXPECT_EQ(dumps.string_limit, 4096u);
  EXPECT_LT(largest_slot(dumps, "getcwd"), unsigned{ES_MAX_CAPTURE_BYTES});  // moves no data
}

TEST(RunConfig, Switches) {
  probe::Config plain = probe_config(options_of({"true"}));
  EXPECT_FALSE(plain.follow_forks);
  EXPECT_FALSE(plain.aggregate);
  EXPECT_TRUE(plain.emit_calls);
  EXPECT_FALSE(plain.stamp_enter);
  EXPECT_FALSE(plain.describe_sockets);
  EXPECT_FALSE(plain.match_identity);
  EXPECT_EQ(plain.status_mask, 0xffu);
  EXPECT_TRUE(probe_config(options_of({"-f", "true"})).follow_forks);
  probe::Config c = probe_config(options_of({"-c", "true"}));
  EXPECT_TRUE(c.aggregate);
  EXPECT_FALSE(c.emit_calls);  // summary only: no record per call
  probe::Config big_c = probe_config(options_of({"-C", "true"}));
  EXPECT_TRUE(big_c.aggregate);
  EXPECT_TRUE(big_c.emit_calls);
  for (const char* stamp : {"-t", "-T", "-Y"})
    EXPECT_TRUE(probe_config(options_of({stamp, "true"})).stamp_enter) << stamp;
  EXPECT_TRUE(probe_config(options_of({"-yy", "true"})).describe_sockets);
  EXPECT_EQ(probe_config(options_of({"-Z", "true"})).status_mask, uint32_t{cli::kStatusFailed});
  EXPECT_EQ(probe_config(options_of({"-b", "1M", "true"})).ring_bytes_per_cpu, 1u << 20);
  probe::Config who = probe_config(options_of({"--all", "--comm", "nginx", "--uid", "33"}));
  EXPECT_TRUE(who.match_identity);
  EXPECT_EQ(who.comms, std::vector<std::string>{"nginx"});
  EXPECT_EQ(who.uid, 33u);
  EXPECT_TRUE(who.cgroups.empty());  // resolved with the targets, not here
}

// strace's pid prefixes: "[pid N] " on a terminal while several tasks live (the writer's own
// rule), "%-5d " on every line of one -o file when following forks or tracing several tasks
// from the start, never in -ff files.
TEST(RunConfig, PidPrefixRules) {
  auto lines = [](const std::vector<std::string>& args, size_t tasks) {
    cli::Options options = options_of(args);
    Names names(options);
    return line_options(options, tasks, names);
  };
  auto stderr_one = lines({"true"}, 1);
  EXPECT_TRUE(stderr_one.to_terminal_stream);
  EXPECT_FALSE(stderr_one.pid_prefix_always);
  EXPECT_FALSE(stderr_one.terminal_prefix_always);
  EXPECT_FALSE(lines({"-f", "true"}, 1).pid_prefix_always);  // stderr: the writer decides
  EXPECT_FALSE(lines({"-o", "f", "true"}, 1).pid_prefix_always);
  EXPECT_FALSE(lines({"-o", "f", "true"}, 1).to_terminal_stream);
  EXPECT_TRUE(lines({"-o", "f", "-f", "true"}, 1).pid_prefix_always);
  EXPECT_TRUE(lines({"-o", "f", "-p", "1"}, 2).pid_prefix_always);  // two threads attached
  EXPECT_FALSE(lines({"-o", "f", "-ff", "true"}, 1).pid_prefix_always);
  EXPECT_FALSE(lines({"-o", "f", "-ff", "true"}, 3).pid_prefix_always);
  // --pidns and tasks chosen by identity: every line says whose it is.
  for (const char* who : {"--pidns", "--all"}) {
    cli::Options options = options_of({who, "true"});
    Names names(options);
    EXPECT_TRUE(line_options(options, 1, names).terminal_prefix_always) << who;
    options.output_file = "f";
    EXPECT_TRUE(line_options(options, 1, names).pid_prefix_always) << who;
    options.follow = 2;
    EXPECT_FALSE(line_options(options, 1, names).pid_prefix_always) << who;
  }
}

TEST(RunConfig, LinesAndStyle) {
  cli::Options options = options_of({"-y", "-Y", "--pidns", "-Z", "-n", "-e", "signal=SIGUSR1",
                                     "-e", "write=1", "-s", "64", "-v", "-X", "raw", "true"});
  Names names(options);
  output::LineOptions lines = line_options(options, 1, names);
  EXPECT_TRUE(lines.whole_lines);  // an outcome filter: calls print when they end
  EXPECT_TRUE(lines.syscall_numbers);
  EXPECT_EQ(lines.pidns, &names.pidns);
  EXPECT_EQ(lines.comms, &names.comms);
  ASSERT_TRUE(lines.show_signal);
  EXPECT_TRUE(lines.show_signal(SIGUSR1));
  EXPECT_FALSE(lines.show_signal(SIGUSR2));
  EXPECT_FALSE(lines.dump_read);
  ASSERT_TRUE(lines.dump_write);
  EXPECT_TRUE(lines.dump_write(1));
  EXPECT_FALSE(lines.dump_write(2));
  format::Style style = call_style(options, names);
  EXPECT_EQ(style.string_limit, 64u);
  EXPECT_TRUE(style.verbose);
  EXPECT_EQ(style.xlat, format::XlatMode::Raw);
  EXPECT_EQ(style.decode_fds, 1);
  EXPECT_EQ(style.fds, &names.fds);
  EXPECT_EQ(style.pids, &names.comms);

  cli::Options plain = options_of({"true"});
  Names none(plain);
  output::LineOptions plain_lines = line_options(plain, 1, none);
  EXPECT_FALSE(plain_lines.whole_lines);
  EXPECT_FALSE(plain_lines.show_signal);  // every signal shows
  EXPECT_EQ(plain_lines.pidns, nullptr);
  EXPECT_EQ(plain_lines.comms, nullptr);
  EXPECT_EQ(call_style(plain, none).fds, nullptr);
  EXPECT_EQ(call_style(plain, none).pids, nullptr);
  EXPECT_TRUE(line_options(options_of({"-P", "/x", "true"}), 1, none).whole_lines);
}

TEST(RunConfig, FdTableKeptForYAndP) {
  EXPECT_FALSE(tracks_fds(options_of({"true"})));
  EXPECT_TRUE(tracks_fds(options_of({"-y", "true"})));
  EXPECT_TRUE(tracks_fds(options_of({"-P", "/x", "true"})));
}

}  // namespace
}  // namespace estrace::app
