// probe: skeleton lifecycle. See include/estrace/probe/probe.h.
#include "estrace/probe/probe.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <future>
#include <string>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <spdlog/spdlog.h>

#include "core_btf.h"
#include "estrace/abi/event.h"
#include "estrace/abi/task.h"
#include "estrace/probe/kernel_support.h"
#include "shared_maps.h"
#include "trace.skel.h"
#include "tracepoints.h"

namespace estrace::probe {
namespace {

// libbpf's own messages go to spdlog at debug level: quiet unless ESTRACE_LOG=debug.
int libbpf_to_spdlog(enum libbpf_print_level level, const char* format, va_list args) {
  if (level == LIBBPF_DEBUG && !spdlog::should_log(spdlog::level::trace)) return 0;
  va_list copy;
  va_copy(copy, args);
  int n = vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n <= 0) return 0;
  std::string text(static_cast<size_t>(n) + 1, '\0');  // verifier logs run to megabytes
  vsnprintf(text.data(), text.size(), format, args);
  text.resize(static_cast<size_t>(n));
  while (!text.empty() && text.back() == '\n') text.pop_back();
  LoadReport::note(text);  // a refused program's verifier log, for the user's one line
  // Most of libbpf's messages name it already, some (the verifier's log) do not: one prefix.
  constexpr std::string_view kPrefix = "libbpf: ";
  std::string_view message = text;
  if (message.starts_with(kPrefix)) message.remove_prefix(kPrefix.size());
  spdlog::debug("libbpf: {}", message);
  return 0;
}

Error load_error(int err) {
  err = err < 0 ? -err : err;
  if (err == EPERM)
    return Error{"needs CAP_BPF and CAP_PERFMON (or root) to load its BPF programs: " +
                 std::string(strerror(err))};
  return Error{"cannot load the BPF programs: " + std::string(strerror(err)) +
               " (run with ESTRACE_LOG=debug for the verifier's log)"};
}

constexpr size_t kMaxCgroups = 8, kMaxComms = 4, kCommLen = 16;

// --all/--cgroup/--comm/--uid into the program's read-only data (dead code when unused).
Error set_identity_filters(trace_bpf* skel, const Config& config) {
  auto* ro = skel->rodata;
  ro->self_tgid = static_cast<uint32_t>(getpid());
  ro->filter_dynamic = config.match_identity;
  if (config.cgroups.size() > kMaxCgroups) return Error{"at most 8 --cgroup"};
  if (config.comms.size() > kMaxComms) return Error{"at most 4 --comm"};
  ro->ncgroups = static_cast<uint32_t>(config.cgroups.size());
  for (size_t i = 0; i < config.cgroups.size(); ++i) {
    ro->cgroup_ids[i] = config.cgroups[i].id;
    ro->cgroup_levels[i] = config.cgroups[i].level;
  }
  ro->ncomms = static_cast<uint32_t>(config.comms.size());
  for (size_t i = 0; i < config.comms.size(); ++i) {
    if (config.comms[i].empty() || config.comms[i].size() >= kCommLen)
      return Error{"--comm '" + config.comms[i] + "': a process name has 1 to 15 characters"};
    std::memcpy(const_cast<char*>(ro->comms[i]), config.comms[i].data(), config.comms[i].size());
  }
  ro->filter_uid = config.uid.has_value();
  ro->only_uid = config.uid.value_or(0);
  return Error{};
}

// One ring of `bytes` per CPU, each put in the outer map `outer_fd` at its CPU's index; the
// fds go to `fds`. Returns an error message, empty on success.
std::string make_rings(int outer_fd, int ncpus, uint64_t bytes, std::vector<int>& fds) {
  for (int cpu = 0; cpu < ncpus; ++cpu) {
    int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "estrace_ring", 0, 0,
                            static_cast<uint32_t>(bytes), nullptr);
    if (fd < 0)
      return "cannot create a " + std::to_string(bytes) + "-byte ring buffer: " + strerror(errno);
    fds.push_back(fd);
  }
  std::vector<uint32_t> cpus(ncpus);
  for (int cpu = 0; cpu < ncpus; ++cpu) cpus[cpu] = cpu;
  uint32_t count = ncpus;
  if (bpf_map_update_batch(outer_fd, cpus.data(), fds.data(), &count, nullptr) != 0)
    return std::string("cannot install the ring buffers: ") + strerror(errno);
  return {};
}

