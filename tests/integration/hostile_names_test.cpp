// Names a traced process chose (file paths under -y, its own name under -Y) are data, not
// terminal commands: escaped exactly as strace 6.1 escapes them, never written raw.
#include <unistd.h>

#include <filesystem>

#include "harness.h"

namespace it {
namespace {

class HostileNames : public EstraceTest {};

// The lines of `text` that contain `needle`, normalized for padding.
std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& l : split_lines(text))
    if (l.find(needle) != std::string::npos) out.push_back(normalize(l));
  return out;
}

// A file named "esc<ESC>[2Jname<newline>X": strace prints its -y path as esc\33[2Jname\nX.
TEST_F(HostileNames, DescriptorPathsAreEscapedLikeStrace) {
  TempDir dir;
  const std::string file = dir.file("esc\x1b[2Jname\nX<a>");
  for (const char* hex : {"", "-x", "-xx"}) {
    std::vector<std::string> args{"-y", "-e", "trace=pwrite64"};
    if (*hex) args.emplace_back(hex);
    args.insert(args.end(), {program("counter"), file, "0"});
    RunResult e = run_estrace(args);
    ASSERT_EQ(e.status, 0) << e.err;
    std::vector<std::string> strace_args{"/usr/bin/strace"};
    strace_args.insert(strace_args.end(), args.begin(), args.end());
    RunResult s = run(strace_args);
    ASSERT_EQ(s.status, 0) << s.err;
    auto want = lines_with(s.err, "pwrite64(");
    ASSERT_EQ(want.size(), 1u) << s.err;
    EXPECT_EQ(lines_with(e.err, "pwrite64("), want) << hex << "\n" << e.err;
    EXPECT_EQ(e.err.find('\x1b'), std::string::npos) << "a raw ESC reached the output: " << hex;
  }
}

// A program named "ev<ESC>[31mX<>": its name in -f -Y prefixes is escaped the same way.
TEST_F(HostileNames, ProcessNamesAreEscapedLikeStrace) {
  TempDir dir;
  const std::string named = dir.file("ev\x1b[31mX<>");
  std::filesystem::copy_file(program("basic"), named);
  std::filesystem::permissions(named, std::filesystem::perms::owner_all);
  RunResult e = run_estrace({"-f", "-Y", "-e", "trace=write", "-o", dir.file("e"), named, "0"});
  ASSERT_EQ(e.status, 0) << e.err;
  RunResult s =
      run({"/usr/bin/strace", "-f", "-Y", "-e", "trace=write", "-o", dir.file("s"), named, "0"});
  ASSERT_EQ(s.status, 0) << s.err;
  const std::string got = read_file(dir.file("e"));
  auto strip_pid = [](std::vector<std::string> lines) {
    for (auto& l : lines) l = l.substr(l.find('<'));
    return lines;
  };
  auto want = strip_pid(lines_with(read_file(dir.file("s")), "write(1"));
  ASSERT_EQ(want, std::vector<std::string>{R"(<ev\33[31mX\74\76> write(1, "hello\n", 6) = 6)"});
  EXPECT_EQ(strip_pid(lines_with(got, "write(1")), want) << got;
  EXPECT_EQ(got.find('\x1b'), std::string::npos) << "a raw ESC reached the output:\n" << got;
}

}  // namespace
}  // namespace it
