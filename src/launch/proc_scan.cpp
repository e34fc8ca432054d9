// launch: /proc scanning for -p. See include/estrace/launch/launch.h.
#include <dirent.h>
#include <elf.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "estrace/launch/launch.h"

namespace estrace::launch {

Result<std::vector<uint32_t>> threads_of(pid_t pid) {
  std::string dir = "/proc/" + std::to_string(pid) + "/task";
  DIR* d = opendir(dir.c_str());
  if (!d)
    return Error{"attach: cannot trace process " + std::to_string(pid) + ": " +
                 (errno == ENOENT ? std::string("No such process") : strerror(errno))};
  std::vector<uint32_t> tids;
  while (dirent* e = readdir(d)) {
    char* end = nullptr;
    unsigned long tid = strtoul(e->d_name, &end, 10);
    if (end != e->d_name && *end == '\0') tids.push_back(static_cast<uint32_t>(tid));
  }
  closedir(d);
  if (tids.empty())
    return Error{"attach: cannot trace process " + std::to_string(pid) + ": No such process"};
  if (auto denied = may_trace(pid); !denied.message.empty()) return denied;
  return tids;
}

std::optional<InProgress> parse_proc_syscall(const std::string& text) {
  std::istringstream in(text);
  std::string nr_text;
  if (!(in >> nr_text) || nr_text == "running") return std::nullopt;
  char* end = nullptr;
  long nr = strtol(nr_text.c_str(), &end, 10);
  if (*end != '\0' || nr < 0) return std::nullopt;
  InProgress call;
  call.nr = static_cast<uint32_t>(nr);
  for (auto& arg : call.args) {
    std::string hex;
    if (!(in >> hex)) return std::nullopt;
    arg = strtoull(hex.c_str(), nullptr, 16);
  }
  return call;
}

namespace {

// A 32-bit x86 program (ELF e_machine EM_386): its blocked call has an i386 number. A 64-bit
// program blocked in an int $0x80 call is not told apart (rare; its line names the wrong call).
bool runs_i386_program(pid_t pid) {
  std::ifstream exe("/proc/" + std::to_string(pid) + "/exe", std::ios::binary);
  unsigned char head[20] = {};
  if (!exe.read(reinterpret_cast<char*>(head), sizeof head)) return false;
  const bool elf = std::memcmp(head, ELFMAG, SELFMAG) == 0;
  return elf && head[EI_CLASS] == ELFCLASS32 && (head[18] | head[19] << 8) == EM_386;
}

}  // namespace

std::optional<InProgress> call_in_progress(pid_t pid, uint32_t tid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/syscall");
  std::stringstream text;
  text << file.rdbuf();
  auto call = parse_proc_syscall(text.str());
  if (call) call->i386 = runs_i386_program(pid);
  return call;
}

}  // namespace estrace::launch
