// Error returns. glibc names the user-visible codes (strerrorname_np / strerrordesc_np); the
// kernel-internal ones (include/linux/errno.h) never reach a program but do reach a tracer, and
// strace gives them these texts. The four restart codes mean the call will be restarted, so
// strace shows "?" instead of -1.
#include "estrace/format/errno_text.h"

#include <cstring>
#include <string_view>

namespace estrace::format {
namespace {

// Laid out as the rows read (code, name, text, as in include/linux/errno.h), not for size: the
// analyzer's order would save 8 bytes a row over 18 rows.
// NOLINTNEXTLINE(clang-analyzer-optin.performance.Padding)
struct KernelErrno {
  int code;
  const char* name;
  const char* text;
  bool restart;
};

constexpr KernelErrno kKernelErrnos[] = {
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set", true},
    {513, "ERESTARTNOINTR", "To be restarted", true},
    {514, "ERESTARTNOHAND", "To be restarted if no handler", true},
    {515, "ENOIOCTLCMD", "No ioctl command", false},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal", true},
    {517, "EPROBE_DEFER", "Driver requests probe retry", false},
    {518, "EOPENSTALE", "Open found a stale dentry", false},
    {519, "ENOPARAM", "Parameter not supported", false},
    {521, "EBADHANDLE", "Illegal NFS file handle", false},
    {522, "ENOTSYNC", "Update synchronization mismatch", false},
    {523, "EBADCOOKIE", "Cookie is stale", false},
    {524, "ENOTSUPP", "Operation is not supported", false},
    {525, "ETOOSMALL", "Buffer or request is too small", false},
    {526, "ESERVERFAULT", "An untranslatable error occurred", false},
    {527, "EBADTYPE", "Type not supported by server", false},
    {528, "EJUKEBOX", "Request initiated, but will not complete before timeout", false},
    {529, "EIOCBQUEUED", "iocb queued, will get completion event", false},
    {530, "ERECALLCONFLICT", "Conflict with recalled state", false},
};

}  // namespace

void print_error_return(fmt::memory_buffer& out, int err) {
  for (const KernelErrno& k : kKernelErrnos) {
    if (k.code != err) continue;
    fmt::format_to(std::back_inserter(out), "{} {} ({})", k.restart ? "?" : "-1", k.name, k.text);
    return;
  }
  const char* name = strerrorname_np(err);
  const char* text = strerrordesc_np(err);
  if (name && text)
    fmt::format_to(std::back_inserter(out), "-1 {} ({})", name, text);
  else
    fmt::format_to(std::back_inserter(out), "-1 {} (Unknown error {})", err, err);
}

}  // namespace estrace::format
