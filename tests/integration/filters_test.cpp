// Production filters: --cgroup, --container, --all --comm. Everything the tests create (cgroups
// under the v2 mount, renamed copies of a program) is theirs and removed at the end.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness.h"

namespace it {
namespace {

namespace fs = std::filesystem;

std::string cgroup2_mount() {
  std::ifstream in("/proc/self/mountinfo");
  for (std::string line; std::getline(in, line);) {
    auto dash = line.find(" - cgroup2 ");
    if (dash == std::string::npos) continue;
    std::istringstream f(line);
    std::string id, parent, dev, root, mountpoint;
    f >> id >> parent >> dev >> root >> mountpoint;
    return mountpoint;
  }
  return {};
}

void move_to(const std::string& cgroup, pid_t pid) {
  std::ofstream(cgroup + "/cgroup.procs") << pid << "\n";
}

class Filters : public EstraceTest {
 protected:
  void SetUp() override {
    EstraceTest::SetUp();
    if (IsSkipped()) return;
    mount_ = cgroup2_mount();
    if (mount_.empty()) GTEST_SKIP() << "no cgroup v2 mount";
    root_ = mount_ + "/estrace-it-" + std::to_string(getpid());
    fs::create_directories(root_);
  }
  void TearDown() override {
    if (root_.empty()) return;
    // Leaf first; a cgroup with members cannot be removed, so members go back to the root.
    std::vector<fs::path> dirs;
    for (auto& e : fs::recursive_directory_iterator(root_))
      if (e.is_directory()) dirs.push_back(e.path());
    dirs.push_back(root_);
    std::sort(dirs.begin(), dirs.end(), [](auto& a, auto& b) { return a.native() > b.native(); });
    for (auto& d : dirs) {
      std::ifstream procs(d / "cgroup.procs");
      for (pid_t p; procs >> p;) move_to(mount_, p);
      rmdir(d.c_str());
    }
  }
  std::string mount_, root_;
};

// Waits for the n-th line matching `regex` on a child's stdout.
std::optional<std::string> nth_line(Child& c, const std::string& regex, int n) {
  std::regex re(regex);
  int seen = 0;
  return c.wait_line(
      Stream::Out, [&](const std::string& l) { return std::regex_match(l, re) && ++seen == n; },
      deadline_in());
}

size_t getppid_lines(const std::vector<TraceLine>& lines, int pid) {
  size_t n = 0;
  for (const auto& l : lines)
    if (l.pid == pid && l.text.rfind("getppid() = ", 0) == 0) ++n;
  return n;
}

TEST_F(Filters, CgroupTracesMembersAndTheirChildrenOnly) {
  const std::string cg = root_ + "/app";
  fs::create_directories(cg);
  SpawnOptions stdin_pipe;
  stdin_pipe.pipe_stdin = true;
  Child inside({program("worker")}, stdin_pipe), outside({program("worker")}, stdin_pipe),
      marker({program("worker")}, stdin_pipe);
  move_to(cg, inside.pid());
  move_to(cg, marker.pid());

  Child tracer({estrace_path(), "--cgroup", cg, "-e", "trace=getppid"});
  ASSERT_TRUE(tracer.wait_line(Stream::Err, "estrace: Attached to cgroup " + cg, deadline_in()))
      << tracer.err();

  outside.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(outside, "ticked", 1));
  inside.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(inside, "ticked", 1));
  inside.write_stdin("fork\n");  // a child born inside after tracing began
  auto child_line = nth_line(inside, R"(child \d+)", 1);
  ASSERT_TRUE(child_line);
  const int child = std::stoi(child_line->substr(6));
  move_to(mount_, inside.pid());  // leaves the cgroup: no longer traced
  inside.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(inside, "ticked", 2));
  // Found outside once (and remembered so), then moved in: traced from then on.
  move_to(cg, outside.pid());
  outside.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(outside, "ticked", 2));
  // The marker ticks last: once its line is out, every earlier traced call is out too.
  marker.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(marker, "ticked", 1));
  ASSERT_TRUE(tracer.wait_line(
      Stream::Err, R"(\[pid +)" + std::to_string(marker.pid()) + R"(\] getppid\(\) += \d+)",
      deadline_in()))
      << tracer.err();
  tracer.signal(SIGINT);
  ASSERT_TRUE(tracer.wait_exit(deadline_in())) << tracer.err();

  auto lines = parse_trace(tracer.err());
  EXPECT_EQ(getppid_lines(lines, inside.pid()), 1u) << tracer.err();  // not the one after leaving
  EXPECT_EQ(getppid_lines(lines, child), 1u) << tracer.err();
  EXPECT_EQ(getppid_lines(lines, marker.pid()), 1u) << tracer.err();
  EXPECT_EQ(getppid_lines(lines, outside.pid()), 1u) << tracer.err();  // only once inside
  EXPECT_NE(tracer.err().find("estrace: Detached from cgroup " + cg), std::string::npos);
  for (auto* w : {&inside, &outside, &marker}) w->write_stdin("exit\n");
}

