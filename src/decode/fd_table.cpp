// decode: descriptor names for -y. See include/estrace/decode/fd_table.h.
#include "estrace/decode/fd_table.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "estrace/abi/capture_spec.h"
#include "estrace/abi/sock_info.h"
#include "estrace/model/socket_identity.h"
#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::decode {

using syscalls::FdEffect;

bool changes_fd_table(uint32_t nr) {
  const syscalls::Signature* sig = syscalls::signature(nr);  // x86_64 or ia32 (compat.h)
  return sig && sig->fd != FdEffect::None;
}

bool changes_fd_table(std::string_view name) {
  auto nr = syscalls::number_of(name);
  if (!nr) nr = syscalls::compat_number_of(name);
  return nr && changes_fd_table(*nr);
}

namespace {

// What the call did to the table, by its row; fcntl's by the command it ran.
FdEffect effect_of(const Call& call) {
  const syscalls::Signature* sig = syscalls::signature(call.nr);
  if (!sig) return FdEffect::None;
  if (sig->fd != FdEffect::DupByCmd) return sig->fd;
  for (int i = 0; i < sig->nargs; ++i)
    if (sig->args[i].kind == syscalls::ArgKind::FcntlCmd)
      return call.args[i] == F_DUPFD || call.args[i] == F_DUPFD_CLOEXEC ? FdEffect::Dup
                                                                        : FdEffect::None;
  return FdEffect::None;
}

// The directory a row's relative path is relative to: its Dirfd argument, else the cwd.
int dirfd_of(const Call& call) {
  const syscalls::Signature* sig = syscalls::signature(call.nr);
  for (int i = 0; sig && i < sig->nargs; ++i)
    if (sig->args[i].kind == syscalls::ArgKind::Dirfd) return static_cast<int>(call.args[i]);
  return AT_FDCWD;
}

std::optional<std::string> read_link(const std::string& path) {
  char buf[PATH_MAX];
  ssize_t n = readlink(path.c_str(), buf, sizeof buf);
  if (n <= 0) return std::nullopt;
  return std::string(buf, static_cast<size_t>(n));
}

std::optional<std::string> proc_fd(uint32_t tgid, int fd) {
  return read_link("/proc/" + std::to_string(tgid) + "/fd/" + std::to_string(fd));
}

// The path an open named, made absolute and resolved the way /proc/PID/fd shows it.
std::optional<std::string> opened_path(const Call& call, const std::string* dir) {
  const auto* sig = syscalls::signature(call.nr);
  if (!sig) return std::nullopt;
  for (int i = 0; i < sig->nargs; ++i) {
    if (sig->args[i].kind != syscalls::ArgKind::Path) continue;
    const CaptureView* cap = call.capture(i);
    if (!cap) return std::nullopt;
    std::string path(cap->data.substr(0, cap->data.find('\0')));
    if (path.empty()) return std::nullopt;
    if (path[0] != '/') {
      if (!dir) return std::nullopt;
      path.insert(0, *dir + "/");
    }
    char resolved[PATH_MAX];
    if (realpath(path.c_str(), resolved)) return std::string(resolved);
    return path;
  }
  return std::nullopt;
}

bool failed(const Call& call) { return !call.returned || model::is_error_return(call.ret); }

// -yy's name of a socket's protocol, as strace prints it ("TCP:[1234]"); empty when unknown.
// sockfs names a socket's dentry after its protocol, which is what strace shows; the table is
// for records without it.
std::string socket_protocol(const es_fd_file& f) {
  if (f.name[0]) return {f.name, strnlen(f.name, sizeof f.name)};
  struct Row {
    uint16_t family, type, protocol;  // protocol 0: any
    const char* name;
  };
  static constexpr Row kRows[] = {
      {AF_INET, SOCK_STREAM, IPPROTO_TCP, "TCP"},     {AF_INET6, SOCK_STREAM, IPPROTO_TCP, "TCPv6"},
      {AF_INET, SOCK_DGRAM, IPPROTO_UDP, "UDP"},      {AF_INET6, SOCK_DGRAM, IPPROTO_UDP, "UDPv6"},
      {AF_UNIX, SOCK_STREAM, 0, "UNIX-STREAM"},       {AF_UNIX, SOCK_DGRAM, 0, "UNIX-DGRAM"},
      {AF_UNIX, SOCK_SEQPACKET, 0, "UNIX-SEQPACKET"}, {AF_NETLINK, 0, 0, "NETLINK"},
  };
  for (const auto& r : kRows)
    if (r.family == f.family && (!r.type || r.type == f.type) &&
        (!r.protocol || r.protocol == f.protocol))
      return r.name;
  return {};
}

// What /proc/PID/fd would show for a file the BPF side described (es_fd_file): only for
// the kinds that have no path (pipes, sockets, anonymous inodes). With -yy a socket is named
// by its protocol, as strace does before it knows the socket's addresses.
std::optional<std::string> link_text(const es_fd_file& f, int detail) {
  if (f.ino == 0) return std::nullopt;
  switch (f.mode & S_IFMT) {
    case S_IFIFO:
      return "pipe:[" + std::to_string(f.ino) + "]";
    case S_IFSOCK: {
      std::string proto = detail >= 2 ? socket_protocol(f) : std::string();
      return (proto.empty() ? std::string("socket") : proto) + ":[" + std::to_string(f.ino) + "]";
    }
    case 0:
      return "anon_inode:" + std::string(f.name, strnlen(f.name, sizeof f.name));
    default:
      return std::nullopt;
  }
}

// The fds the call created, as the BPF side saw them in the file table at exit (-y
// captures): returned fds (ES_CAP_FD_FILE_RET, _PAIR), or those a receive brought
// (ES_CAP_FD_FILE_RECV).
std::vector<es_fd_file> files_of(const Call& call, bool received) {
  std::vector<es_fd_file> files;
  for (int i = 0; i < call.ncaptures; ++i) {
    const CaptureView& cap = call.captures[i];
    const bool wanted = received
                            ? cap.kind == ES_CAP_FD_FILE_RECV
                            : cap.kind == ES_CAP_FD_FILE_RET || cap.kind == ES_CAP_FD_FILE_PAIR;
    if (!wanted || cap.at_enter) continue;
    for (size_t off = 0; off + sizeof(es_fd_file) <= cap.data.size(); off += sizeof(es_fd_file)) {
      es_fd_file f;
      std::memcpy(&f, cap.data.data() + off, sizeof f);
      files.push_back(f);
    }
  }
  return files;
}
std::vector<es_fd_file> created_files(const Call& call) { return files_of(call, false); }

// -yy: the sockets the BPF side described for this call (ES_CAP_SOCKETS), fd arguments as
// the call started and returned fds as it ended; the enter record's copy, when the call had
// one, repeats the same arguments.
std::vector<es_sock_info> described_sockets(const Call& call) {
  std::vector<es_sock_info> sockets;
  for (int i = 0; i < call.ncaptures; ++i) {
    const CaptureView& cap = call.captures[i];
    if (cap.kind != ES_CAP_SOCKETS) continue;
    for (size_t off = 0; off + sizeof(es_sock_info) <= cap.data.size();
         off += sizeof(es_sock_info)) {
      es_sock_info s;
      std::memcpy(&s, cap.data.data() + off, sizeof s);
      sockets.push_back(s);
    }
  }
  return sockets;
}

}  // namespace

