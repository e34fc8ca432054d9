// format: -yy socket identities. See include/estrace/format/socket_identity.h.
#include "estrace/format/socket_identity.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "estrace/format/printers.h"
#include "estrace/format/xlat.h"
#include "estrace/format/xlat_tables.h"
#include "estrace/model/socket_identity.h"

namespace estrace::format {
namespace {

using model::sock_proto;

bool all_zero(const uint8_t* p, size_t n) {
  return std::all_of(p, p + n, [](uint8_t b) { return b == 0; });
}

// "127.0.0.1:80", "[::1]:80".
void print_endpoint(fmt::memory_buffer& out, int family, const uint8_t* addr, uint16_t port) {
  char text[INET6_ADDRSTRLEN] = "";
  inet_ntop(family, addr, text, sizeof text);
  if (family == AF_INET6)
    fmt::format_to(std::back_inserter(out), "[{}]:{}", text, port);
  else
    fmt::format_to(std::back_inserter(out), "{}:{}", text, port);
}

std::string inet_details(const es_sock_info& s) {
  const size_t addr_len = s.family == AF_INET6 ? 16 : 4;
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "{}:[", sock_proto(s));
  print_endpoint(out, s.family, s.local_addr, s.local_port);
  if (s.remote_port != 0 || !all_zero(s.remote_addr, addr_len)) {
    fmt::format_to(std::back_inserter(out), "->");
    print_endpoint(out, s.family, s.remote_addr, s.remote_port);
  }
  out.push_back(']');
  return fmt::to_string(out);
}

std::string unix_details(const es_sock_info& s) {
  const size_t len = std::min<size_t>(s.path_len, sizeof s.path);
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "{}:[{}", sock_proto(s), s.ino);
  if (s.peer_ino) fmt::format_to(std::back_inserter(out), "->{}", s.peer_ino);
  if (len) {
    out.push_back(',');
    std::string_view path(s.path, len);
    if (path[0] == '\0') {  // abstract: "@" and the name's bytes
      out.push_back('@');
      print_quoted(out, path.substr(1), HexMode::None, false);
    } else {
      print_quoted(out, path.substr(0, path.find('\0')), HexMode::None, false);
    }
  }
  out.push_back(']');
  return fmt::to_string(out);
}

std::string netlink_details(const es_sock_info& s) {
  std::string protocol;
  if (const char* name = xlat_name(xlat::kNetlinkProtos, s.protocol))
    protocol = std::string_view(name).substr(std::string_view("NETLINK_").size());
  else
    protocol = std::to_string(s.protocol);
  return fmt::format("{}:[{}:{}]", sock_proto(s), protocol, s.portid);
}

}  // namespace

std::optional<std::string> socket_details(const es_sock_info& s) {
  if (!model::sock_diag_answers(s)) return std::nullopt;
  switch (s.family) {
    case AF_INET:
    case AF_INET6:
      return inet_details(s);
    case AF_UNIX:
      return unix_details(s);
    case AF_NETLINK:
      return netlink_details(s);
    default:
      return std::nullopt;
  }
}

std::string socket_fallback(const es_sock_info& s) {
  std::string_view proto = sock_proto(s);
  return fmt::format("{}:[{}]", proto.empty() ? "socket" : proto, s.ino);
}

}  // namespace estrace::format
