// model: what descriptors and pids name, as facts. decode keeps them (the fd table, process
// names); format turns them into text ("3</etc/passwd>", -yy's "<char 1:3>", "1234<bash>").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "estrace/abi/sock_info.h"

namespace estrace::model {

// A character or block device's numbers (-yy shows them after the device's path).
struct Device {
  bool block = false;  // a block device, else a character one
  uint32_t major_nr = 0;
  uint32_t minor_nr = 0;
};

// What -yy knows of a descriptor beyond its path: a device's numbers, or a socket as the BPF
// side read it. Empty under -y, and for anything else.
struct FdDetail {
  std::optional<Device> device;
  std::optional<es_sock_info> socket;
  bool empty() const { return !device && !socket; }
};

// What a descriptor names for -y. `path` comes from the traced process or the kernel (a
// file's path, "pipe:[123]", "anon_inode:[eventfd]"); a socket under -yy has no path, only its
// detail.
struct FdName {
  std::string path;
  FdDetail detail;
};

// Names of open descriptors for -y; nullopt when unknown.
class FdNames {
 public:
  virtual ~FdNames() = default;
  virtual std::optional<FdName> name(uint32_t tgid, int fd) const = 0;
  // The name of a call's returned fd, once the call is done: a dup2 returns what its
  // newfd argument did not name yet ("dup2(3</x>, 1</dev/null>) = 1</x>").
  virtual std::optional<FdName> result_name(uint32_t tgid, int fd) const { return name(tgid, fd); }
};

// Process names for -Y ("1234<bash>"); nullopt when unknown (the process is gone).
class PidNames {
 public:
  virtual ~PidNames() = default;
  // The name at `at_ns` (CLOCK_MONOTONIC, 0: now); `traced`: the pid is a traced task's.
  virtual std::optional<std::string> comm(int pid, uint64_t at_ns, bool traced) const = 0;
};

}  // namespace estrace::model
