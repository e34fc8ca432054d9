// tracepoints: see tracepoints.h.
#include "tracepoints.h"

#include <cstring>
#include <mutex>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "core_btf.h"
#include "tracepoint_ids.h"  // generated: kTracepointBtfIds (bpf/CMakeLists.txt)

namespace estrace::probe {
namespace {

constexpr char kPrefix[] = "tp_btf/";

const char* tracepoint_of(const bpf_program* prog) {
  return bpf_program__section_name(prog) + sizeof kPrefix - 1;
}

uint32_t known_id(const char* tracepoint) {
  for (const auto* row = kTracepointBtfIds; row->name; ++row)
    if (std::strcmp(row->name, tracepoint) == 0) return row->id;
  return 0;
}

// Still a raw tracepoint here means use_kernel_btf() did not run: the build's id applies.
// libbpf reads the program type after this call, when it has long decided whether the
// object needs the kernel BTF (it does not).
int prepare_load(bpf_program* prog, bpf_prog_load_opts* opts, long /*cookie*/) {
  if (bpf_program__type(prog) != BPF_PROG_TYPE_RAW_TRACEPOINT) return 0;
  uint32_t id = known_id(tracepoint_of(prog));
  if (!id) return -ESRCH;
  if (int err = bpf_program__set_type(prog, BPF_PROG_TYPE_TRACING)) return err;
  opts->expected_attach_type = BPF_TRACE_RAW_TP;
  opts->attach_btf_id = id;
  opts->attach_btf_obj_fd = 0;  // vmlinux
  return 0;
}

int attach(const bpf_program* prog, long /*cookie*/, bpf_link** link) {
  *link = bpf_program__attach_trace(prog);
  return *link ? 0 : -errno;
}

}  // namespace

void install_tracepoint_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    LIBBPF_OPTS(libbpf_prog_handler_opts, opts, .prog_prepare_load_fn = prepare_load,
                .prog_attach_fn = attach);
    libbpf_register_prog_handler(kPrefix, BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_TRACE_RAW_TP, &opts);
  });
}

bool tracepoint_ids_known() {
  if (!running_build_kernel()) return false;
  for (const auto* row = kTracepointBtfIds; row->name; ++row)
    if (!row->id) return false;
  return kTracepointBtfIds[0].name != nullptr;
}

int use_kernel_btf(bpf_object* obj) {
  bpf_program* prog = nullptr;
  bpf_object__for_each_program(prog, obj) {
    if (!bpf_program__autoload(prog)) continue;
    if (int err = bpf_program__set_type(prog, BPF_PROG_TYPE_TRACING)) return err;
    if (int err = bpf_program__set_attach_target(prog, 0, tracepoint_of(prog))) return err;
  }
  return 0;
}

}  // namespace estrace::probe
