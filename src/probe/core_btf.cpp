// core_btf: see core_btf.h.
#include "core_btf.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "core_btf_data.h"  // generated: kCoreBtf, kBuildKernelNotes (bpf/CMakeLists.txt)

namespace estrace::probe {

bool running_build_kernel() {
  if (kBuildKernelNotes_size == 0) return false;  // built for another kernel
  std::ifstream in("/sys/kernel/notes", std::ios::binary);
  std::string notes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return notes.size() == kBuildKernelNotes_size &&
         std::memcmp(notes.data(), kBuildKernelNotes, notes.size()) == 0;
}

CoreBtf CoreBtf::for_running_kernel() {
  CoreBtf btf;
  const char* full = std::getenv("ESTRACE_FULL_BTF");
  if ((full && *full && std::strcmp(full, "0") != 0) || kCoreBtf_size == 0 ||
      !running_build_kernel())
    return btf;
  // libbpf takes a path: an anonymous file named through /proc keeps nothing on disk.
  int fd = memfd_create("estrace-core-btf", MFD_CLOEXEC);
  if (fd < 0) return btf;
  if (write(fd, kCoreBtf, kCoreBtf_size) != static_cast<ssize_t>(kCoreBtf_size)) {
    close(fd);
    return btf;
  }
  btf.fd_ = fd;
  btf.path_ = "/proc/self/fd/" + std::to_string(fd);
  return btf;
}

CoreBtf::CoreBtf(CoreBtf&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
  other.path_.clear();
}

CoreBtf::~CoreBtf() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace estrace::probe
