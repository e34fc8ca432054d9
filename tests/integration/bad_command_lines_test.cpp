// Malformed command lines, table-driven: each gives exactly one "estrace: ..." line (plus
// strace's "Try 'estrace -h'" line where strace prints one: a bad option or option value, a
// missing command), a non-zero exit that is not a signal's, and runs nothing. The messages
// follow strace 6.1's where strace has the option.
#include "harness.h"

namespace it {
namespace {

struct BadLine {
  std::vector<std::string> args;
  std::string error;  // the whole first line
  bool hint;          // followed by "Try 'estrace -h' for more information."
};

const std::vector<BadLine>& bad_lines() {
  static const std::vector<BadLine> rows = {
    {{"--bogus"}, "estrace: unrecognized option '--bogus'", true},
    {{"-Q"}, "estrace: invalid option -- 'Q'", true},
    {{"-k"}, "estrace: option -k is not supported yet", true},
    {{"-j", "/bin/echo", "ran"}, "estrace: invalid option -- 'j'", true},
    {{"-b"}, "estrace: option requires an argument -- 'b'", true},
    {{"-b", "0", "/bin/echo", "ran"}, "estrace: invalid -b argument: '0' (the ring buffer size must be a power of two from 4K to 1G, e.g. 8M)", true},
    {{"-b", "100", "/bin/echo", "ran"}, "estrace: invalid -b argument: '100' (the ring buffer size must be a power of two from 4K to 1G, e.g. 8M)", true},
    {{"-b", "3M", "/bin/echo", "ran"}, "estrace: invalid -b argument: '3M' (the ring buffer size must be a power of two from 4K to 1G, e.g. 8M)", true},
    {{"-b", "abc", "/bin/echo", "ran"}, "estrace: invalid -b argument: 'abc' (a size in bytes, K, M or G)", true},
    {{"-b", "-1", "/bin/echo", "ran"}, "estrace: invalid -b argument: '-1' (a size in bytes, K, M or G)", true},
    {{"-b", "1Q", "/bin/echo", "ran"}, "estrace: invalid -b argument: '1Q' (a size in bytes, K, M or G)", true},
    {{"-b", "99999999999999999999", "/bin/echo", "ran"}, "estrace: invalid -b argument: '99999999999999999999' (a size in bytes, K, M or G)", true},
    {{"--buffer-size=", "/bin/echo", "ran"}, "estrace: invalid -b argument: '' (a size in bytes, K, M or G)", true},
    {{"--buffer-size=12", "/bin/echo", "ran"}, "estrace: invalid -b argument: '12' (the ring buffer size must be a power of two from 4K to 1G, e.g. 8M)", true},
    {{"-s"}, "estrace: option requires an argument -- 's'", true},
    {{"-s", "abc", "/bin/echo", "ran"}, "estrace: invalid -s argument: 'abc'", true},
    {{"-s", "-1", "/bin/echo", "ran"}, "estrace: invalid -s argument: '-1'", true},
    {{"-s", "1x", "/bin/echo", "ran"}, "estrace: invalid -s argument: '1x'", true},
    {{"-s", "99999999999999999999", "/bin/echo", "ran"}, "estrace: invalid -s argument: '99999999999999999999'", true},
    {{"--string-limit=x", "/bin/echo", "ran"}, "estrace: invalid -s argument: 'x'", true},
    {{"-e"}, "estrace: option requires an argument -- 'e'", true},
    {{"-e", "trace=nosuchcall", "/bin/echo", "ran"}, "estrace: invalid system call 'nosuchcall'", false},
    {{"-e", "trace=", "/bin/echo", "ran"}, "estrace: invalid system call ''", false},
    {{"-e", "trace=%nosuchclass", "/bin/echo", "ran"}, "estrace: invalid system call '%nosuchclass'", false},
    {{"-e", "trace=/[", "/bin/echo", "ran"}, "estrace: regcomp: [: Invalid regular expression", false},
    {{"-e", "trace=?nosuch,nosuch2", "/bin/echo", "ran"}, "estrace: invalid system call 'nosuch2'", false},
    {{"-e", "trace=!nosuch", "/bin/echo", "ran"}, "estrace: invalid system call 'nosuch'", false},
    {{"-e", "bogus=1", "/bin/echo", "ran"}, "estrace: invalid system call 'bogus=1'", false},
    {{"-e", "status=bogus", "/bin/echo", "ran"}, "estrace: invalid status 'bogus'", false},
    {{"-e", "status=", "/bin/echo", "ran"}, "estrace: invalid status ''", false},
    {{"-e", "signal=SIGBOGUS", "/bin/echo", "ran"}, "estrace: invalid signal 'SIGBOGUS'", false},
    {{"-e", "signal=-1", "/bin/echo", "ran"}, "estrace: invalid signal '-1'", false},
    {{"-e", "read=abc", "/bin/echo", "ran"}, "estrace: invalid descriptor 'abc'", false},
    {{"-e", "read=-1", "/bin/echo", "ran"}, "estrace: invalid descriptor '-1'", false},
    {{"-e", "write=x", "/bin/echo", "ran"}, "estrace: invalid descriptor 'x'", false},
    {{"-e", "quiet=bogus", "/bin/echo", "ran"}, "estrace: -e quiet=bogus is not supported yet (estrace knows attach, personality, none)", false},
    {{"-e", "decode-fds=bogus", "/bin/echo", "ran"}, "estrace: -e decode-fds=bogus is not supported yet (estrace knows path, all, none)", false},
    {{"-e", "abbrev=bogus", "/bin/echo", "ran"}, "estrace: -e abbrev=bogus is not supported yet (estrace knows all, none)", false},
    {{"-e", "verbose=bogus", "/bin/echo", "ran"}, "estrace: -e verbose=bogus is not supported yet (estrace knows all)", false},
    {{"-e", "raw=bogus", "/bin/echo", "ran"}, "estrace: -e raw=bogus is not supported yet (estrace knows none)", false},
    {{"-e", "inject=all:error=EBOGUS", "/bin/echo", "ran"}, "estrace: -e inject=all:error=EBOGUS is not supported yet (estrace knows trace=, status=, signal=, read=, write=, abbrev=, quiet=, decode-fds=, decode-pids=)", false},
    {{"-e", "fault=read", "/bin/echo", "ran"}, "estrace: -e fault=read is not supported yet (estrace knows trace=, status=, signal=, read=, write=, abbrev=, quiet=, decode-fds=, decode-pids=)", false},
    {{"-e", "=trace", "/bin/echo", "ran"}, "estrace: invalid system call '=trace'", false},
    {{"--trace=nosuch", "/bin/echo", "ran"}, "estrace: invalid system call 'nosuch'", false},
    {{"--signal=NOPE", "/bin/echo", "ran"}, "estrace: invalid signal 'NOPE'", false},
    {{"--read=z", "/bin/echo", "ran"}, "estrace: invalid descriptor 'z'", false},
    {{"--write=z", "/bin/echo", "ran"}, "estrace: invalid descriptor 'z'", false},
    {{"-o"}, "estrace: option requires an argument -- 'o'", true},
    {{"-o", "/nonexistent/dir/file", "/bin/echo", "ran"}, "estrace: Can't fopen '/nonexistent/dir/file': No such file or directory", false},
    {{"-o", "/", "/bin/echo", "ran"}, "estrace: Can't fopen '/': Is a directory", false},
    {{"-o", "/proc/1/nope", "/bin/echo", "ran"}, "estrace: Can't fopen '/proc/1/nope': No such file or directory", false},
    {{"-p"}, "estrace: option requires an argument -- 'p'", true},
    {{"-p", "0"}, "estrace: Invalid process id: '0'", false},
    {{"-p", "-1"}, "estrace: Invalid process id: '-1'", false},
    {{"-p", "abc"}, "estrace: Invalid process id: 'abc'", false},
    {{"-p", "999999"}, "estrace: attach: cannot trace process 999999: No such process", false},
    {{"-p", "1,abc"}, "estrace: Invalid process id: 'abc'", false},
    {{"-p", ",1"}, "estrace: Invalid process id: ''", false},
    {{"-p", "4294967296"}, "estrace: Invalid process id: '4294967296'", false},
    {{"-p", "99999999999999999"}, "estrace: Invalid process id: '99999999999999999'", false},
    {{"--attach=abc"}, "estrace: Invalid process id: 'abc'", false},
    {{"--attach="}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"-P"}, "estrace: option requires an argument -- 'P'", true},
    {{"-S"}, "estrace: option requires an argument -- 'S'", true},
    {{"-S", "bogus", "-c", "/bin/echo", "ran"}, "estrace: invalid sortby: 'bogus'", true},
    {{"-S=", "-c", "/bin/echo", "ran"}, "estrace: invalid sortby: '='", true},
    {{"-U"}, "estrace: option requires an argument -- 'U'", true},
    {{"-U", "bogus", "-c", "/bin/echo", "ran"}, "estrace: unknown column name: 'bogus'", true},
    {{"-U", "calls,bogus", "-c", "/bin/echo", "ran"}, "estrace: unknown column name: 'bogus'", true},
    {{"-X"}, "estrace: option requires an argument -- 'X'", true},
    {{"-X", "bogus", "/bin/echo", "ran"}, "estrace: invalid -X argument: 'bogus'", true},
    {{"-X=", "/bin/echo", "ran"}, "estrace: invalid -X argument: '='", true},
    {{"--const-print-style=bogus", "/bin/echo", "ran"}, "estrace: invalid -X argument: 'bogus'", true},
    {{"--absolute-timestamps=bogus", "/bin/echo", "ran"}, "estrace: --absolute-timestamps=bogus is not supported yet (estrace knows time, time,us, unix,us and none)", true},
    {{"--absolute-timestamps=format:bogus", "/bin/echo", "ran"}, "estrace: --absolute-timestamps=format:bogus is not supported yet (estrace knows time, time,us, unix,us and none)", true},
    {{"--absolute-timestamps=precision:xs", "/bin/echo", "ran"}, "estrace: --absolute-timestamps=precision:xs is not supported yet (estrace knows time, time,us, unix,us and none)", true},
    {{"--absolute-timestamps=unix,precision:bogus", "/bin/echo", "ran"}, "estrace: --absolute-timestamps=unix,precision:bogus is not supported yet (estrace knows time, time,us, unix,us and none)", true},
    {{"--quiet=bogus", "/bin/echo", "ran"}, "estrace: -e quiet=bogus is not supported yet (estrace knows attach, personality, none)", false},
    {{"--decode-fds=bogus", "/bin/echo", "ran"}, "estrace: -e decode-fds=bogus is not supported yet (estrace knows path, all, none)", false},
    {{"--decode-pids=bogus", "/bin/echo", "ran"}, "estrace: invalid decode-pids 'bogus'", false},
    {{"--strings-in-hex=bogus", "/bin/echo", "ran"}, "estrace: --strings-in-hex=bogus is not supported yet (estrace knows non-ascii, all)", true},
    {{"--interval", "/bin/echo", "ran"}, "estrace: invalid --interval argument: '/bin/echo' (seconds, fractions allowed, at least 0.01)", true},
    {{"--interval=", "/bin/echo", "ran"}, "estrace: invalid --interval argument: '' (seconds, fractions allowed, at least 0.01)", true},
    {{"--interval=abc", "/bin/echo", "ran"}, "estrace: invalid --interval argument: 'abc' (seconds, fractions allowed, at least 0.01)", true},
    {{"--interval=-1", "/bin/echo", "ran"}, "estrace: invalid --interval argument: '-1' (seconds, fractions allowed, at least 0.01)", true},
    {{"--interval=0", "/bin/echo", "ran"}, "estrace: invalid --interval argument: '0' (seconds, fractions allowed, at least 0.01)", true},
    {{"--interval=1e400", "/bin/echo", "ran"}, "estrace: invalid --interval argument: '1e400' (seconds, fractions allowed, at least 0.01)", true},
    {{"--histogram=nosuch", "/bin/echo", "ran"}, "estrace: invalid --histogram system call: 'nosuch'", false},
    {{"--cgroup=", "/bin/echo", "ran"}, "estrace: --cgroup needs a cgroup v2 directory", true},
    {{"--cgroup=/nonexistent", "/bin/echo", "ran"}, "estrace: --cgroup '/nonexistent': No such file or directory", false},
    {{"--cgroup=/proc", "/bin/echo", "ran"}, "estrace: --cgroup '/proc' is not a cgroup v2 directory", false},
    {{"--cgroup=relative/path", "/bin/echo", "ran"}, "estrace: --cgroup 'relative/path': No such file or directory", false},
    {{"--container=", "/bin/echo", "ran"}, "estrace: --container needs a container id", true},
    {{"--container=zzzznotacontainer", "/bin/echo", "ran"}, "estrace: --container 'zzzznotacontainer': no container cgroup matches (looked under /sys/fs/cgroup/unified)", false},
    {{"--comm=", "/bin/echo", "ran"}, "estrace: invalid --comm argument: '' (a process name has 1 to 15 characters)", true},
    {{"--comm=waytoolongprocessname", "/bin/echo", "ran"}, "estrace: invalid --comm argument: 'waytoolongprocessname' (a process name has 1 to 15 characters)", true},
    {{"--comm=a", "--comm=b", "--comm=c", "--comm=d", "--comm=e", "/bin/echo", "ran"}, "estrace: at most 4 --comm", true},
    {{"--uid=abc", "/bin/echo", "ran"}, "estrace: invalid --uid argument: 'abc' (a numeric user id)", true},
    {{"--uid=-1", "/bin/echo", "ran"}, "estrace: invalid --uid argument: '-1' (a numeric user id)", true},
    {{"--uid=", "/bin/echo", "ran"}, "estrace: invalid --uid argument: '' (a numeric user id)", true},
    {{"--summary-sort-by=bogus", "-c", "/bin/echo", "ran"}, "estrace: invalid sortby: 'bogus'", true},
    {{"--summary-columns=bogus", "-c", "/bin/echo", "ran"}, "estrace: unknown column name: 'bogus'", true},
    {{"--json=1", "/bin/echo", "ran"}, "estrace: option '--json' doesn't allow an argument", true},
    {{"--latency=1", "/bin/echo", "ran"}, "estrace: option '--latency' doesn't allow an argument", true},
    {{"--pidns=1", "/bin/echo", "ran"}, "estrace: option '--pidns' doesn't allow an argument", true},
    {{"--help=1"}, "estrace: option '--help' doesn't allow an argument", true},
    {{"--version=1"}, "estrace: option '--version' doesn't allow an argument", true},
    {{"--fail-on-loss=1", "/bin/echo", "ran"}, "estrace: option '--fail-on-loss' doesn't allow an argument", true},
    {{"--list-syscalls=1"}, "estrace: option '--list-syscalls' doesn't allow an argument", true},
    {{"--follow-forks=1", "/bin/echo", "ran"}, "estrace: option '--follow-forks' doesn't allow an argument", true},
    {{"-c", "-C", "/bin/echo", "ran"}, "estrace: -c/--summary-only and -C/--summary are mutually exclusive", true},
    {{"--"}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"-f"}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"-c"}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"-y"}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"-e", "trace=open"}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"-o", "/tmp/bad/x"}, "estrace: must have PROG [ARGS], -p PID, --cgroup PATH, --container ID or --all", true},
    {{"/nonexistent/cmd"}, "estrace: Can't stat '/nonexistent/cmd': No such file or directory", false},
    {{"./nonexistent-relative"}, "estrace: Can't stat './nonexistent-relative': No such file or directory", false},
    {{"nonexistent-in-path-zzz"}, "estrace: Can't stat 'nonexistent-in-path-zzz': No such file or directory", false},
    {{"-u", "nobody", "/bin/echo", "ran"}, "estrace: invalid option -- 'u'", true},
    {{"-I", "2", "/bin/echo", "ran"}, "estrace: option -I is not supported yet", true},
    {{"-a", "40", "/bin/echo", "ran"}, "estrace: option -a is not supported yet", true},
    {{"-r", "/bin/echo", "ran"}, "estrace: option -r is not supported yet", true},
    {{"-i", "/bin/echo", "ran"}, "estrace: option -i is not supported yet", true},
    {{"-d", "/bin/echo", "ran"}, "estrace: option -d is not supported yet", true},
    {{"-E", "FOO=bar", "/bin/echo", "ran"}, "estrace: option -E is not supported yet", true},
    {{"--seccomp-bpf", "/bin/echo", "ran"}, "estrace: unrecognized option '--seccomp-bpf'", true},
    {{"--tips", "/bin/echo", "ran"}, "estrace: unrecognized option '--tips'", true},
    {{"-D", "/bin/echo", "ran"}, "estrace: option -D is not supported yet", true},
    {{"-DD", "/bin/echo", "ran"}, "estrace: option -D is not supported yet", true},
    {{"-O", "1", "/bin/echo", "ran"}, "estrace: option -O is not supported yet", true},
    {{"-A", "/bin/echo", "ran"}, "estrace: option -A is not supported yet", true},
    {{"--syscall-limit=1", "/bin/echo", "ran"}, "estrace: unrecognized option '--syscall-limit=1'", true},
    {{"--kill-on-exit", "/bin/echo", "ran"}, "estrace: unrecognized option '--kill-on-exit'", true},
    {{"-e", "trace=all", "-e", "trace=nosuchcall", "/bin/echo", "ran"}, "estrace: invalid system call 'nosuchcall'", false},
    {{"--cgroup=/sys/fs/cgroup", "--all", "/bin/echo", "ran"}, "estrace: --cgroup '/sys/fs/cgroup' is not a cgroup v2 directory", false},
    {{"-s", "5", "-s", "abc", "/bin/echo", "ran"}, "estrace: invalid -s argument: 'abc'", true},
    {{"--string-limit=", "/bin/echo", "ran"}, "estrace: invalid -s argument: ''", true},
    {{"-b", "64K", "-b", "3K", "/bin/echo", "ran"}, "estrace: invalid -b argument: '3K' (the ring buffer size must be a power of two from 4K to 1G, e.g. 8M)", true},
    {{"-e", "trace=%file,nosuch", "/bin/echo", "ran"}, "estrace: invalid system call 'nosuch'", false},
    {{"-e", "trace=/(", "/bin/echo", "ran"}, "estrace: regcomp: (: Unmatched ( or \\(", false},
    {{"-e", "status=successful,bogus", "/bin/echo", "ran"}, "estrace: invalid status 'successful,bogus'", false},
    {{"-e", "signal=all,bogus", "/bin/echo", "ran"}, "estrace: invalid signal 'all'", false},
    {{"-e", "read=1,x", "/bin/echo", "ran"}, "estrace: invalid descriptor 'x'", false},
    {{"--trace=", "/bin/echo", "ran"}, "estrace: invalid system call ''", false},
    {{"-e", "quiet=attach,bogus", "/bin/echo", "ran"}, "estrace: -e quiet=attach,bogus is not supported yet (estrace knows attach, personality, none)", false},
    {{"--decode-pids=comm,bogus", "/bin/echo", "ran"}, "estrace: invalid decode-pids 'comm,bogus'", false},
    {{"-X", "raw", "-X", "bogus", "/bin/echo", "ran"}, "estrace: invalid -X argument: 'bogus'", true},
    {{"-S", "calls", "-S", "bogus", "-c", "/bin/echo", "ran"}, "estrace: invalid sortby: 'bogus'", true},
    {{"--histogram=", "/bin/echo", "ran"}, "estrace: invalid --histogram system call: ''", false},
    {{"--interval=0.0000001", "/bin/echo", "ran"}, "estrace: invalid --interval argument: '0.0000001' (seconds, fractions allowed, at least 0.01)", true},
  };
  return rows;
}

TEST(BadCommandLines, EachGivesOneErrorAndRunsNothing) {
  ASSERT_GE(bad_lines().size(), 150u);
  for (const auto& row : bad_lines()) {
    std::string shown;
    for (const auto& a : row.args) shown += " " + a;
    SCOPED_TRACE("estrace" + shown);
    RunResult r = run_estrace(row.args);
    ASSERT_FALSE(r.timed_out) << r.err;
    EXPECT_GT(r.status, 0);
    EXPECT_LT(r.status, 128) << "estrace died of a signal instead of reporting an error";
    std::vector<std::string> want = {row.error};
    if (row.hint) want.emplace_back("Try 'estrace -h' for more information.");
    EXPECT_EQ(split_lines(r.err), want);
    EXPECT_EQ(r.out.find("ran"), std::string::npos) << "the command ran";
  }
}

}  // namespace
}  // namespace it