TEST_F(Filters, ContainerIdsResolveLikeRuntimesNameThem) {
  // Ids unique to this run, laid out as docker (systemd driver), containerd and podman do.
  char tag[16];
  snprintf(tag, sizeof tag, "%06x", static_cast<unsigned>(getpid()) & 0xffffff);
  const std::string a = std::string("e57a") + tag + std::string(54, 'a');
  const std::string b = std::string("e57b") + tag + std::string(54, 'b');
  const std::string c = std::string("e57b") + tag + std::string(54, 'c');
  const std::string docker = root_ + "/system.slice/docker-" + a + ".scope";
  const std::string containerd = root_ + "/kubepods/pod1/cri-containerd-" + b + ".scope";
  const std::string podman = root_ + "/machine.slice/libpod-" + c + ".scope";
  for (const auto& d : {docker, containerd, podman}) fs::create_directories(d);

  // A unique prefix: traced from that cgroup.
  Child tracer({estrace_path(), "--container", a.substr(0, 12)});
  EXPECT_TRUE(tracer.wait_line(Stream::Err, "estrace: Attached to cgroup " + docker, deadline_in()))
      << tracer.err();
  tracer.signal(SIGINT);
  EXPECT_EQ(tracer.wait_exit(deadline_in()), 0) << tracer.err();

  // A prefix two containers share: an error naming both.
  RunResult ambiguous = run_estrace({"--container", b.substr(0, 10)});
  EXPECT_EQ(ambiguous.status, 1);
  EXPECT_NE(ambiguous.err.find("is ambiguous"), std::string::npos) << ambiguous.err;
  EXPECT_NE(ambiguous.err.find(containerd), std::string::npos) << ambiguous.err;
  EXPECT_NE(ambiguous.err.find(podman), std::string::npos) << ambiguous.err;

  RunResult unknown = run_estrace({"--container", "e57f" + std::string(tag) + "ffff"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_EQ(split_lines(unknown.err).size(), 1u) << unknown.err;
  EXPECT_NE(unknown.err.find("no container cgroup matches"), std::string::npos) << unknown.err;
}

TEST_F(Filters, AllWithCommPicksExactlyThatName) {
  TempDir dir;
  const std::string name_a = "esa" + std::to_string(getpid() % 100000);
  const std::string name_b = "esb" + std::to_string(getpid() % 100000);
  fs::copy_file(program("worker"), dir.file(name_a));
  fs::copy_file(program("worker"), dir.file(name_b));
  chmod(dir.file(name_a).c_str(), 0755);
  chmod(dir.file(name_b).c_str(), 0755);
  SpawnOptions stdin_pipe;
  stdin_pipe.pipe_stdin = true;
  Child wa({dir.file(name_a)}, stdin_pipe), wb({dir.file(name_b)}, stdin_pipe);

  Child tracer({estrace_path(), "--all", "--comm", name_a.substr(0, 3) + "?" + name_a.substr(4),
                "-e", "trace=getppid"});
  ASSERT_TRUE(
      tracer.wait_line(Stream::Err, "estrace: Attached to all processes named .*", deadline_in()))
      << tracer.err();
  wb.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(wb, "ticked", 1));
  wa.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(wa, "ticked", 1));
  // Found not matching once (and remembered so), then renamed to the name: traced from then on.
  wb.write_stdin("name " + name_a + "\n");
  ASSERT_TRUE(nth_line(wb, "named", 1));
  wb.write_stdin("tick\n");
  ASSERT_TRUE(nth_line(wb, "ticked", 2));
  ASSERT_TRUE(tracer.wait_line(
      Stream::Err, R"(\[pid +)" + std::to_string(wb.pid()) + R"(\] getppid\(\).*)", deadline_in()))
      << tracer.err();
  tracer.signal(SIGINT);
  ASSERT_TRUE(tracer.wait_exit(deadline_in()));
  auto lines = parse_trace(tracer.err());
  EXPECT_EQ(getppid_lines(lines, wa.pid()), 1u) << tracer.err();
  EXPECT_EQ(getppid_lines(lines, wb.pid()), 1u) << tracer.err();  // only under the name
  for (const auto& l : lines)                                     // nothing of anyone else
    if (l.text.rfind("estrace: ", 0) != 0) {
      EXPECT_TRUE(l.pid == wa.pid() || l.pid == wb.pid()) << l.text;
    }
  wa.write_stdin("exit\n");
  wb.write_stdin("exit\n");
}

