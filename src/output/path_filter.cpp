// output: -P PATH. See include/estrace/output/path_filter.h.
#include "estrace/output/path_filter.h"

#include <fcntl.h>

#include <algorithm>

#include "estrace/syscalls/signature.h"

namespace estrace::output {
namespace {

using syscalls::ArgKind;

bool is_fd_kind(ArgKind k) { return k == ArgKind::Fd || k == ArgKind::Dirfd; }

}  // namespace

bool may_touch_path(uint32_t nr) {
  const syscalls::Signature* sig = syscalls::signature(nr);
  if (!sig) return false;
  if (sig->ret == syscalls::RetKind::Fd) return true;
  return std::any_of(
      sig->args.begin(), sig->args.begin() + sig->nargs,
      [](const syscalls::ArgSig& a) { return a.kind == ArgKind::Path || is_fd_kind(a.kind); });
}

bool PathFilter::selected(std::string_view path) const {
  return std::any_of(paths_.begin(), paths_.end(), [&](const std::string& p) { return p == path; });
}

// A descriptor's path as -y has it (without -yy's details).
bool PathFilter::fd_selected(uint32_t tgid, int64_t fd, bool result) const {
  if (fd < 0 || fd > INT32_MAX) return false;
  auto name =
      result ? fds_.result_name(tgid, static_cast<int>(fd)) : fds_.name(tgid, static_cast<int>(fd));
  return name && !name->path.empty() && selected(name->path);
}

bool PathFilter::touches(const model::Call& call) const {
  const syscalls::Signature* sig = syscalls::signature(call.nr);  // x86_64 or ia32 (compat.h)
  if (!sig) return false;
  for (int i = 0; i < sig->nargs; ++i) {
    const ArgKind kind = sig->args[i].kind;
    if (kind == ArgKind::Path) {
      // Paths are captured whole; compare the bytes before the NUL.
      if (const model::CaptureView* cap = call.capture(i)) {
        std::string_view path = cap->data.substr(0, cap->data.find('\0'));
        if (selected(path)) return true;
      }
    } else if (is_fd_kind(kind)) {
      auto fd = static_cast<int32_t>(call.args[i]);
      if (fd != AT_FDCWD && fd_selected(call.tgid, fd, false)) return true;
    }
  }
  const bool failed = model::is_error_return(call.ret);
  return sig->ret == syscalls::RetKind::Fd && call.returned && !failed &&
         fd_selected(call.tgid, call.ret, true);
}

}  // namespace estrace::output
