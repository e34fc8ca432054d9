// cli: every option, spelled the ways strace users type them, and the errors for bad input.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "estrace/cli/options.h"

namespace estrace::cli {
namespace {

// Runs parse() on "estrace ARGS..." with writable copies, as main() would get them.
ParseResult run(std::initializer_list<std::string> args) {
  std::vector<std::string> words{"estrace"};
  words.insert(words.end(), args);
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  return parse(static_cast<int>(words.size()), argv.data());
}

// The same for a command line held in a vector.
ParseResult parse_words(std::vector<std::string> words) {
  words.insert(words.begin(), "estrace");
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  return parse(static_cast<int>(argv.size()), argv.data());
}

// Options from a command line that must parse.
Options ok(std::initializer_list<std::string> args) {
  ParseResult r = run(args);
  EXPECT_TRUE(r.options.has_value()) << "error: " << r.error;
  EXPECT_TRUE(r.error.empty());
  return r.options.value_or(Options{});
}

// The error from a command line that must not parse.
std::string error(std::initializer_list<std::string> args) {
  ParseResult r = run(args);
  EXPECT_FALSE(r.options.has_value());
  return r.error;
}

bool contains(const std::vector<uint32_t>& v, uint32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

using Words = std::vector<std::string>;

TEST(CliParse, CommandAloneGetsDefaults) {
  Options o = ok({"ls", "-l"});
  EXPECT_EQ(o.command, (Words{"ls", "-l"}));
  EXPECT_TRUE(o.pids.empty());
  EXPECT_EQ(o.follow, 0);
  EXPECT_TRUE(o.trace_all);
  EXPECT_TRUE(o.trace_syscalls.empty());
  EXPECT_EQ(o.string_limit, 32u);
  EXPECT_EQ(o.time, TimeMode::None);
  EXPECT_FALSE(o.show_duration);
  EXPECT_FALSE(o.quiet);
  EXPECT_EQ(o.hex, HexMode::None);
  EXPECT_FALSE(o.verbose);
  EXPECT_EQ(o.decode_fds, 0);
  EXPECT_FALSE(o.output_file);
  EXPECT_EQ(o.buffer_bytes_per_cpu, 8u << 20);
  EXPECT_FALSE(o.show_help);
  EXPECT_FALSE(o.show_version);
  EXPECT_EQ(o.summary.mode, summary::Mode::Off);
  EXPECT_FALSE(o.summary.enabled());
  EXPECT_FALSE(o.summary.table);
  EXPECT_EQ(o.summary.sort, summary::SortKey::Time);
  EXPECT_EQ(o.summary.columns, summary::default_columns());
  EXPECT_FALSE(o.summary.latency);
  EXPECT_FALSE(o.summary.histogram);
  EXPECT_FALSE(o.summary.errno_summary);
  EXPECT_FALSE(o.summary.json);
  EXPECT_FALSE(o.summary.interval);
}

TEST(CliParse, StopsAtTheCommandSoItsOptionsStayItsOwn) {
  Options o = ok({"-f", "grep", "-f", "patterns", "-s", "--", "x"});
  EXPECT_EQ(o.follow, 1);
  EXPECT_EQ(o.command, (Words{"grep", "-f", "patterns", "-s", "--", "x"}));
  EXPECT_EQ(o.string_limit, 32u);
}

TEST(CliParse, DoubleDashEndsOptions) {
  EXPECT_EQ(ok({"-f", "--", "-weird-name", "-f"}).command, (Words{"-weird-name", "-f"}));
  EXPECT_EQ(ok({"--", "ls"}).command, (Words{"ls"}));
}

TEST(CliParse, BundledFlags) {
  Options o = ok({"-fttTqvxy", "true"});
  EXPECT_EQ(o.follow, 1);
  EXPECT_EQ(o.time, TimeMode::Micros);
  EXPECT_TRUE(o.show_duration);
  EXPECT_TRUE(o.quiet);
  EXPECT_TRUE(o.verbose);
  EXPECT_EQ(o.hex, HexMode::NonAscii);
  EXPECT_EQ(o.decode_fds, 1);
}

TEST(CliParse, BundleEndingInAnOptionWithAValue) {
  Options o = ok({"-fs", "64", "-fo", "out.txt", "true"});
  EXPECT_EQ(o.string_limit, 64u);
  EXPECT_EQ(o.follow, 2);
  EXPECT_EQ(o.output_file, "out.txt");
  EXPECT_EQ(ok({"-Ts80", "true"}).string_limit, 80u);
}

TEST(CliParse, AttachedAndSeparateValues) {
  EXPECT_EQ(ok({"-s128", "true"}).string_limit, 128u);
  EXPECT_EQ(ok({"-s", "128", "true"}).string_limit, 128u);
  EXPECT_EQ(ok({"-ofile", "true"}).output_file, "file");
  EXPECT_EQ(ok({"-o", "file", "true"}).output_file, "file");
  EXPECT_EQ(ok({"-p7"}).pids, (std::vector<int>{7}));
  EXPECT_EQ(ok({"-b16M", "true"}).buffer_bytes_per_cpu, 16u << 20);
}

TEST(CliParse, LongSpellings) {
  Options o = ok({"--follow-forks", "--output=log", "--string-limit=99", "--attach=5",
                  "--absolute-timestamps", "--syscall-times", "--quiet", "--decode-fds",
                  "--no-abbrev", "--buffer-size=1M", "--strings-in-hex"});
  EXPECT_EQ(o.follow, 1);
  EXPECT_EQ(o.output_file, "log");
  EXPECT_EQ(o.string_limit, 99u);
  EXPECT_EQ(o.pids, (std::vector<int>{5}));
  EXPECT_EQ(o.time, TimeMode::Seconds);
  EXPECT_TRUE(o.show_duration);
  EXPECT_TRUE(o.quiet);
  EXPECT_EQ(o.decode_fds, 1);
  EXPECT_TRUE(o.verbose);
  EXPECT_EQ(o.buffer_bytes_per_cpu, 1u << 20);
  EXPECT_EQ(o.hex, HexMode::All);
  // Separate values and unambiguous abbreviations, as getopt_long allows.
  EXPECT_EQ(ok({"--output", "log", "true"}).output_file, "log");
  EXPECT_EQ(ok({"--string-l", "7", "true"}).string_limit, 7u);
}

// strace 6.1: "[ Process PID=N runs in 32 bit mode. ]" unless it runs a command with -o (an
// implied -q), or -q / -e quiet=personality; -e quiet=none brings it back.
TEST(CliParse, PersonalityNotices) {
  EXPECT_TRUE(ok({"true"}).personality_notices.value());
  EXPECT_FALSE(ok({"-o", "f", "true"}).personality_notices.value());
  EXPECT_TRUE(ok({"-o", "f", "-p", "1"}).personality_notices.value());
  EXPECT_TRUE(ok({"-o", "f", "-e", "quiet=none", "true"}).personality_notices.value());
  EXPECT_FALSE(ok({"-q", "true"}).personality_notices.value());
  EXPECT_FALSE(ok({"-e", "quiet=personality", "true"}).personality_notices.value());
  EXPECT_FALSE(ok({"-e", "quiet=personality", "true"}).quiet);
  Options attach = ok({"-e", "quiet=attach", "true"});
  EXPECT_TRUE(attach.quiet);
  EXPECT_TRUE(attach.personality_notices.value());
}

TEST(CliParse, LongValuesOfTheOptionalKind) {
  EXPECT_EQ(ok({"--absolute-timestamps=time,us", "true"}).time, TimeMode::Micros);
  EXPECT_EQ(ok({"--absolute-timestamps=us", "true"}).time, TimeMode::Micros);
  EXPECT_EQ(ok({"--absolute-timestamps=format:unix,precision:us", "true"}).time, TimeMode::Epoch);
  EXPECT_EQ(ok({"-t", "--absolute-timestamps=none", "true"}).time, TimeMode::None);
  EXPECT_EQ(ok({"--decode-fds=all", "true"}).decode_fds, 2);
  EXPECT_EQ(ok({"--decode-fds=path", "true"}).decode_fds, 1);
  EXPECT_EQ(ok({"--strings-in-hex=non-ascii", "true"}).hex, HexMode::NonAscii);
  EXPECT_TRUE(ok({"--syscall-times=us", "true"}).show_duration);
  EXPECT_TRUE(ok({"--quiet=attach,personality", "true"}).quiet);
}

TEST(CliParse, UnsupportedLongValues) {
  EXPECT_EQ(error({"--absolute-timestamps=ms", "true"}),
            "--absolute-timestamps=ms is not supported yet (estrace knows time, time,us, "
            "unix,us and none)");
  EXPECT_EQ(error({"--absolute-timestamps=unix", "true"}),
            "--absolute-timestamps=unix is not supported yet (estrace knows time, time,us, "
            "unix,us and none)");
  EXPECT_EQ(error({"--syscall-times=ns", "true"}),
            "--syscall-times=ns is not supported yet (estrace knows us)");
  EXPECT_EQ(error({"--decode-fds=socket", "true"}),
            "-e decode-fds=socket is not supported yet (estrace knows path, all, none)");
  EXPECT_EQ(error({"--strings-in-hex=x", "true"}),
            "--strings-in-hex=x is not supported yet (estrace knows non-ascii, all)");
  EXPECT_EQ(error({"--quiet=exit", "true"}),
            "-e quiet=exit is not supported yet (estrace knows attach, personality, none)");
}

TEST(CliParse, CountedOptionsRaiseTheMode) {
  EXPECT_EQ(ok({"-t", "true"}).time, TimeMode::Seconds);
  EXPECT_EQ(ok({"-tt", "true"}).time, TimeMode::Micros);
  EXPECT_EQ(ok({"-t", "-t", "true"}).time, TimeMode::Micros);
  EXPECT_EQ(ok({"-ttt", "true"}).time, TimeMode::Epoch);
  EXPECT_EQ(ok({"-tttt", "true"}).time, TimeMode::Epoch);
  EXPECT_EQ(ok({"-xx", "true"}).hex, HexMode::All);
  EXPECT_EQ(ok({"-xxx", "true"}).hex, HexMode::All);
  EXPECT_EQ(ok({"-yy", "true"}).decode_fds, 2);
  EXPECT_EQ(ok({"-yyy", "true"}).decode_fds, 2);
  EXPECT_TRUE(ok({"-qq", "true"}).quiet);
}

TEST(CliParse, FollowForks) {
  EXPECT_EQ(ok({"-f", "true"}).follow, 1);
  EXPECT_EQ(ok({"-ff", "-o", "t", "true"}).follow, 2);
  EXPECT_EQ(ok({"-f", "-f", "-o", "t", "true"}).follow, 2);
  EXPECT_EQ(ok({"-fff", "-o", "t", "true"}).follow, 2);
  EXPECT_EQ(ok({"--follow-forks", "--output-separately", "-o", "t", "true"}).follow, 2);
}

TEST(CliParse, PerProcessFilesNeedAnOutputFile) {
  ParseResult r = run({"-ff", "true"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->follow, 1);
  EXPECT_EQ(r.warnings, (Words{"-ff has no effect without -o, following forks as -f does"}));
  EXPECT_TRUE(run({"-ff", "-o", "t", "true"}).warnings.empty());
  EXPECT_EQ(error({"--output-separately", "-o", "t", "true"}),
            "--output-separately without -f is not supported yet");
}

TEST(CliParse, PidsRepeatedAndListed) {
  EXPECT_EQ(ok({"-p", "1"}).pids, (std::vector<int>{1}));
  EXPECT_EQ(ok({"-p", "1", "-p", "2"}).pids, (std::vector<int>{1, 2}));
  EXPECT_EQ(ok({"-p", "1,2,3"}).pids, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(ok({"-p", "1 2\t3"}).pids, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(ok({"-p", "1,"}).pids, (std::vector<int>{1}));
  EXPECT_EQ(ok({"-p", "4,4", "-p", "4"}).pids, (std::vector<int>{4}));
  EXPECT_EQ(ok({"-p", "2147483647"}).pids, (std::vector<int>{2147483647}));
  // strace traces both: the command it starts and the processes it attaches to.
  Options both = ok({"-p", "9", "sleep", "1"});
  EXPECT_EQ(both.pids, (std::vector<int>{9}));
  EXPECT_EQ(both.command, (Words{"sleep", "1"}));
}

TEST(CliParse, BadPids) {
  EXPECT_EQ(error({"-p", "x"}), "Invalid process id: 'x'");
  EXPECT_EQ(error({"-p", "0"}), "Invalid process id: '0'");
  EXPECT_EQ(error({"-p", "-5"}), "Invalid process id: '-5'");
  EXPECT_EQ(error({"-p", "1,x"}), "Invalid process id: 'x'");
  EXPECT_EQ(error({"-p", "1,,2"}), "Invalid process id: ''");
  EXPECT_EQ(error({"-p", ",1"}), "Invalid process id: ''");
  EXPECT_EQ(error({"-p", "2147483648"}), "Invalid process id: '2147483648'");
  EXPECT_EQ(error({"-p", "99999999999999999999999"}),
            "Invalid process id: '99999999999999999999999'");
  EXPECT_EQ(error({"-p", "12abc"}), "Invalid process id: '12abc'");
  EXPECT_EQ(error({"-p", std::to_string(getpid())}), "I'm sorry, I can't let you do that, Dave.");
  // An empty list attaches to nothing, so the usual complaint follows.
  EXPECT_EQ(error({"-p", ""}),
            "must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all");
}

TEST(CliParse, StringLimit) {
  EXPECT_EQ(ok({"-s", "0", "true"}).string_limit, 0u);
  EXPECT_EQ(ok({"-s", "1073741823", "true"}).string_limit, 1073741823u);
  EXPECT_EQ(error({"-s", "abc", "true"}), "invalid -s argument: 'abc'");
  EXPECT_EQ(error({"-s", "-1", "true"}), "invalid -s argument: '-1'");
  EXPECT_EQ(error({"-s", "", "true"}), "invalid -s argument: ''");
  EXPECT_EQ(error({"-s", "12k", "true"}), "invalid -s argument: '12k'");
  EXPECT_EQ(error({"-s", "1073741824", "true"}), "invalid -s argument: '1073741824'");
  EXPECT_EQ(error({"-s", "99999999999999999999", "true"}),
            "invalid -s argument: '99999999999999999999'");
  EXPECT_EQ(error({"--string-limit=x", "true"}), "invalid -s argument: 'x'");
}

TEST(CliParse, BufferSize) {
  EXPECT_EQ(ok({"-b", "4096", "true"}).buffer_bytes_per_cpu, 4096u);
  EXPECT_EQ(ok({"-b", "4K", "true"}).buffer_bytes_per_cpu, 4096u);
  EXPECT_EQ(ok({"-b", "64k", "true"}).buffer_bytes_per_cpu, 64u << 10);
  EXPECT_EQ(ok({"-b", "32m", "true"}).buffer_bytes_per_cpu, 32u << 20);
  EXPECT_EQ(ok({"-b", "1G", "true"}).buffer_bytes_per_cpu, 1u << 30);
  EXPECT_EQ(ok({"--buffer-size", "2M", "true"}).buffer_bytes_per_cpu, 2u << 20);
}

TEST(CliParse, FailOnLoss) {
  EXPECT_FALSE(ok({"true"}).fail_on_loss);
  EXPECT_TRUE(ok({"--fail-on-loss", "true"}).fail_on_loss);
  EXPECT_EQ(error({"--fail-on-loss=yes", "true"}).rfind("option '--fail-on-loss'", 0), 0u);
}

TEST(CliParse, BadBufferSizes) {
  const std::string range = "(the ring buffer size must be a power of two from 4K to 1G, e.g. 8M)";
  EXPECT_EQ(error({"-b", "5000", "true"}), "invalid -b argument: '5000' " + range);
  EXPECT_EQ(error({"-b", "2048", "true"}), "invalid -b argument: '2048' " + range);
  EXPECT_EQ(error({"-b", "0", "true"}), "invalid -b argument: '0' " + range);
  EXPECT_EQ(error({"-b", "3M", "true"}), "invalid -b argument: '3M' " + range);
  EXPECT_EQ(error({"-b", "2G", "true"}), "invalid -b argument: '2G' " + range);
  const std::string unit = "(a size in bytes, K, M or G)";
  EXPECT_EQ(error({"-b", "abc", "true"}), "invalid -b argument: 'abc' " + unit);
  EXPECT_EQ(error({"-b", "-4096", "true"}), "invalid -b argument: '-4096' " + unit);
  EXPECT_EQ(error({"-b", "4KB", "true"}), "invalid -b argument: '4KB' " + unit);
  EXPECT_EQ(error({"-b", "M", "true"}), "invalid -b argument: 'M' " + unit);
  EXPECT_EQ(error({"-b", "", "true"}), "invalid -b argument: '' " + unit);
  EXPECT_EQ(error({"-b", "99999999999999999999G", "true"}),
            "invalid -b argument: '99999999999999999999G' " + unit);
  EXPECT_EQ(error({"-b", "17179869184G", "true"}), "invalid -b argument: '17179869184G' " + unit);
  EXPECT_EQ(error({"-b", "execve", "true"}),
            "-b execve (detach on execve) is not supported: estrace's -b is the ring buffer size");
}

TEST(CliParse, OutputFile) {
  EXPECT_EQ(ok({"-o", "a", "-o", "b", "true"}).output_file, "b");
  EXPECT_EQ(error({"-o", "", "true"}), "invalid -o argument: ''");
  EXPECT_EQ(error({"-o", "|grep x", "true"}),
            "-o |COMMAND (piping the trace into a command) is not supported yet");
  EXPECT_EQ(error({"-o", "!cat", "true"}),
            "-o |COMMAND (piping the trace into a command) is not supported yet");
}

TEST(CliParse, TraceSets) {
  // Resolution is the catalogue's job; here only that -e reaches it in its several spellings.
  for (const char* spelling : {"trace=openat", "t=openat", "openat"}) {
    Options o = ok({"-e", spelling, "true"});
    EXPECT_FALSE(o.trace_all) << spelling;
    EXPECT_TRUE(contains(o.trace_syscalls, 257)) << spelling;
  }
  Options o = ok({"--trace=openat,close", "true"});
  EXPECT_FALSE(o.trace_all);
  EXPECT_TRUE(contains(o.trace_syscalls, 257));
  EXPECT_TRUE(contains(o.trace_syscalls, 3));
  EXPECT_TRUE(contains(ok({"-etrace=close", "true"}).trace_syscalls, 3));
}

TEST(CliParse, LaterTraceSetReplacesEarlier) {
  Options o = ok({"-e", "trace=openat", "-e", "trace=close", "true"});
  EXPECT_TRUE(contains(o.trace_syscalls, 3));
  EXPECT_FALSE(contains(o.trace_syscalls, 257));
  Options all = ok({"-e", "trace=openat", "-e", "trace=all", "true"});
  EXPECT_TRUE(all.trace_all);
  EXPECT_TRUE(all.trace_syscalls.empty());
}

TEST(CliParse, BadTraceSets) {
  // The catalogue words its own errors; a name it does not know must be one.
  std::string e = error({"-e", "trace=nosuchcall", "true"});
  EXPECT_NE(e.find("nosuchcall"), std::string::npos) << e;
  EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  // Not a qualifier, so strace reads it as a syscall name, and so does estrace.
  EXPECT_NE(error({"-e", "foo=bar", "true"}).find("foo=bar"), std::string::npos);
}

TEST(CliParse, TriviallyMappedQualifiers) {
  EXPECT_TRUE(ok({"-e", "trace=all", "true"}).trace_all);
  EXPECT_TRUE(ok({"-e", "all", "true"}).trace_all);
  EXPECT_TRUE(ok({"-e", "abbrev=none", "true"}).verbose);
  EXPECT_FALSE(ok({"-v", "-e", "a=all", "true"}).verbose);
  EXPECT_TRUE(ok({"-e", "quiet=attach", "true"}).quiet);
  EXPECT_FALSE(ok({"-q", "-e", "quiet=none", "true"}).quiet);
  EXPECT_EQ(ok({"-e", "decode-fds=all", "true"}).decode_fds, 2);
  EXPECT_EQ(ok({"-e", "decode-fd=path", "true"}).decode_fds, 1);
  EXPECT_EQ(ok({"-y", "-e", "decode-fds=none", "true"}).decode_fds, 0);
  ok({"-e", "verbose=all", "-e", "raw=none", "true"});
}

TEST(CliParse, UnsupportedQualifiersAreRefusedByName) {
  const std::string known =
      " is not supported yet (estrace knows trace=, status=, signal=, read=, write=, abbrev=, "
      "quiet=, decode-fds=, decode-pids=)";
  EXPECT_EQ(error({"-e", "kvm=vcpu", "true"}), "-e kvm=vcpu" + known);
  EXPECT_EQ(error({"-e", "inject=openat:error=ENOENT", "true"}),
            "-e inject=openat:error=ENOENT" + known);
  EXPECT_EQ(error({"-e", "fault=openat", "true"}), "-e fault=openat" + known);
  EXPECT_EQ(error({"-e", "abbrev=execve", "true"}),
            "-e abbrev=execve is not supported yet (estrace knows all, none)");
  EXPECT_EQ(error({"-e", "verbose=none", "true"}),
            "-e verbose=none is not supported yet (estrace knows all)");
  EXPECT_EQ(error({"-e", "raw=all", "true"}),
            "-e raw=all is not supported yet (estrace knows none)");
}

TEST(CliParse, MissingCommand) {
  EXPECT_EQ(error({}), "must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all");
  EXPECT_EQ(error({"-f", "-s", "64"}),
            "must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all");
  EXPECT_EQ(error({"--"}), "must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all");
  EXPECT_EQ(error({"-o", "out"}),
            "must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all");
}

TEST(CliParse, UnknownOptions) {
  EXPECT_EQ(error({"--foo", "true"}), "unrecognized option '--foo'");
  EXPECT_EQ(error({"--foo=bar", "true"}), "unrecognized option '--foo=bar'");
  EXPECT_EQ(error({"-j", "true"}), "invalid option -- 'j'");
  EXPECT_EQ(error({"-fj", "true"}), "invalid option -- 'j'");
  EXPECT_EQ(error({"-jf", "true"}), "invalid option -- 'j'");
  // After a long option, the short one is still told apart from it.
  EXPECT_EQ(error({"--quiet", "-jf", "true"}), "invalid option -- 'j'");
  // strace's options that estrace lacks are named as such.
  EXPECT_EQ(error({"-k", "true"}), "option -k is not supported yet");
  EXPECT_EQ(error({"-fk", "true"}), "option -k is not supported yet");
  EXPECT_EQ(error({"--summary-foo", "true"}), "unrecognized option '--summary-foo'");
}

TEST(CliParse, LongOptionMistakes) {
  EXPECT_EQ(error({"--out=x", "true"}),
            "option '--out=x' is ambiguous; possibilities: '--output-separately' '--output'");
  EXPECT_EQ(error({"--help=me"}), "option '--help' doesn't allow an argument");
  EXPECT_EQ(error({"--follow=1", "true"}), "option '--follow-forks' doesn't allow an argument");
  EXPECT_EQ(error({"--output"}), "option '--output' requires an argument");
  EXPECT_EQ(error({"--attach"}), "option '--attach' requires an argument");
  EXPECT_EQ(error({"--trace"}), "option '--trace' requires an argument");
}

TEST(CliParse, MissingValues) {
  EXPECT_EQ(error({"-p"}), "option requires an argument -- 'p'");
  EXPECT_EQ(error({"-o"}), "option requires an argument -- 'o'");
  EXPECT_EQ(error({"-ff", "-o"}), "option requires an argument -- 'o'");
  EXPECT_EQ(error({"-fs"}), "option requires an argument -- 's'");
  EXPECT_EQ(error({"-e"}), "option requires an argument -- 'e'");
  EXPECT_EQ(error({"-b"}), "option requires an argument -- 'b'");
  // A value is taken whatever it looks like, as getopt does.
  EXPECT_EQ(ok({"-o", "-f", "true"}).output_file, "-f");
}

TEST(CliParse, HelpWinsAtOnce) {
  ParseResult r = run({"-h"});
  ASSERT_TRUE(r.options);
  EXPECT_TRUE(r.options->show_help);
  EXPECT_TRUE(ok({"-f", "--help", "-s", "bad"}).show_help);
  EXPECT_TRUE(ok({"-fh"}).show_help);
  // ... but an error before it still counts, as in strace.
  EXPECT_EQ(error({"-s", "bad", "-h"}), "invalid -s argument: 'bad'");
}

TEST(CliParse, VersionNeedsNoCommandButOptionsStillCount) {
  EXPECT_TRUE(ok({"-V"}).show_version);
  EXPECT_TRUE(ok({"--version"}).show_version);
  EXPECT_EQ(error({"-V", "-s", "abc"}), "invalid -s argument: 'abc'");
}

TEST(CliParse, CallableManyTimes) {
  // A failure mid-bundle leaves getopt's state pointing into it; the next parse starts clean.
  EXPECT_EQ(error({"-fjt", "true"}), "invalid option -- 'j'");
  EXPECT_EQ(ok({"-tt", "ls"}).command, (Words{"ls"}));
  EXPECT_EQ(ok({"-tt", "ls"}).time, TimeMode::Micros);
  EXPECT_EQ(error({"-s"}), "option requires an argument -- 's'");
  EXPECT_EQ(ok({"ls"}).command, (Words{"ls"}));
}

using summary::Column;
using summary::Mode;
using summary::SortKey;

TEST(CliSummary, DashCAndDashC) {
  Options c = ok({"-c", "ls"});
  EXPECT_EQ(c.summary.mode, Mode::Only);
  EXPECT_TRUE(c.summary.table);
  EXPECT_EQ(ok({"--summary-only", "ls"}).summary.mode, Mode::Only);
  Options big_c = ok({"-C", "ls"});
  EXPECT_EQ(big_c.summary.mode, Mode::WithTrace);
  EXPECT_TRUE(big_c.summary.table);
  EXPECT_EQ(ok({"--summary", "ls"}).summary.mode, Mode::WithTrace);
  // Bundled with the rest, as strace users type them.
  Options bundle = ok({"-fcw", "ls"});
  EXPECT_EQ(bundle.follow, 1);
  EXPECT_TRUE(bundle.summary.wall_clock);
  EXPECT_TRUE(ok({"-c", "--summary-wall-clock", "ls"}).summary.wall_clock);
  EXPECT_EQ(error({"-c", "-C", "ls"}), "-c/--summary-only and -C/--summary are mutually exclusive");
  EXPECT_EQ(error({"-w", "ls"}),
            "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
}

TEST(CliSummary, SortKeysWithStracesAliases) {
  const std::vector<std::pair<std::string, SortKey>> keys = {
      {"time", SortKey::Time},         {"time-percent", SortKey::Time},
      {"total-time", SortKey::Time},   {"time_total", SortKey::Time},
      {"min-time", SortKey::MinTime},  {"shortest", SortKey::MinTime},
      {"max-time", SortKey::MaxTime},  {"longest", SortKey::MaxTime},
      {"avg-time", SortKey::AvgTime},  {"time_avg", SortKey::AvgTime},
      {"calls", SortKey::Calls},       {"count", SortKey::Calls},
      {"errors", SortKey::Errors},     {"error", SortKey::Errors},
      {"name", SortKey::Name},         {"syscall", SortKey::Name},
      {"syscall-name", SortKey::Name}, {"nothing", SortKey::Nothing},
      {"none", SortKey::Nothing},
  };
  for (const auto& [word, key] : keys) {
    EXPECT_EQ(ok({"-c", "-S", word, "ls"}).summary.sort, key) << word;
  }
  EXPECT_EQ(ok({"-cScalls", "ls"}).summary.sort, SortKey::Calls);
  EXPECT_EQ(ok({"-c", "--summary-sort-by=name", "ls"}).summary.sort, SortKey::Name);
  EXPECT_EQ(error({"-c", "-S", "bogus", "ls"}), "invalid sortby: 'bogus'");
  EXPECT_EQ(error({"-c", "-S", "", "ls"}), "invalid sortby: ''");
  // Like strace: -S without a summary is only a warning.
  ParseResult r = run({"-S", "calls", "ls"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.warnings, (Words{"-S/--summary-sort-by has no effect without "
                               "(-c/--summary-only or -C/--summary)"}));
  // ... but it orders --latency and the other sections too.
  EXPECT_TRUE(run({"-S", "calls", "--latency", "ls"}).warnings.empty());
}

TEST(CliSummary, Columns) {
  EXPECT_EQ(ok({"-c", "-U", "name,calls", "ls"}).summary.columns,
            (std::vector<Column>{Column::Name, Column::Calls}));
  // The name column is added last when missing, as strace does.
  EXPECT_EQ(
      ok({"-c", "--summary-columns=calls,errors,time-percent", "ls"}).summary.columns,
      (std::vector<Column>{Column::Calls, Column::Errors, Column::TimePercent, Column::Name}));
  EXPECT_EQ(
      ok({"-c", "-U", "shortest,longest,avg_time,total-time,count,error", "ls"}).summary.columns,
      (std::vector<Column>{Column::MinTime, Column::MaxTime, Column::AvgTime, Column::TotalTime,
                           Column::Calls, Column::Errors, Column::Name}));
  EXPECT_EQ(error({"-c", "-U", "time,bogus", "ls"}), "unknown column name: 'bogus'");
  EXPECT_EQ(error({"-c", "-U", "none", "ls"}), "unknown column name: 'none'");
  EXPECT_EQ(error({"-c", "-U", "calls,", "ls"}), "unknown column name: ''");
  EXPECT_EQ(error({"-c", "-U", "calls,count", "ls"}),
            "call summary column has been provided more than once: 'count' "
            "(-U option residual: 'count')");
  EXPECT_EQ(error({"-U", "calls", "ls"}),
            "-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)");
}

TEST(CliSummary, LatencyHistogramErrnosJson) {
  Options l = ok({"--latency", "-p", "1"});
  EXPECT_TRUE(l.summary.latency);
  EXPECT_EQ(l.summary.mode, Mode::Only);  // no trace
  EXPECT_FALSE(l.summary.table);          // and no -c table unless asked
  EXPECT_TRUE(ok({"--latency", "-c", "ls"}).summary.table);
  EXPECT_EQ(ok({"--latency", "-C", "ls"}).summary.mode, Mode::WithTrace);

  Options all = ok({"--histogram", "ls"});
  EXPECT_TRUE(all.summary.histogram);
  EXPECT_TRUE(all.summary.histogram_syscalls.empty());
  Options some = ok({"--histogram=read,openat,read", "ls"});
  EXPECT_EQ(some.summary.histogram_syscalls, (std::vector<uint32_t>{0, 257}));
  EXPECT_EQ(error({"--histogram=read,nosuchcall", "ls"}),
            "invalid --histogram system call: 'nosuchcall'");
  EXPECT_EQ(error({"--histogram=", "ls"}), "invalid --histogram system call: ''");
  // An optional value must be attached: the next word is the command.
  EXPECT_EQ(ok({"--histogram", "read"}).command, (Words{"read"}));

  EXPECT_TRUE(ok({"--errno-summary", "ls"}).summary.errno_summary);
  EXPECT_EQ(ok({"--errno-summary", "ls"}).summary.mode, Mode::Only);
  EXPECT_TRUE(ok({"-c", "--json", "ls"}).summary.json);
  EXPECT_EQ(error({"--json", "ls"}),
            "--json must be given with a summary (-c, -C, --latency, --histogram, "
            "--errno-summary)");
}

TEST(CliSummary, Interval) {
  using std::chrono::nanoseconds;
  Options o = ok({"--interval=2", "-p", "1"});
  EXPECT_EQ(o.summary.interval, nanoseconds(2'000'000'000));
  // Alone, it is a top for syscalls: the -c table every SECS.
  EXPECT_TRUE(o.summary.table);
  EXPECT_EQ(o.summary.mode, Mode::Only);
  EXPECT_EQ(ok({"--interval", "0.25", "--latency", "ls"}).summary.interval,
            nanoseconds(250'000'000));
  EXPECT_FALSE(ok({"--interval", "0.25", "--latency", "ls"}).summary.table);
  EXPECT_EQ(ok({"--interval=1.5", "-C", "ls"}).summary.interval, nanoseconds(1'500'000'000));
  for (std::string bad : {"0", "-1", "0.001", "abc", "1s", "", "1e3", "inf", " 1"}) {
    EXPECT_EQ(error({"--interval=" + bad, "ls"}), "invalid --interval argument: '" + bad +
                                                      "' (seconds, fractions allowed, at least "
                                                      "0.01)")
        << bad;
  }
  EXPECT_EQ(error({"--interval"}), "option '--interval' requires an argument");
}

TEST(CliUsage, ListsTheOptionsAndExamples) {
  std::string text = usage();
  const std::vector<std::string> options = {"-p PID",
                                            "-f",
                                            "-ff",
                                            "-o FILE",
                                            "-s N",
                                            "-e trace=SET",
                                            "-t",
                                            "-tt",
                                            "-ttt",
                                            "-T",
                                            "-q",
                                            "-x",
                                            "-xx",
                                            "-v",
                                            "-y",
                                            "-yy",
                                            "-h",
                                            "-V",
                                            "-b SIZE",
                                            "--buffer-size",
                                            "(default 32)",
                                            "(default 8M)",
                                            "-c",
                                            "-C",
                                            "-w",
                                            "-S SORTBY",
                                            "-U COLUMNS",
                                            "--latency",
                                            "--histogram[=SYSCALL,...]",
                                            "--errno-summary",
                                            "--interval=SECS",
                                            "--json"};
  const std::vector<std::string> examples = {"estrace -e trace=openat -- myapp\n",
                                             "estrace -f -o trace.txt -p 1234\n",
                                             "estrace -p 1234\n"};
  std::vector<std::string> needles = options;
  needles.insert(needles.end(), examples.begin(), examples.end());
  for (const std::string& needle : needles) {
    EXPECT_NE(text.find(needle), std::string::npos) << needle;
  }
  EXPECT_EQ(text.back(), '\n');
  // Lines fit an 80-column terminal.
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    EXPECT_LE(end - start, 80u) << text.substr(start, end - start);
    start = end + 1;
  }
}

// True when `text` has `word` as a whole word: "-f" is not found in "-ff", nor "--trace" in
// "--trace-path".
bool has_word(const std::string& text, const std::string& word) {
  auto is_part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || !is_part(text[at - 1])) && (end == text.size() || !is_part(text[end])))
      return true;
  }
  return false;
}

// Every spelling parse() accepts is in -h, so the help cannot fall behind the parser.
TEST(CliUsage, MentionsEveryOptionTheParserTakes) {
  const std::string text = usage();
  const std::vector<std::string> spellings = option_spellings();
  EXPECT_GT(spellings.size(), 60u);
  for (const std::string& spelling : spellings) EXPECT_TRUE(has_word(text, spelling)) << spelling;
  // The README's spellings that are no single getopt entry.
  for (const std::string& more :
       {"-ff", "-tt", "-ttt", "-xx", "-yy", "-e trace=SET", "-e status=SET", "-e signal=SET",
        "-e quiet=SET", "-e read=SET", "-e write=SET", "-e decode-fds=path|all"})
    EXPECT_NE(text.find(more), std::string::npos) << more;
}

TEST(CliUsage, OptionSpellingsAreTheParsersOwn) {
  for (const std::string& spelling : option_spellings()) {
    // Each spelling parses (a value where it needs one; -h and -V end parsing by themselves).
    ParseResult r = run({spelling, "x", "--all"});
    EXPECT_NE(r.error.rfind("unrecognized option", 0), 0u) << spelling;
    EXPECT_NE(r.error.rfind("invalid option", 0), 0u) << spelling;
  }
}

TEST(CliUsage, Version) {
  const std::string text = version();
  EXPECT_EQ(text.rfind(std::string("estrace -- version ") + ESTRACE_VERSION + "\n", 0), 0u);
  EXPECT_NE(text.find("\nBuild commit: "), std::string::npos) << text;
  EXPECT_NE(text.find("\nlibbpf: 1."), std::string::npos) << text;
  EXPECT_NE(text.find("\nOptional features enabled:"), std::string::npos) << text;
  EXPECT_NE(text.find(" ia32-decoding\n"), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
}

// The text main() prints for a command line that does not parse.
std::string printed_error(const std::vector<std::string>& args) {
  ParseResult r = parse_words(args);
  EXPECT_FALSE(r.options.has_value());
  return error_text(r);
}

constexpr const char* kHint = "Try 'estrace -h' for more information.\n";

// strace follows a usage error with its pointer to -h, in these words, on a second line.
TEST(CliErrors, UsageErrorsEndWithTheHint) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"-Q", "true"}, "invalid option -- 'Q'"},
      {{"--foo", "true"}, "unrecognized option '--foo'"},
      {{"-s"}, "option requires an argument -- 's'"},
      {{"--output"}, "option '--output' requires an argument"},
      {{"-s", "abc", "true"}, "invalid -s argument: 'abc'"},
      {{"-X", "foo", "true"}, "invalid -X argument: 'foo'"},
      {{"-S", "foo", "true"}, "invalid sortby: 'foo'"},
      {{"-c", "-C", "true"}, "-c/--summary-only and -C/--summary are mutually exclusive"},
      {{"-w", "true"},
       "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)"},
      {{}, "must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all"},
      {{"--comm", "nginx"},
       "--comm and --uid narrow --all, --cgroup or --container: add one of them"},
  };
  for (const auto& [args, message] : cases) {
    EXPECT_EQ(printed_error(args), "estrace: " + message + "\n" + kHint) << message;
  }
}

// What a set names wrongly (a syscall, signal, fd, pid) is no usage error to strace: no hint.
TEST(CliErrors, WrongNamesInASetHaveNoHint) {
  EXPECT_EQ(printed_error({"-e", "trace=bogus", "true"}), "estrace: invalid system call 'bogus'\n");
  EXPECT_EQ(printed_error({"--trace=bogus", "true"}), "estrace: invalid system call 'bogus'\n");
  EXPECT_EQ(printed_error({"-e", "signal=FOO", "true"}), "estrace: invalid signal 'FOO'\n");
  EXPECT_EQ(printed_error({"-e", "status=x", "true"}), "estrace: invalid status 'x'\n");
  EXPECT_EQ(printed_error({"-p", "abc"}), "estrace: Invalid process id: 'abc'\n");
}

}  // namespace
}  // namespace estrace::cli

namespace estrace::cli {
namespace {

TEST(CliIdentity, FiltersNeedNoCommandOrPid) {
  auto r = parse_words({"--cgroup", "/sys/fs/cgroup/x", "--comm", "nginx*", "--uid", "33"});
  ASSERT_TRUE(r.options) << r.error;
  EXPECT_EQ(r.options->cgroups, std::vector<std::string>{"/sys/fs/cgroup/x"});
  EXPECT_EQ(r.options->comms, std::vector<std::string>{"nginx*"});
  EXPECT_EQ(r.options->uid, 33u);
  EXPECT_TRUE(r.options->by_identity());
  auto all = parse_words({"--all", "-e", "trace=openat"});
  ASSERT_TRUE(all.options) << all.error;
  EXPECT_TRUE(all.options->all);
  auto container = parse_words({"--container", "3f2a"});
  ASSERT_TRUE(container.options) << container.error;
  EXPECT_EQ(container.options->containers, std::vector<std::string>{"3f2a"});
}

TEST(CliIdentity, BadInput) {
  EXPECT_EQ(parse_words({"--all", "--comm", ""}).error,
            "invalid --comm argument: '' (a process name has 1 to 15 characters)");
  EXPECT_EQ(parse_words({"--all", "--comm", "a-name-longer-than-15"}).error,
            "invalid --comm argument: 'a-name-longer-than-15' (a process name has 1 to 15 "
            "characters)");
  EXPECT_EQ(parse_words({"--all", "--uid", "root"}).error,
            "invalid --uid argument: 'root' (a numeric user id)");
  EXPECT_EQ(parse_words({"--all", "--uid", "-1"}).error,
            "invalid --uid argument: '-1' (a numeric user id)");
  EXPECT_EQ(parse_words({"--cgroup", ""}).error, "--cgroup needs a cgroup v2 directory");
  EXPECT_EQ(parse_words({"--comm", "nginx"}).error,
            "--comm and --uid narrow --all, --cgroup or --container: add one of them");
  EXPECT_FALSE(parse_words({"--comm", "a", "--comm", "b", "--comm", "c", "--comm", "d", "--comm",
                            "e", "--all"})
                   .options);
}

}  // namespace
}  // namespace estrace::cli

namespace estrace::cli {
namespace {

ParseResult parse_status(std::vector<std::string> words) {
  words.insert(words.begin(), "estrace");
  words.push_back("true");
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  return parse(static_cast<int>(argv.size()), argv.data());
}

TEST(CliStatus, ZAndStatusSets) {
  EXPECT_EQ(parse_status({"-z"}).options->status, kStatusSuccessful);
  EXPECT_EQ(parse_status({"-Z"}).options->status, kStatusFailed);
  EXPECT_EQ(parse_status({"-e", "status=failed,unfinished"}).options->status,
            kStatusFailed | kStatusUnfinished);
  EXPECT_EQ(parse_status({"-e", "status=!successful"}).options->status,
            kStatusAll & ~kStatusSuccessful);
  EXPECT_EQ(parse_status({}).options->status, kStatusAll);
  EXPECT_EQ(parse_status({"-e", "status=bogus"}).error, "invalid status 'bogus'");
}

// Display options (issue 3): spellings and errors as strace 6.1 has them.
TEST(CliDisplay, SyscallNumbers) {
  EXPECT_FALSE(ok({"true"}).syscall_numbers);
  EXPECT_TRUE(ok({"-n", "true"}).syscall_numbers);
  EXPECT_TRUE(ok({"-fn", "true"}).syscall_numbers);
  EXPECT_TRUE(ok({"--syscall-number", "true"}).syscall_numbers);
  ParseResult r = run({"-n", "-c", "true"});
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "-n/--syscall-number has no effect with -c/--summary-only");
}

TEST(CliDisplay, DecodePids) {
  EXPECT_TRUE(ok({"-Y", "true"}).decode_pids_comm);
  EXPECT_TRUE(ok({"--decode-pids=comm", "true"}).decode_pids_comm);
  EXPECT_TRUE(ok({"-e", "decode-pids=comm", "true"}).decode_pids_comm);
  EXPECT_FALSE(ok({"-Y", "-e", "decode-pids=none", "true"}).decode_pids_comm);
  EXPECT_EQ(error({"--decode-pids=foo", "true"}), "invalid decode-pids 'foo'");
  // --decode-pids takes a value, so the command is read as one (as strace does).
  EXPECT_EQ(error({"--decode-pids", "true"}), "invalid decode-pids 'true'");
  EXPECT_EQ(error({"-Y=x", "true"}), "invalid option -- '='");
}

TEST(CliDisplay, XlatStyle) {
  EXPECT_EQ(ok({"true"}).xlat, XlatMode::Abbrev);
  EXPECT_EQ(ok({"-X", "raw", "true"}).xlat, XlatMode::Raw);
  EXPECT_EQ(ok({"-Xverbose", "true"}).xlat, XlatMode::Verbose);
  EXPECT_EQ(ok({"--const-print-style=abbrev", "true"}).xlat, XlatMode::Abbrev);
  EXPECT_EQ(error({"-X", "foo", "true"}), "invalid -X argument: 'foo'");
  EXPECT_EQ(error({"-X", "true"}), "invalid -X argument: 'true'");
}

TEST(CliDisplay, SignalSets) {
  EXPECT_TRUE(ok({"true"}).signals.contains(SIGUSR1));
  Options o = ok({"-e", "signal=USR2", "true"});
  EXPECT_TRUE(o.signals.contains(SIGUSR2));
  EXPECT_FALSE(o.signals.contains(SIGUSR1));
  o = ok({"-e", "signal=!SIGUSR2,12,sigchld", "true"});
  EXPECT_FALSE(o.signals.contains(SIGUSR2));
  EXPECT_FALSE(o.signals.contains(SIGCHLD));
  EXPECT_TRUE(o.signals.contains(SIGUSR1));
  EXPECT_FALSE(ok({"-e", "signal=none", "true"}).signals.contains(SIGINT));
  EXPECT_TRUE(ok({"-e", "signal=!none", "true"}).signals.contains(SIGINT));
  EXPECT_TRUE(ok({"--signal=all", "true"}).signals.contains(SIGINT));
  EXPECT_TRUE(ok({"-e", "signals=SIGRTMIN,RT_3,255", "true"}).signals.contains(35));
  EXPECT_TRUE(ok({"-e", "s=io", "true"}).signals.contains(SIGIO));
  EXPECT_EQ(error({"-e", "signal=FOO", "true"}), "invalid signal 'FOO'");
  EXPECT_EQ(error({"-e", "signal=", "true"}), "invalid signal ''");
  EXPECT_EQ(error({"-e", "signal=256", "true"}), "invalid signal '256'");
  EXPECT_EQ(error({"-e", "signal=-1", "true"}), "invalid signal '-1'");
  EXPECT_EQ(error({"-e", "signal=all,none", "true"}), "invalid signal 'all'");
}

TEST(CliDisplay, DumpSets) {
  Options o = ok({"-e", "read=3,,4", "--write=all", "true"});
  EXPECT_TRUE(o.read_fds.contains(3));
  EXPECT_TRUE(o.read_fds.contains(4));
  EXPECT_FALSE(o.read_fds.contains(5));
  EXPECT_TRUE(o.write_fds.contains(123));
  EXPECT_TRUE(ok({"true"}).read_fds.none());
  EXPECT_TRUE(ok({"-e", "w=none", "true"}).write_fds.none());
  EXPECT_FALSE(ok({"-e", "reads=!3", "true"}).read_fds.contains(3));
  EXPECT_TRUE(ok({"-e", "reads=!3", "true"}).read_fds.contains(4));
  EXPECT_EQ(error({"-e", "read=x", "true"}), "invalid descriptor 'x'");
  EXPECT_EQ(error({"-e", "write=-1", "true"}), "invalid descriptor '-1'");
  EXPECT_EQ(error({"-e", "read=", "true"}), "invalid descriptor ''");
  EXPECT_EQ(error({"-e", "read=2147483648", "true"}), "invalid descriptor '2147483648'");
}

TEST(CliDisplay, TracePaths) {
  Options o = ok({"-P", "/etc/passwd", "--trace-path=/tmp", "true"});
  EXPECT_EQ(o.trace_paths, (std::vector<std::string>{"/etc/passwd", "/tmp"}));
  // A path that resolves elsewhere is traced under both names, as strace says.
  ParseResult r = run({"-P", "/etc/../etc/passwd", "true"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->trace_paths,
            (std::vector<std::string>{"/etc/../etc/passwd", "/etc/passwd"}));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "Requested path \"/etc/../etc/passwd\" resolved into \"/etc/passwd\"");
  EXPECT_EQ(ok({"-P", "/nonexistent", "true"}).trace_paths.size(), 1u);
  EXPECT_EQ(error({"-P", "", "true"}), "invalid -P argument: ''");
  EXPECT_EQ(error({"-P"}), "option requires an argument -- 'P'");
}

}  // namespace
}  // namespace estrace::cli