// Thread ids go up to pid_max (kernel.pid_max): the traced-tid bitmap needs that many bits.
uint32_t pid_max() {
  std::ifstream in("/proc/sys/kernel/pid_max");
  uint32_t value = 0;
  return (in >> value) && value > 0 ? value : 4194304;  // PID_MAX_LIMIT on 64-bit
}

// The options into the program's read-only data, map sizes and which programs load.
Error configure(trace_bpf* skel, const Config& config, int ncpus) {
  skel->rodata->follow_forks = config.follow_forks;
  skel->rodata->string_limit = config.string_limit;
  skel->rodata->optional_off = config.optional_off;
  skel->rodata->ring_bytes = config.ring_bytes_per_cpu;
  skel->rodata->aggregate = config.aggregate;
  skel->rodata->stamp_enter = config.stamp_enter || config.aggregate || config.describe_sockets;
  skel->rodata->emit_calls = config.emit_calls;
  skel->rodata->status_mask = config.status_mask;
  const bool summary_by_tid = !config.emit_calls && !config.match_identity;
  skel->rodata->summary_by_tid = summary_by_tid;
  skel->rodata->describe_sockets = config.describe_sockets;
  if (auto err = set_identity_filters(skel, config); !err.message.empty()) return err;

  bpf_map__set_max_entries(skel->maps.scratch, 2 * ncpus);
  const uint32_t tids = pid_max();
  bpf_map__set_max_entries(skel->maps.traced_bits, (tids + 63) / 64);
  bpf_map__set_max_entries(skel->maps.stats, config.aggregate ? ES_SPEC_ROWS : 1);
  if (summary_by_tid) bpf_map__set_max_entries(skel->maps.enter_times, tids);
  // The identity cache and what invalidates it, only with filters worth caching.
  const bool cache_identity =
      config.match_identity && (!config.cgroups.empty() || !config.comms.empty());
  if (cache_identity) bpf_map__set_max_entries(skel->maps.unmatched, tids);
  bpf_program__set_autoload(skel->progs.task_rename, cache_identity);
  bpf_program__set_autoload(skel->progs.cgroup_attach_task, cache_identity);
  bpf_map__set_max_entries(skel->maps.rings, ncpus);
  return Error{};
}

}  // namespace

struct Probe::Impl {
  trace_bpf* skel = nullptr;
  trace_bpf* exit_skel = nullptr;  // the same object opened again: only sys_exit loads from it
  std::vector<int> owned_ring_fds;
  int rings_fd = -1;     // the outer map of per-CPU rings, made here so libbpf reuses it
  int template_fd = -1;  // the outer map's inner-map template: a one-page ring
  int ncpus = 0;
  bool summary_by_tid = false;  // enter times per tid in `enter_times`, see trace.bpf.c
  uint64_t* bits = nullptr;     // traced_bits, mmap'ed: userspace sets bits with atomic ORs
  size_t bits_bytes = 0;

  ~Impl() {
    if (bits) munmap(bits, bits_bytes);
    if (exit_skel) trace_bpf__destroy(exit_skel);  // detaches links, closes programs and maps
    if (skel) trace_bpf__destroy(skel);
    for (int fd : owned_ring_fds) close(fd);
    if (rings_fd >= 0) close(rings_fd);
    if (template_fd >= 0) close(template_fd);
  }
};

void route_libbpf_messages() { libbpf_set_print(libbpf_to_spdlog); }

