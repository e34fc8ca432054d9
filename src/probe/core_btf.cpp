// core_btf: see core_btf.h.
#include "core_btf.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "core_btf_data.h"  // generated: kCoreBtf, kBuildKernelNotes (bpf/CMakeLists.txt)

namespace estrace::probe {

bool has_build_id(const unsigned char* notes, size_t size) {
  constexpr uint32_t kGnuBuildId = 3;
  auto word = [&](size_t at) {
    uint32_t v;
    std::memcpy(&v, notes + at, sizeof v);
    return v;
  };
  auto padded = [](uint32_t n) { return (size_t{n} + 3) & ~size_t{3}; };
  for (size_t at = 0; at + 12 <= size;) {
    const uint32_t namesz = word(at), descsz = word(at + 4), type = word(at + 8);
    const size_t name_at = at + 12, desc_at = name_at + padded(namesz);
    if (desc_at + padded(descsz) > size) return false;
    if (type == kGnuBuildId && namesz == 4 && std::memcmp(notes + name_at, "GNU", 4) == 0 &&
        descsz >= 16)
      return true;
    at = desc_at + padded(descsz);
  }
  return false;
}

bool running_build_kernel() {
  // The kernel does not change under a running process: the notes are read once.
  static const bool same = [] {
    if (kBuildKernelNotes_size == 0) return false;  // built for another kernel
    if (!has_build_id(kBuildKernelNotes, kBuildKernelNotes_size)) return false;
    std::ifstream in("/sys/kernel/notes", std::ios::binary);
    std::string notes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return notes.size() == kBuildKernelNotes_size &&
           std::memcmp(notes.data(), kBuildKernelNotes, notes.size()) == 0;
  }();
  return same;
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
