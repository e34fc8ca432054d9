// launch: cgroup v2 paths and container ids. See include/estrace/launch/cgroup.h.
#include "estrace/launch/cgroup.h"

#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace estrace::launch {
namespace fs = std::filesystem;

std::vector<std::string> cgroup2_mounts() {
  // mountinfo: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [TAGS...] - FSTYPE SOURCE SUPER
  std::vector<std::string> mounts;
  std::ifstream in("/proc/self/mountinfo");
  std::string line;
  while (std::getline(in, line)) {
    auto dash = line.find(" - ");
    if (dash == std::string::npos || line.compare(dash + 3, 8, "cgroup2 ") != 0) continue;
    std::istringstream fields(line.substr(0, dash));
    std::string id, parent, dev, root, mountpoint;
    if (fields >> id >> parent >> dev >> root >> mountpoint) mounts.push_back(mountpoint);
  }
  return mounts;
}

Result<CgroupTarget> resolve_cgroup(const std::string& path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return Error{"--cgroup '" + path + "': " + ec.message()};
  struct statfs sfs;
  struct stat st;
  if (statfs(real.c_str(), &sfs) != 0 || stat(real.c_str(), &st) != 0)
    return Error{"--cgroup '" + path + "': " + strerror(errno)};
  if (!S_ISDIR(st.st_mode)) return Error{"--cgroup '" + path + "': not a directory"};
  if (sfs.f_type == CGROUP_SUPER_MAGIC)
    return Error{
        "--cgroup '" + path + "' is a cgroup v1 directory; estrace needs cgroup v2" +
        (cgroup2_mounts().empty() ? std::string() : " (mounted at " + cgroup2_mounts()[0] + ")")};
  if (sfs.f_type != CGROUP2_SUPER_MAGIC)
    return Error{"--cgroup '" + path + "' is not a cgroup v2 directory"};

  // Depth below the v2 mount that holds it (the longest mount point that is a prefix).
  std::string best;
  for (const auto& mount : cgroup2_mounts()) {
    const std::string& r = real.native();
    bool inside = r == mount || (r.rfind(mount + "/", 0) == 0) || mount == "/";
    if (inside && mount.size() > best.size()) best = mount;
  }
  if (best.empty()) return Error{"--cgroup '" + path + "': cannot find its cgroup v2 mount"};
  uint32_t level = 0;
  for (const auto& part : fs::relative(real, best)) {
    if (part != ".") ++level;
  }
  return CgroupTarget{real.native(), static_cast<uint64_t>(st.st_ino), level};
}

Result<CgroupTarget> resolve_container(const std::string& id,
                                       const std::vector<std::string>& roots) {
  if (id.empty()) return Error{"--container: empty id"};
  // The id part of a runtime's cgroup name, or a systemd unit's name.
  static const std::regex hex_id("(?:^|[-_])([0-9a-f]{12,64})(?:\\.scope)?$");
  static const std::regex unit("^(?:machine-)?(.+)\\.(?:scope|service)$");
  std::vector<fs::path> found;
  for (const auto& root : roots) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it.depth() > 8) {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_directory(ec)) continue;
      std::string name = it->path().filename().native();
      if (name.find("conmon") != std::string::npos)
        continue;  // podman's monitor, not the container
      std::smatch m;
      bool match = (std::regex_search(name, m, hex_id) && m[1].str().rfind(id, 0) == 0) ||
                   (std::regex_match(name, m, unit) && m[1].str() == id);
      if (match) found.push_back(it->path());
    }
  }
  if (found.empty()) {
    std::string where;
    for (const auto& r : roots) where += (where.empty() ? "" : ", ") + r;
    return Error{"--container '" + id + "': no container cgroup matches (looked under " +
                 (where.empty() ? std::string("no cgroup v2 mount") : where) + ")"};
  }
  if (found.size() > 1) {
    std::string list;
    for (size_t i = 0; i < found.size() && i < 5; ++i) list += (i ? ", " : "") + found[i].native();
    if (found.size() > 5) list += ", ...";
    return Error{"--container '" + id + "' is ambiguous: " + list};
  }
  return resolve_cgroup(found[0].native());
}

}  // namespace estrace::launch
