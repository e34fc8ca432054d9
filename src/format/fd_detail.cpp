// format: -yy descriptor details. See include/estrace/format/fd_detail.h.
#include "estrace/format/fd_detail.h"

#include <fmt/format.h>

#include "estrace/format/socket_identity.h"

namespace estrace::format {

std::string fd_detail_text(const model::FdDetail& detail) {
  if (detail.device)
    return fmt::format("<{} {}:{}>", detail.device->block ? "block" : "char",
                       detail.device->major_nr, detail.device->minor_nr);
  // A socket sock_diag would not answer for yet is named by its protocol and inode.
  if (detail.socket) {
    if (auto details = socket_details(*detail.socket)) return *details;
    return socket_fallback(*detail.socket);
  }
  return {};
}

}  // namespace estrace::format
