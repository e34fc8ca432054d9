// decode: what each descriptor of each traced process refers to, for -y ("3</etc/passwd>").
// Kept from the calls themselves (opens, dups, closes, forks, execs) because a call is decoded
// a few milliseconds after it happened and its fd may be closed or reused by then; a
// descriptor the calls never showed (opened before tracing began) is read from /proc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "estrace/abi/capture_spec.h"
#include "estrace/abi/sock_info.h"
#include "estrace/decode/decoder.h"
#include "estrace/model/names.h"

namespace estrace::decode {

// Whether a successful call of this syscall (an x86_64 number or an ia32 key) changes a
// descriptor table or the working directory (its row's syscalls::FdEffect: opens, dups, closes,
// chdir, execve): the BPF side sends these even when they are not shown, so the names stay
// right under a narrow -e trace= or -Z.
bool changes_fd_table(uint32_t nr);
// The same by name (x86_64's row when both tables have it).
bool changes_fd_table(std::string_view name);

class FdTable final : public model::FdNames {
 public:
  // detail 1: -y (paths), 2: -yy (also device numbers: "/dev/null<char 1:3>").
  explicit FdTable(int detail = 1) : detail_(detail) {}
  std::optional<model::FdName> name(uint32_t tgid, int fd) const override;
  std::optional<model::FdName> result_name(uint32_t tgid, int fd) const override;

  // Descriptors a call creates, known before its line is printed ("= 3</etc/passwd>").
  void before_line(const Call& call);
  // -yy: names the call's socket fd arguments as they were when it started (also for a
  // call announced at enter, before its line begins).
  void socket_arguments(const Call& call);
  // Descriptors a call closes or replaces, forgotten after its line ("close(3</x>) = 0").
  void after_line(const Call& call);
  void fork(uint32_t parent_tgid, uint32_t child_tgid);
  // The working directory of a process estrace started (it is gone from /proc by the time
  // its short life is decoded); chdir and fchdir keep it current afterwards.
  void set_cwd(uint32_t tgid, std::string cwd) { cwds_[tgid] = std::move(cwd); }
  // A descriptor a process estrace started inherited, named as estrace sees it.
  void set(uint32_t tgid, int fd, const std::string& target) {
    tables_[tgid][fd] = describe(target);
  }
  void exec(uint32_t tgid);
  void exit(uint32_t tgid);

 private:
  using Table = std::unordered_map<int, model::FdName>;
  std::optional<std::string> cwd(uint32_t tgid) const;
  model::FdName describe(const std::string& target) const;
  model::FdName socket_name(const es_sock_info& s);
  std::optional<model::FdName> received_name(uint32_t tgid, const es_fd_file& f);
  // chdir, fchdir: the working directory the call moved to.
  void change_dir(const Call& call);
  // Names (or forgets) `fd`, which the call created: by the kernel's file table as the call
  // returned (`created`), else by /proc.
  void name_created(Table& table, uint32_t tgid, const std::vector<es_fd_file>& created, int fd);

  int detail_;
  // A dup's new fd while its line is printed: the result shows it, the arguments do not yet.
  struct Pending {
    uint32_t tgid = 0;
    int fd = -1;
    model::FdName name;
  };
  std::optional<Pending> pending_;
  mutable std::unordered_map<uint32_t, Table> tables_;
  mutable std::unordered_map<uint32_t, std::string> cwds_;
  std::unordered_map<uint64_t, model::FdName> sockets_;  // -yy: inode -> details, first answer
  // Files opened under trace, by inode (and i_mode, against another filesystem's same
  // number): how a file that travels through SCM_RIGHTS is named on arrival.
  struct File {
    uint32_t mode = 0;
    model::FdName name;
  };
  std::unordered_map<uint64_t, File> files_;
  static constexpr size_t kMaxFiles = 65536;
};

// Feeds an FdTable around the handler that prints: the table sees each call just before and
// just after its line.
class FdTracking final : public Handler {
 public:
  FdTracking(FdTable& table, Handler& next) : table_(table), next_(next) {}
  void on_call_start(const Call& call, bool in_progress) override;
  void on_call_end(const Call& call, bool started) override;
  void on_signal(const Signal& signal) override { next_.on_signal(signal); }
  void on_exit(const Exit& exit) override;
  void on_fork(uint32_t parent_tid, uint32_t child_tid, uint32_t child_tgid) override;
  void on_exec(uint32_t tid, uint32_t old_tid) override;

 private:
  FdTable& table_;
  Handler& next_;
  std::unordered_map<uint32_t, uint32_t> tgid_of_;  // tid -> tgid, from the records
};

}  // namespace estrace::decode
