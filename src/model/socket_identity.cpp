// model: socket identity facts. See include/estrace/model/socket_identity.h.
#include "estrace/model/socket_identity.h"

#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <iterator>

namespace estrace::model {
namespace {

// Protocols whose addresses inet_diag reports (strace asks it for these and no others).
constexpr std::string_view kInetProtos[] = {"TCP", "UDP", "UDPLITE", "TCPv6", "UDPv6", "UDPLITEv6"};

}  // namespace

std::string_view sock_proto(const es_sock_info& s) {
  return {s.proto, strnlen(s.proto, sizeof s.proto)};
}

bool sock_diag_answers(const es_sock_info& s) {
  switch (s.family) {
    case AF_INET:
    case AF_INET6: {
      std::string_view proto = sock_proto(s);
      const bool asked =
          std::find(std::begin(kInetProtos), std::end(kInetProtos), proto) != std::end(kInetProtos);
      return asked && s.local_port != 0;  // no port: not in the tables sock_diag walks
    }
    case AF_UNIX:
      return s.peer_ino != 0 || std::min<size_t>(s.path_len, sizeof s.path) != 0;
    case AF_NETLINK:
      return s.portid != 0;
    default:
      return false;
  }
}

}  // namespace estrace::model
