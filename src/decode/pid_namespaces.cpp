// decode: pids inside their own namespaces. See include/estrace/decode/pid_namespaces.h.
#include "estrace/decode/pid_namespaces.h"

#include <fstream>
#include <sstream>

namespace estrace::decode {

std::optional<uint32_t> parse_nspid(const std::string& status_text) {
  std::istringstream in(status_text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("NSpid:", 0) != 0) continue;
    std::istringstream fields(line.substr(6));
    std::optional<uint32_t> last;
    for (uint32_t pid; fields >> pid;) last = pid;
    return last;
  }
  return std::nullopt;
}

std::optional<uint32_t> PidNamespaces::inner(uint32_t tid) const {
  if (auto it = known_.find(tid); it != known_.end()) return it->second;
  std::ifstream file("/proc/" + std::to_string(tid) + "/status");
  if (!file) return std::nullopt;  // gone: not cached, nothing to learn any more
  std::stringstream text;
  text << file.rdbuf();
  std::optional<uint32_t> pid = parse_nspid(text.str());
  if (pid && *pid == tid) pid.reset();
  return known_[tid] = pid;
}

}  // namespace estrace::decode