namespace {

// libbpf's reports go to `report` while this lives (every way out of a load included).
class Collecting {
 public:
  explicit Collecting(LoadReport* report) { LoadReport::collect_into(report); }
  ~Collecting() { LoadReport::collect_into(nullptr); }
  Collecting(const Collecting&) = delete;
  Collecting& operator=(const Collecting&) = delete;
};

}  // namespace

Probe::Probe(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Probe::~Probe() = default;

Result<std::unique_ptr<Probe>> Probe::start(const Config& wanted) {
  route_libbpf_messages();
  install_tracepoint_handler();
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
    return Error{"kernel BTF not found at /sys/kernel/btf/vmlinux (needs CONFIG_DEBUG_INFO_BTF=y)"};
  Config config = wanted;
  uint32_t forced_off = 0;
  if (const char* names = std::getenv("ESTRACE_CAPTURE_OFF")) {
    std::string error;
    if (!parse_capture_off(names, forced_off, error)) return Error{error};
    config.optional_off |= forced_off;
  }

  LoadReport report;
  Collecting collecting(&report);
  auto started = start_once(config);
  if (!started && !report.rejections().empty()) {
    // Refused: first whether the kernel lacks something no part of estrace can do without,
    // then without the optional capture parts, one more at a time.
    KernelFacts facts = probe_running_kernel();
    if (auto missing = missing_features(facts); !missing.empty()) return Error{missing};
    for (const auto& part : optional_captures()) {
      if (started || (config.optional_off & part.bit)) continue;
      config.optional_off |= part.bit;
      report = LoadReport{};
      started = start_once(config);
    }
    if (!started && !report.rejections().empty())
      return Error{rejection_message(report.rejections(), facts.release)};
  }
  if (!started) return started;
  for (const auto& part : optional_captures()) {
    if (!(config.optional_off & part.bit)) continue;
    (*started)->notices_.push_back(std::string(part.lost) +
                                   ((forced_off & part.bit)
                                        ? " (ESTRACE_CAPTURE_OFF)"
                                        : " on this kernel (its verifier refused them)"));
  }
  return started;
}

Result<std::unique_ptr<Probe>> Probe::start_once(const Config& config) {
  auto impl = std::make_unique<Impl>();
  impl->ncpus = libbpf_num_possible_cpus();
  if (impl->ncpus <= 0) return Error{"cannot count the possible CPUs"};

  // Both opens relocate against the same BTF: the build's small copy on the build kernel,
  // where the tracepoints' ids are known too and libbpf never reads the kernel's BTF.
  const CoreBtf core_btf = CoreBtf::for_running_kernel();
  const bool kernel_btf_needed = !core_btf.path() || !tracepoint_ids_known();
  LIBBPF_OPTS(bpf_object_open_opts, open_opts, .btf_custom_path = core_btf.path());
  impl->skel = trace_bpf__open_opts(&open_opts);
  if (!impl->skel) return load_error(errno);
  impl->exit_skel = trace_bpf__open_opts(&open_opts);
  if (!impl->exit_skel) return load_error(errno);
  auto* skel = impl->skel;

  if (auto err = configure(skel, config, impl->ncpus); !err.message.empty()) return err;
  impl->summary_by_tid = skel->rodata->summary_by_tid;

  // The outer map of rings needs an inner-map template, and any ring buffer will do (the
  // kernel compares type and flags, not size): a one-page ring, made at once. The real rings
  // (one per CPU: producers on different CPUs never share a reservation lock) take ~1 ms each
  // to allocate, and putting each in the outer map waits for an RCU grace period (~10 ms
  // here): both happen on a thread while libbpf loads the programs.
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  impl->template_fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "estrace_tmpl", 0, 0,
                                     static_cast<uint32_t>(page), nullptr);
  if (impl->template_fd < 0) return load_error(errno);  // the first BPF call: privileges
  if (int err = bpf_map__set_inner_map_fd(skel->maps.rings, impl->template_fd))
    return load_error(err);
  LIBBPF_OPTS(bpf_map_create_opts, outer_opts,
              .inner_map_fd = static_cast<uint32_t>(impl->template_fd));
  impl->rings_fd =
      bpf_map_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, "rings", sizeof(uint32_t), sizeof(uint32_t),
                     static_cast<uint32_t>(impl->ncpus), &outer_opts);
  if (impl->rings_fd < 0) return load_error(errno);
  if (int err = bpf_map__reuse_fd(skel->maps.rings, impl->rings_fd)) return load_error(err);
  auto installed =
      std::async(std::launch::async, [impl = impl.get(), bytes = config.ring_bytes_per_cpu] {
        return make_rings(impl->rings_fd, impl->ncpus, bytes, impl->owned_ring_fds);
      });

  // The kernel verifies one object's programs one at a time, and sys_enter and sys_exit
  // take it ~9 ms each: sys_exit is loaded from the second open of the object, on a thread,
  // with every map shared (share_maps); sys_enter and the small programs load here.
  bpf_object* exit_obj = impl->exit_skel->obj;
  bpf_program* prog = nullptr;
  bpf_object__for_each_program(prog, exit_obj)
      bpf_program__set_autoload(prog, prog == impl->exit_skel->progs.sys_exit);
  bpf_program__set_autoload(skel->progs.sys_exit, false);
  if (auto error = share_maps(skel->obj, exit_obj); !error.empty()) return Error{error};
  auto load = [kernel_btf_needed](trace_bpf* s) {
    if (kernel_btf_needed)
      if (int err = use_kernel_btf(s->obj)) return err;
    return trace_bpf__load(s);
  };
  auto exit_loaded = std::async(std::launch::async, load, impl->exit_skel);

  int load_err = load(skel);
  int exit_err = exit_loaded.get();
  if (auto error = installed.get(); !error.empty()) return Error{error};
  if (load_err) return load_error(load_err);
  if (exit_err) return load_error(exit_err);

  const size_t bits = bpf_map__max_entries(skel->maps.traced_bits) * sizeof(uint64_t);
  impl->bits_bytes = (bits + page - 1) / page * page;
  void* mapped = mmap(nullptr, impl->bits_bytes, PROT_READ | PROT_WRITE, MAP_SHARED,
                      bpf_map__fd(skel->maps.traced_bits), 0);
  if (mapped == MAP_FAILED)
    return Error{std::string("cannot map the traced-task bitmap: ") + strerror(errno)};
  impl->bits = static_cast<uint64_t*>(mapped);

  // The whole capture table in one batch: one syscall instead of one per row.
  std::vector<uint32_t> keys(std::min<size_t>(config.specs.size(), ES_SPEC_ROWS));
  for (uint32_t nr = 0; nr < keys.size(); ++nr) keys[nr] = nr;
  uint32_t count = keys.size();
  if (count && bpf_map_update_batch(bpf_map__fd(skel->maps.specs), keys.data(), config.specs.data(),
                                    &count, nullptr))
    return Error{std::string("cannot fill the capture table: ") + strerror(errno)};

  if (int err = trace_bpf__attach(skel)) return load_error(err);
  if (int err = trace_bpf__attach(impl->exit_skel)) return load_error(err);

  std::unique_ptr<Probe> probe(new Probe(std::move(impl)));
  probe->ring_fds_ = probe->impl_->owned_ring_fds;
  return probe;
}

