// output: file sinks. See include/estrace/output/sink.h.
#include "estrace/output/sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include <ext/stdio_filebuf.h>

namespace estrace::output {

namespace {

// A directory anyone may create files in, each keeping only their own (/tmp): a symlink
// there may have been planted by another user to make estrace, often root, overwrite a file
// of the attacker's choosing. The kernel's protected_symlinks guards this when it is on;
// estrace does not count on it.
bool shared_directory(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "."
                          : slash == 0               ? "/"
                                                     : path.substr(0, slash);
  struct stat st {};
  return stat(dir.c_str(), &st) == 0 && (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH);
}

// An ostream that owns file descriptor `fd`.
class FdStream : public std::ostream {
 public:
  explicit FdStream(int fd) : std::ostream(nullptr), buf_(fd, std::ios::out) { rdbuf(&buf_); }

 private:
  __gnu_cxx::stdio_filebuf<char> buf_;
};

}  // namespace

Result<std::unique_ptr<std::ostream>> open_output_file(const std::string& path) {
  // In a shared directory the last component must not be a symlink (O_NOFOLLOW: ELOOP).
  const int flags =
      O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (shared_directory(path) ? O_NOFOLLOW : 0);
  int fd = open(path.c_str(), flags, 0644);
  if (fd < 0 && errno == ELOOP && (flags & O_NOFOLLOW))
    return Error{"Can't fopen '" + path +
                 "': a symbolic link in a shared directory (another user may have planted it)"};
  if (fd < 0) return Error{"Can't fopen '" + path + "': " + strerror(errno)};
  return std::unique_ptr<std::ostream>(std::make_unique<FdStream>(fd));
}

void PerTaskFileSink::write(uint32_t tid, std::string_view text) {
  auto& file = files_[tid];
  if (!file) {
    // A file that cannot be opened loses that task's lines: say so once, loudly.
    auto opened = open_output_file(prefix_ + "." + std::to_string(tid));
    if (!opened) throw std::runtime_error(opened.error());
    file = std::move(*opened);
  }
  file->write(text.data(), text.size());
  check(*file);
}

void PerTaskFileSink::flush() {
  for (auto& [tid, file] : files_) {
    file->flush();
    check(*file);
  }
}

void PerTaskFileSink::task_done(uint32_t tid) {
  if (auto it = files_.find(tid); it != files_.end()) {
    it->second->flush();  // closing would lose a failure to write the last lines
    check(*it->second);
    files_.erase(it);
  }
}

}  // namespace estrace::output
