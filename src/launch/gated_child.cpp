// launch: fork behind a gate. See include/estrace/launch/launch.h.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "estrace/launch/launch.h"

extern char** environ;

namespace estrace::launch {
namespace {

std::vector<int> inherited;

std::vector<int> open_fds() {
  std::vector<int> fds;
  if (DIR* d = opendir("/proc/self/fd")) {
    while (dirent* e = readdir(d)) {
      int fd = atoi(e->d_name);
      if (e->d_name[0] != '.' && fd != dirfd(d)) fds.push_back(fd);  // not the listing's own
    }
    closedir(d);
  }
  return fds;
}

// Done in the parent before fork: after fork, with the drain thread running, the child may
// only make async-signal-safe calls.
void close_own_fds_on_exec() {
  for (int fd : open_fds()) {
    if (std::find(inherited.begin(), inherited.end(), fd) == inherited.end())
      fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
  }
}

}  // namespace

void remember_inherited_fds() { inherited = open_fds(); }
const std::vector<int>& inherited_fds() { return inherited; }

Result<std::string> resolve_command(const std::string& name) {
  auto runnable = [](const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
  };
  if (name.find('/') != std::string::npos) {
    struct stat st;
    if (stat(name.c_str(), &st) != 0) return Error{"Can't stat '" + name + "': " + strerror(errno)};
    return name;
  }
  const char* path_env = getenv("PATH");
  std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (runnable(candidate)) return candidate;
    start = end + 1;
  }
  return Error{"Can't stat '" + name + "': " + strerror(ENOENT)};
}

Result<GatedChild> GatedChild::spawn(const std::string& path,
                                     const std::vector<std::string>& argv) {
  int gate[2], error[2];
  if (pipe2(gate, O_CLOEXEC) != 0 || pipe2(error, O_CLOEXEC) != 0)
    return Error{std::string("pipe: ") + strerror(errno)};
  close_own_fds_on_exec();
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) return Error{std::string("fork: ") + strerror(errno)};
  if (pid == 0) {
    // Child: wait until the parent has registered us and attached, then exec.
    close(gate[1]);
    close(error[0]);
    char byte;
    while (read(gate[0], &byte, 1) < 0 && errno == EINTR) {
    }
    signal(SIGPIPE, SIG_DFL);  // estrace ignores it for its own output; the command must not
    execve(path.c_str(), args.data(), environ);
    int err = errno;
    (void)!write(error[1], &err, sizeof err);
    _exit(1);  // strace's child dies with 1 when its exec fails
  }
  close(gate[0]);
  close(error[1]);
  return GatedChild(pid, gate[1], error[0]);
}

GatedChild::GatedChild(GatedChild&& other) noexcept
    : pid_(other.pid_), gate_fd_(other.gate_fd_), error_fd_(other.error_fd_) {
  other.gate_fd_ = other.error_fd_ = -1;
}

GatedChild::~GatedChild() {
  if (gate_fd_ >= 0) close(gate_fd_);
  if (error_fd_ >= 0) close(error_fd_);
}

int GatedChild::open() {
  close(gate_fd_);
  gate_fd_ = -1;
  int err = 0;
  ssize_t n;
  while ((n = read(error_fd_, &err, sizeof err)) < 0 && errno == EINTR) {
  }
  close(error_fd_);
  error_fd_ = -1;
  return n == sizeof err ? err : 0;
}

}  // namespace estrace::launch