bool Probe::trace_task(uint32_t tid, uint32_t state) {
  // Task storage is keyed by a pidfd from userspace; PIDFD_THREAD (Linux 6.9) names a
  // thread rather than a process.
  constexpr unsigned kPidfdThread = O_EXCL;
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, tid, kPidfdThread));
  if (pidfd < 0 && errno == EINVAL) pidfd = static_cast<int>(syscall(SYS_pidfd_open, tid, 0));
  if (pidfd < 0) return false;
  es_task_state value{};
  value.flags = state;
  bool ok = bpf_map_update_elem(bpf_map__fd(impl_->skel->maps.tasks), &pidfd, &value, BPF_ANY) == 0;
  close(pidfd);
  uint32_t live = 1;
  ok = ok && bpf_map_update_elem(bpf_map__fd(impl_->skel->maps.traced), &tid, &live, BPF_ANY) == 0;
  if (impl_->summary_by_tid) {
    // Before the bit: the first call the BPF side sees must find the slot already right.
    uint64_t slot = (state & kArmedUntilExec) ? ES_ENTER_ARMED : 0;
    ok = ok &&
         bpf_map_update_elem(bpf_map__fd(impl_->skel->maps.enter_times), &tid, &slot, BPF_ANY) == 0;
  }
  // Last: the bit is what makes the BPF side look at the task at all. Atomic, because the
  // kernel sets and clears bits of the same word as other tasks fork and exit.
  if (ok) __atomic_fetch_or(&impl_->bits[tid / 64], uint64_t{1} << (tid % 64), __ATOMIC_SEQ_CST);
  return ok;
}

