// output/sink: -o files, and symlinks planted in shared directories.
#include "estrace/output/sink.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace estrace::output {
namespace {

class OutputFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/estrace-sink-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { (void)!system(("rm -rf '" + dir_ + "'").c_str()); }
  static std::string contents(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }
  std::string dir_;
};

TEST_F(OutputFile, WritesAndTruncates) {
  const std::string path = dir_ + "/trace";
  write_file(path, "old old old\n");
  auto out = open_output_file(path);
  ASSERT_TRUE(out) << out.error();
  **out << "new\n";
  (*out)->flush();
  out = open_output_file(dir_ + "/other");  // closes the first
  EXPECT_EQ(contents(path), "new\n");
}

TEST_F(OutputFile, RefusesASymlinkInASharedDirectory) {
  ASSERT_EQ(chmod(dir_.c_str(), 01777), 0);
  const std::string victim = dir_ + "/victim", link = dir_ + "/trace";
  write_file(victim, "keep\n");
  ASSERT_EQ(symlink(victim.c_str(), link.c_str()), 0);
  auto out = open_output_file(link);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error(), "Can't fopen '" + link +
                             "': a symbolic link in a shared directory (another user may have "
                             "planted it)");
  EXPECT_EQ(contents(victim), "keep\n");
}

TEST_F(OutputFile, FollowsASymlinkInAPrivateDirectory) {
  ASSERT_EQ(chmod(dir_.c_str(), 0755), 0);
  const std::string target = dir_ + "/target", link = dir_ + "/trace";
  ASSERT_EQ(symlink(target.c_str(), link.c_str()), 0);
  auto out = open_output_file(link);
  ASSERT_TRUE(out) << out.error();
  **out << "line\n";
  (*out)->flush();
  EXPECT_EQ(contents(target), "line\n");
}

TEST_F(OutputFile, MissingDirectoryIsStracesMessage) {
  auto out = open_output_file(dir_ + "/no/such/file");
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error(), "Can't fopen '" + dir_ + "/no/such/file': No such file or directory");
}

}  // namespace
}  // namespace estrace::output
