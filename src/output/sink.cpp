// output: file sinks. See include/estrace/output/sink.h.
#include "estrace/output/sink.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace estrace::output {

Result<std::unique_ptr<std::ostream>> open_output_file(const std::string& path) {
  auto file =
      std::make_unique<std::ofstream>(path, std::ios::out | std::ios::trunc | std::ios::binary);
  if (!*file) return Error{"Can't fopen '" + path + "': " + strerror(errno)};
  return std::unique_ptr<std::ostream>(std::move(file));
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