bool Probe::any_traced() const {
  uint32_t key = 0;
  return bpf_map_get_next_key(bpf_map__fd(impl_->skel->maps.traced), nullptr, &key) == 0;
}

std::vector<uint64_t> Probe::lost_by_kind() const {
  constexpr int kKinds = 8;
  std::vector<uint64_t> per_cpu(static_cast<size_t>(impl_->ncpus) * kKinds);
  std::vector<uint64_t> total(kKinds, 0);
  uint32_t zero = 0;
  if (bpf_map_lookup_elem(bpf_map__fd(impl_->skel->maps.counters), &zero, per_cpu.data()) == 0) {
    for (int cpu = 0; cpu < impl_->ncpus; ++cpu)
      for (int k = 0; k < kKinds; ++k) total[k] += per_cpu[cpu * kKinds + k];
  }
  return total;
}

uint64_t Probe::missed_runs() const {
  uint64_t missed = 0;
  for (const trace_bpf* skel : {impl_->skel, impl_->exit_skel}) {
    bpf_program* prog = nullptr;
    bpf_object__for_each_program(prog, skel->obj) {
      bpf_prog_info info{};
      uint32_t len = sizeof info;
      if (bpf_program__fd(prog) >= 0 &&
          bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len) == 0)
        missed += info.recursion_misses;
    }
  }
  return missed;
}

std::vector<es_syscall_stats> Probe::read_stats(const std::vector<uint32_t>& nrs) const {
  std::vector<es_syscall_stats> total(ES_SPEC_ROWS);
  std::vector<es_syscall_stats> per_cpu(static_cast<size_t>(impl_->ncpus));
  int fd = bpf_map__fd(impl_->skel->maps.stats);
  for (uint32_t nr : nrs) {
    if (nr >= ES_SPEC_ROWS || bpf_map_lookup_elem(fd, &nr, per_cpu.data()) != 0) continue;
    es_syscall_stats& sum = total[nr];
    for (const auto& cpu : per_cpu) {
      sum.calls += cpu.calls;
      sum.errors += cpu.errors;
      sum.total_ns += cpu.total_ns;
      sum.max_ns = std::max(sum.max_ns, cpu.max_ns);
      for (int b = 0; b < ES_HIST_BUCKETS; ++b) sum.hist[b] += cpu.hist[b];
    }
  }
  return total;
}

std::vector<std::pair<es_errno_key, uint64_t>> Probe::read_errno_counts() const {
  std::vector<std::pair<es_errno_key, uint64_t>> out;
  int fd = bpf_map__fd(impl_->skel->maps.errno_counts);
  std::vector<uint64_t> per_cpu(static_cast<size_t>(impl_->ncpus));
  es_errno_key key{}, next{};
  const es_errno_key* prev = nullptr;
  while (bpf_map_get_next_key(fd, prev, &next) == 0) {
    key = next;
    prev = &key;
    if (bpf_map_lookup_elem(fd, &key, per_cpu.data()) != 0) continue;
    uint64_t sum = 0;
    for (uint64_t v : per_cpu) sum += v;
    out.emplace_back(key, sum);
  }
  return out;
}

}  // namespace estrace::probe
