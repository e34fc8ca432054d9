// core_btf: the BTF libbpf relocates the programs against (CO-RE).
//
// Why: against the whole kernel BTF, libbpf walks its 100,000+ types once per kernel struct
// the programs read: ~9 ms of every start. The build keeps a minimal copy (bpftool gen
// min_core_btf: only what trace.bpf.o's relocations touch) and the build kernel's ELF notes,
// which hold its build id. When the running kernel's notes are the same, it is the same
// kernel image and the small BTF gives the same relocations; otherwise libbpf uses the whole
// kernel BTF, as before.
#pragma once
#include <cstddef>
#include <string>

namespace estrace::probe {

class CoreBtf {
 public:
  // The small BTF when estrace runs on the kernel it was built on, else nothing (path empty).
  // ESTRACE_FULL_BTF=1 forces the whole kernel BTF.
  static CoreBtf for_running_kernel();
  ~CoreBtf();
  CoreBtf(CoreBtf&& other) noexcept;
  CoreBtf& operator=(CoreBtf&&) = delete;
  CoreBtf(const CoreBtf&) = delete;

  // For bpf_object_open_opts.btf_custom_path: nullptr means the kernel's BTF.
  const char* path() const { return path_.empty() ? nullptr : path_.c_str(); }

 private:
  CoreBtf() = default;
  int fd_ = -1;  // a memfd holding the BTF, named by path_ (/proc/self/fd/N)
  std::string path_;
};

// True when the running kernel is the one estrace was built on: the same ELF notes, which
// carry a build id.
bool running_build_kernel();

// True when ELF notes hold a GNU build id (NT_GNU_BUILD_ID): a hash of the kernel image, so
// equal notes mean the same image. Notes without one (a kernel built without --build-id)
// could be equal for two builds of one version: those never count as the build kernel.
bool has_build_id(const unsigned char* notes, size_t size);

}  // namespace estrace::probe