// strace asks sock_diag about a socket when it prints it and keeps the first answer for good
// (by inode): later changes (a bound UDP socket connecting) are not shown. So do we.
model::FdName FdTable::socket_name(const es_sock_info& s) {
  if (auto it = sockets_.find(s.ino); it != sockets_.end()) return it->second;
  model::FdName name;
  name.detail.socket = s;
  if (model::sock_diag_answers(s)) sockets_[s.ino] = name;
  return name;
}

// A descriptor SCM_RIGHTS brought, as the kernel's file table described it: a pipe, socket
// or anonymous inode by its kind; a file by the name the table gave the same inode when it
// was opened (the sender's open, traced), else by /proc while the process still has it.
std::optional<model::FdName> FdTable::received_name(uint32_t tgid, const es_fd_file& f) {
  if (auto text = link_text(f, detail_)) return describe(*text);
  if (auto it = files_.find(f.ino); f.ino && it != files_.end() && it->second.mode == f.mode)
    return it->second.name;
  if (auto seen = proc_fd(tgid, f.fd)) return describe(*seen);
  return std::nullopt;
}

// -yy: an fd argument's socket as the call found it, for the line about to be printed (a
// call announced at enter prints its arguments then).
void FdTable::socket_arguments(const Call& call) {
  if (detail_ < 2) return;
  for (const auto& s : described_sockets(call))
    if (s.when == ES_AT_ENTER) tables_[call.tgid][s.fd] = socket_name(s);
}

