// Safety: estrace dying the hard way (SIGKILL, no cleanup code runs) must leave the traced
// program running normally and no BPF program or link behind. Nothing here depends on ptrace
// semantics: with BPF there is nothing to "detach", the kernel drops what estrace's fds held.
#include <signal.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace it {
namespace {

class Safety : public EstraceTest {};

struct BpfObject {
  long id = 0;
  std::set<int> pids;  // processes holding it, when bpftool can tell (BPF iterators)
};

// What bpftool said last, per listing, for the evidence of a failure.
std::map<std::string, std::string> last_listing;

// `bpftool -j prog|link list`; nullopt when bpftool fails (why is kept in last_listing).
std::optional<std::vector<BpfObject>> bpf_list(const std::string& what) {
  RunResult r = run({BPFTOOL_BIN, "-j", what, "list"}, {}, 10s);
  last_listing[what] = r.timed_out ? "bpftool timed out\n" + r.err
                                   : "status " + std::to_string(r.status) + ", stdout: " + r.out +
                                         "\nstderr: " + r.err;
  if (r.timed_out || r.status != 0) return std::nullopt;
  auto json = nlohmann::json::parse(r.out.empty() ? "[]" : r.out, nullptr, false);
  if (!json.is_array()) return std::nullopt;
  std::vector<BpfObject> out;
  for (const auto& o : json) {
    BpfObject b;
    b.id = o.value("id", 0L);
    if (o.contains("pids"))
      for (const auto& p : o["pids"]) b.pids.insert(p.value("pid", 0));
    out.push_back(std::move(b));
  }
  return out;
}

std::set<long> ids(const std::vector<BpfObject>& v) {
  std::set<long> out;
  for (const auto& b : v) out.insert(b.id);
  return out;
}

// What estrace (pid `owner`) loaded: the objects bpftool says it holds, or, if bpftool cannot
// tell owners, whatever appeared since `before` (other tracers may run concurrently, so owner
// information is preferred).
std::set<long> owned_by(const std::vector<BpfObject>& now, const std::set<long>& before,
                        pid_t owner) {
  bool owners_known = false;
  std::set<long> mine, fresh;
  for (const auto& b : now) {
    owners_known |= !b.pids.empty();
    if (b.pids.count(owner)) mine.insert(b.id);
    if (!before.count(b.id)) fresh.insert(b.id);
  }
  return owners_known ? mine : fresh;
}

std::string show(const std::set<long>& s) {
  std::string out;
  for (long id : s) out += std::to_string(id) + " ";
  return out;
}

TEST_F(Safety, SigkillOfEstraceLeavesTargetRunningAndNoBpfBehind) {
  auto progs_before = bpf_list("prog");
  auto links_before = bpf_list("link");
  ASSERT_TRUE(progs_before && links_before)
      << "bpftool " BPFTOOL_BIN " failed:\nprog: " << last_listing["prog"]
      << "\nlink: " << last_listing["link"];

  TempDir dir;
  const std::string counter = dir.file("count");
  const std::string trace = dir.file("trace");
  Child target({program("counter"), counter, "30"});
  ASSERT_TRUE(wait_until([&] { return read_counter(counter).has_value(); }, deadline_in()))
      << "counter never wrote " << counter << ": " << target.err();

  Child tracer({estrace_path(), "-o", trace, "-p", std::to_string(target.pid())});
  std::set<long> my_progs, my_links;
  // Whatever fails below, the report says what estrace, the target and bpftool showed.
  OnFailure evidence([&] {
    std::string out = "estrace's stderr:\n" + tail(tracer.err(), 20);
    out += "the trace file's end:\n" + tail(read_file(trace), 10);
    auto state = proc_state(target.pid());
    auto count = read_counter(counter);
    out += "target: exited " + std::to_string(target.exited()) + ", state " +
           (state ? std::string(1, *state) : "gone") + ", counter " +
           (count ? std::to_string(*count) : "unreadable") + ", its stderr: " + target.err() + "\n";
    out += "estrace's programs: " + show(my_progs) + "links: " + show(my_links) + "\n";
    bpf_list("prog");
    bpf_list("link");
    out += "bpftool prog list: " + last_listing["prog"] +
           "\nbpftool link list: " + last_listing["link"] + "\n";
    return out;
  });
  ASSERT_TRUE(tracer.wait_line(
      Stream::Err, literal("estrace: Process " + std::to_string(target.pid()) + " attached"),
      deadline_in()))
      << tracer.err();
  // Really tracing: the counter's calls are reaching the file.
  ASSERT_TRUE(wait_file_line(trace, R"(pwrite64\(3, .*)", deadline_in())) << read_file(trace);

  ASSERT_TRUE(wait_until(
      [&] {
        auto p = bpf_list("prog");
        auto l = bpf_list("link");
        if (!p || !l) return false;
        my_progs = owned_by(*p, ids(*progs_before), tracer.pid());
        my_links = owned_by(*l, ids(*links_before), tracer.pid());
        return !my_progs.empty() && !my_links.empty();
      },
      deadline_in(5s)))
      << "while tracing, bpftool shows no program/link of estrace (progs: " << show(my_progs)
      << "links: " << show(my_links) << ")";

  tracer.signal(SIGKILL);
  auto status = tracer.wait_exit(deadline_in());
  ASSERT_TRUE(status) << "estrace survived SIGKILL";
  EXPECT_EQ(*status, 137);

  // The program is untouched: not stopped, not killed, still making progress.
  EXPECT_FALSE(target.exited());
  auto state = proc_state(target.pid());
  ASSERT_TRUE(state);
  EXPECT_TRUE(runs_unstopped(*state)) << "state " << *state;
  EXPECT_TRUE(counter_advances(counter, 50, deadline_in(5s)));

  // Every program and link estrace held is gone (freed asynchronously after its fds closed,
  // hence the deadline).
  std::set<long> left_progs, left_links;
  EXPECT_TRUE(wait_until(
      [&] {
        auto p = bpf_list("prog");
        auto l = bpf_list("link");
        if (!p || !l) return false;
        left_progs.clear();
        left_links.clear();
        for (long id : ids(*p))
          if (my_progs.count(id)) left_progs.insert(id);
        for (long id : ids(*l))
          if (my_links.count(id)) left_links.insert(id);
        return left_progs.empty() && left_links.empty();
      },
      deadline_in(10s)))
      << "left behind: progs " << show(left_progs) << "links " << show(left_links);
}

}  // namespace
}  // namespace it
