// Safety: estrace dying the hard way (SIGKILL, no cleanup code runs) must leave the traced
// program running normally and no BPF program or link behind. Nothing here depends on ptrace
// semantics: with BPF there is nothing to "detach", the kernel drops what estrace's fds held.
#include <dirent.h>
#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
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

// The ids of the BPF programs process `pid` holds, from its descriptors' fdinfo ("prog_id:"):
// exact, and needs no help from bpftool (which cannot always tell a program's holders).
std::set<long> prog_ids_held(pid_t pid) {
  std::set<long> out;
  const std::string dir = "/proc/" + std::to_string(pid) + "/fdinfo";
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    std::ifstream in(dir + "/" + e->d_name);
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("prog_id:", 0) == 0) out.insert(std::stol(line.substr(8)));
  }
  closedir(d);
  return out;
}

// One way of tracing a workload: busy_run MODE N, launched by estrace or attached to with -p.
struct Scenario {
  const char* mode;
  int n;
  bool attach;
  bool follow;
};

constexpr Scenario kScenarios[] = {
    {"calls", 400, false, false}, {"block", 200, true, false}, {"fork", 60, true, true},
    {"exec", 15, false, true},    {"calls", 400, true, false}, {"fork", 60, false, true},
    {"block", 200, false, false}, {"exec", 15, true, true},
};

// SIGKILL, SIGINT, SIGTERM or SIGHUP of estrace at a random moment (after a random number of
// trace lines) while its target is mid-call, blocked, forking or exec-ing: the target always
// finishes with its normal result, and estrace leaves no BPF program behind. A launched
// command gets SIGTERM and SIGHUP passed on (as estrace documents), so it is sent only
// SIGKILL and SIGINT. ESTRACE_SAFETY_TRIALS sets the number of trials (default 50; the long
// run is 500), ESTRACE_SAFETY_SEED the random seed (printed on failure).
TEST_F(Safety, SignalsAtRandomMomentsNeverHurtTheTarget) {
  const char* trials_env = std::getenv("ESTRACE_SAFETY_TRIALS");
  const char* seed_env = std::getenv("ESTRACE_SAFETY_SEED");
  const int trials = trials_env ? std::atoi(trials_env) : 50;
  const unsigned seed = seed_env ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10))
                                 : std::random_device{}();
  std::mt19937 rng(seed);
  std::set<long> held;  // every program any of the trials' estraces held
  int failures = 0;
  TempDir dir;
  for (int t = 0; t < trials && failures < 3; ++t) {
    const Scenario& sc = kScenarios[t % std::size(kScenarios)];
    const int attach_signals[] = {SIGKILL, SIGINT, SIGTERM, SIGHUP};
    const int sig = attach_signals[rng() % (sc.attach ? 4 : 2)];
    const int lines_first = static_cast<int>(rng() % 12);
    const std::string result = dir.file("result" + std::to_string(t));
    const std::string expected = std::string("done ") + sc.mode + " " + std::to_string(sc.n) + "\n";
    const std::string n = std::to_string(sc.n);
    std::ostringstream what;
    what << "trial " << t << " (seed " << seed << "): " << sc.mode << " " << sc.n
         << (sc.attach ? " attached" : " launched") << (sc.follow ? " -f" : "") << ", signal "
         << sig << " after " << lines_first << " lines";
    SCOPED_TRACE(what.str());

    std::optional<Child> target;
    std::vector<std::string> args = {estrace_path()};
    if (sc.follow) args.push_back("-f");
    if (sc.attach) {
      SpawnOptions gated;
      gated.pipe_stdin = true;
      target.emplace(std::vector<std::string>{program("busy_run"), sc.mode, n, result, "gate"},
                     gated);
      args.insert(args.end(), {"-p", std::to_string(target->pid())});
    } else {
      args.insert(args.end(), {"--", program("busy_run"), sc.mode, n, result});
    }
    Child tracer(args);
    if (sc.attach) {
      ASSERT_TRUE(
          tracer.wait_line(Stream::Err, R"(estrace: Process \d+ attached.*)", deadline_in()))
          << tracer.err();
      target->write_stdin("g");
    }
    int seen = 0;
    tracer.wait_line(
        Stream::Err, [&](const std::string&) { return ++seen > lines_first; }, deadline_in());
    auto mine = prog_ids_held(tracer.pid());
    EXPECT_FALSE(mine.empty()) << "estrace held no BPF program while tracing";
    held.insert(mine.begin(), mine.end());
    tracer.signal(sig);
    auto status = tracer.wait_exit(deadline_in());
    ASSERT_TRUE(status) << "estrace outlived signal " << sig << ":\n" << tail(tracer.err(), 10);

    // The workload ends as it would have without estrace.
    bool done = wait_until([&] { return read_file(result) == expected; }, deadline_in(20s));
    if (target) {
      auto target_status = target->wait_exit(deadline_in());
      EXPECT_EQ(target_status, std::optional<int>(0)) << target->err();
    }
    EXPECT_TRUE(done) << "result: '" << read_file(result) << "', estrace's stderr:\n"
                      << tail(tracer.err(), 10);
    if (!done) ++failures;
  }

  // Nothing of any of those estraces is left: none of the programs they held is loaded any
  // more (freed asynchronously after the last descriptor closes, hence the deadline).
  std::string leaked;
  EXPECT_TRUE(wait_until(
      [&] {
        auto now = bpf_list("prog");
        if (!now) return false;
        leaked.clear();
        for (const auto& p : *now)
          if (held.count(p.id)) leaked += std::to_string(p.id) + " ";
        return leaked.empty();
      },
      deadline_in(10s)))
      << "programs left behind: " << leaked << "\n"
      << last_listing["prog"];
}

}  // namespace
}  // namespace it