// What -y / -yy print inside <...> for a descriptor's target (a /proc/PID/fd link's text).
void FdTable::name_created(Table& table, uint32_t tgid, const std::vector<es_fd_file>& created,
                           int fd) {
  std::optional<std::string> seen;
  for (const auto& f : created)
    if (f.fd == fd) seen = link_text(f, detail_);
  if (!seen) seen = proc_fd(tgid, fd);
  if (seen)
    table[fd] = describe(*seen);
  else
    table.erase(fd);
}

model::FdName FdTable::describe(const std::string& target) const {
  struct stat st;
  if (detail_ >= 2 && target.rfind("/dev/", 0) == 0 && stat(target.c_str(), &st) == 0 &&
      (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
    const model::Device device{S_ISBLK(st.st_mode) != 0, major(st.st_rdev), minor(st.st_rdev)};
    return {target, {device, std::nullopt}};
  }
  return {target, {}};
}

std::optional<std::string> FdTable::cwd(uint32_t tgid) const {
  if (auto it = cwds_.find(tgid); it != cwds_.end()) return it->second;
  auto seen = read_link("/proc/" + std::to_string(tgid) + "/cwd");
  if (seen) cwds_[tgid] = *seen;
  return seen;
}

std::optional<model::FdName> FdTable::name(uint32_t tgid, int fd) const {
  if (fd == AT_FDCWD) {  // -y shows AT_FDCWD as the working directory
    if (auto dir = cwd(tgid)) return model::FdName{*dir, {}};
    return std::nullopt;
  }
  auto& table = tables_[tgid];
  if (auto it = table.find(fd); it != table.end()) return it->second;
  auto seen = proc_fd(tgid, fd);  // opened before tracing, or by an untraced call
  if (!seen) return std::nullopt;
  return table[fd] = describe(*seen);
}

std::optional<model::FdName> FdTable::result_name(uint32_t tgid, int fd) const {
  if (pending_ && pending_->tgid == tgid && pending_->fd == fd) return pending_->name;
  return name(tgid, fd);
}

void FdTable::before_line(const Call& call) {
  pending_.reset();
  socket_arguments(call);  // a failed connect's too
  if (failed(call)) return;
  if (effect_of(call) == FdEffect::Dup) {
    if (auto from = name(call.tgid, static_cast<int>(call.args[0])))
      pending_ = Pending{call.tgid, static_cast<int>(call.ret), *from};
    return;
  }
  auto& table = tables_[call.tgid];
  int fd = static_cast<int>(call.ret);
  switch (effect_of(call)) {
    case FdEffect::OpenPath: {
      // A relative path is relative to the dirfd (AT_FDCWD: the cwd, from /proc).
      auto dir = name(call.tgid, dirfd_of(call));
      auto path = opened_path(call, dir && dir->detail.empty() ? &dir->path : nullptr);
      if (!path) path = proc_fd(call.tgid, fd);
      if (path)
        table[fd] = describe(*path);
      else
        table.erase(fd);
      if (path) {
        // Bounded: a long trace opens many files and few travel; forgetting costs a name
        // only if one of the forgotten is passed later and its receiver has gone from /proc.
        if (files_.size() >= kMaxFiles) files_.clear();
        for (const auto& f : created_files(call))
          if (f.fd == fd && f.ino) files_[f.ino] = {f.mode, table[fd]};
      }
      break;
    }
    case FdEffect::Received:
      for (const auto& f : files_of(call, true)) {
        if (auto seen = received_name(call.tgid, f))
          table[f.fd] = *seen;
        else
          table.erase(f.fd);
      }
      break;
    case FdEffect::NewFd:
      name_created(table, call.tgid, created_files(call), fd);
      break;
    case FdEffect::FdPair: {
      // The int[2] the call filled is its last pointer argument's capture.
      for (int i = 5; i >= 0; --i) {
        const CaptureView* cap = call.capture(i);
        if (!cap || cap->data.size() < 8) continue;
        int32_t fds[2];
        std::memcpy(fds, cap->data.data(), sizeof fds);
        auto created = created_files(call);
        for (int f : fds) name_created(table, call.tgid, created, f);
        break;
      }
      break;
    }
    default:
      break;
  }
  // -yy: the sockets the call returned, as it left them (accept's peer).
  if (detail_ >= 2)
    for (const auto& s : described_sockets(call))
      if (s.when == ES_AT_EXIT) table[s.fd] = socket_name(s);
}

void FdTable::after_line(const Call& call) {
  pending_.reset();
  if (failed(call)) return;
  auto& table = tables_[call.tgid];
  switch (effect_of(call)) {
    case FdEffect::Close:
      table.erase(static_cast<int>(call.args[0]));
      break;
    case FdEffect::Dup: {
      int from = static_cast<int>(call.args[0]);
      int to = static_cast<int>(call.ret);
      if (auto known = name(call.tgid, from)) table[to] = *known;
      break;
    }
    case FdEffect::Chdir:
      change_dir(call);
      break;
    default:
      break;
  }
}

// chdir names its new directory by a path, fchdir by a descriptor (the row's argument kind).
void FdTable::change_dir(const Call& call) {
  const syscalls::Signature* sig = syscalls::signature(call.nr);
  if (sig && sig->nargs > 0 && sig->args[0].kind == syscalls::ArgKind::Path) {
    auto now = cwd(call.tgid);
    if (auto path = opened_path(call, now ? &*now : nullptr))
      cwds_[call.tgid] = *path;
    else
      cwds_.erase(call.tgid);
  } else if (auto dir = name(call.tgid, static_cast<int>(call.args[0]));
             dir && dir->detail.empty()) {
    cwds_[call.tgid] = dir->path;
  }
}

void FdTable::fork(uint32_t parent_tgid, uint32_t child_tgid) {
  if (parent_tgid == child_tgid) return;  // a thread shares its process's table
  auto it = tables_.find(parent_tgid);
  if (it != tables_.end()) tables_[child_tgid] = it->second;
  if (auto dir = cwd(parent_tgid)) cwds_[child_tgid] = *dir;
}

// Which descriptors survive exec depends on O_CLOEXEC, which the table does not follow:
// keep the standard three (they survive in practice) and let /proc answer for the rest.
void FdTable::exec(uint32_t tgid) {
  auto it = tables_.find(tgid);
  if (it == tables_.end()) return;
  std::erase_if(it->second, [](const auto& entry) { return entry.first > 2; });
}

void FdTable::exit(uint32_t tgid) {
  tables_.erase(tgid);
  cwds_.erase(tgid);
}

void FdTracking::on_call_start(const Call& call, bool in_progress) {
  table_.socket_arguments(call);
  next_.on_call_start(call, in_progress);
}

void FdTracking::on_call_end(const Call& call, bool started) {
  tgid_of_[call.tid] = call.tgid;
  table_.before_line(call);
  if (!call.hidden) next_.on_call_end(call, started);  // hidden: only the table wants it
  table_.after_line(call);
  // A successful execve replaced the descriptor table.
  if (call.returned && call.ret == 0 && effect_of(call) == FdEffect::Exec) table_.exec(call.tgid);
}

void FdTracking::on_exit(const Exit& exit) {
  next_.on_exit(exit);
  if (exit.tid == exit.tgid) table_.exit(exit.tgid);
  tgid_of_.erase(exit.tid);
}

void FdTracking::on_fork(uint32_t parent_tid, uint32_t child_tid, uint32_t child_tgid) {
  auto parent = tgid_of_.find(parent_tid);
  table_.fork(parent != tgid_of_.end() ? parent->second : parent_tid, child_tgid);
  tgid_of_[child_tid] = child_tgid;
  next_.on_fork(parent_tid, child_tid, child_tgid);
}

void FdTracking::on_exec(uint32_t tid, uint32_t old_tid) { next_.on_exec(tid, old_tid); }

}  // namespace estrace::decode
