// launch: what --cgroup and --container name. A cgroup v2 directory is identified in the
// kernel by its id (the directory's inode number) and its depth below the v2 root, which is
// what the BPF filter compares with the current task's ancestor at that depth.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "estrace/util/result.h"

namespace estrace::launch {

struct CgroupTarget {
  std::string path;  // absolute, resolved
  uint64_t id = 0;
  uint32_t level = 0;  // 0 is the v2 root
};

// Where cgroup v2 is mounted: /sys/fs/cgroup on pure v2 hosts, /sys/fs/cgroup/unified on
// hybrid ones. Read from /proc/self/mountinfo.
std::vector<std::string> cgroup2_mounts();

// A cgroup v2 directory given by path. Errors: not a directory, a cgroup v1 directory, not
// a cgroup at all.
Result<CgroupTarget> resolve_cgroup(const std::string& path);

// The cgroup of a container whose runtime names cgroups after its id (docker-ID.scope, ID,
// cri-containerd-ID.scope, crio-ID.scope, libpod-ID.scope) or a systemd unit (NAME.scope,
// machine-NAME.scope): a unique id prefix or the name is enough. Errors list what was found.
Result<CgroupTarget> resolve_container(const std::string& id,
                                       const std::vector<std::string>& roots);

}  // namespace estrace::launch