TEST_F(Filters, PathsThatAreNotCgroupV2AreRefused) {
  RunResult tmp = run_estrace({"--cgroup", "/tmp"});
  EXPECT_EQ(tmp.status, 1);
  EXPECT_EQ(split_lines(tmp.err),
            std::vector<std::string>{"estrace: --cgroup '/tmp' is not a cgroup v2 directory"});
  for (const char* v1 : {"/sys/fs/cgroup/memory", "/sys/fs/cgroup/cpu"}) {
    if (!fs::is_directory(v1) || fs::canonical(v1).native().rfind(mount_, 0) == 0) continue;
    RunResult r = run_estrace({"--cgroup", v1});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("is a cgroup v1 directory"), std::string::npos) << r.err;
  }
  RunResult missing = run_estrace({"--cgroup", root_ + "/no-such-group"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(split_lines(missing.err).size(), 1u) << missing.err;
}

// --pidns: a task in its own pid namespace (unshare -fp makes the shell pid 1 there) is shown
// with both pids. The shell waits on stdin, so it is alive when its lines are printed.
TEST_F(Filters, PidnsShowsThePidInsideTheNamespace) {
  SpawnOptions stdin_pipe;
  stdin_pipe.pipe_stdin = true;
  Child tracer({estrace_path(), "--pidns", "-f", "-e", "trace=read", "--", "unshare", "-fp", "sh",
                "-c", "read x; read y"},
               stdin_pipe);
  tracer.write_stdin("a\n");
  EXPECT_TRUE(tracer.wait_line(Stream::Err, R"(\[pid +\d+ \(ns 1\)\] read\(0, "a", 1\) += 1)",
                               deadline_in()))
      << tracer.err();
  tracer.write_stdin("b\n");
  tracer.close_stdin();
  EXPECT_EQ(tracer.wait_exit(deadline_in()), 0) << tracer.err();
  // unshare itself lives in estrace's namespace: no "(ns" on its lines.
  for (const auto& l : split_lines(tracer.err()))
    if (l.find("(ns ") != std::string::npos) {
      EXPECT_NE(l.find("(ns 1)"), std::string::npos) << l;
    }
}

}  // namespace
}  // namespace it
