// format: -yy socket identities from synthetic es_sock_info records (strace 6.1's texts).
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "estrace/format/socket_identity.h"

namespace estrace::format {
namespace {

es_sock_info sock(uint16_t family, const char* proto, uint64_t ino) {
  es_sock_info s{};
  s.family = family;
  s.ino = ino;
  std::strncpy(s.proto, proto, sizeof s.proto - 1);
  return s;
}

es_sock_info inet(const char* proto, const char* local, uint16_t lport, const char* remote,
                  uint16_t rport) {
  const bool v6 = std::strchr(proto, 'v') != nullptr;
  es_sock_info s = sock(v6 ? AF_INET6 : AF_INET, proto, 4242);
  inet_pton(s.family, local, s.local_addr);
  inet_pton(s.family, remote, s.remote_addr);
  s.local_port = lport;
  s.remote_port = rport;
  return s;
}

TEST(SocketIdentity, InetConnectedBoundAndUnbound) {
  EXPECT_EQ(socket_details(inet("TCP", "127.0.0.1", 41234, "127.0.0.1", 80)),
            "TCP:[127.0.0.1:41234->127.0.0.1:80]");
  EXPECT_EQ(socket_details(inet("TCP", "127.0.0.1", 5555, "0.0.0.0", 0)), "TCP:[127.0.0.1:5555]");
  EXPECT_EQ(socket_details(inet("UDP", "0.0.0.0", 48379, "0.0.0.0", 0)), "UDP:[0.0.0.0:48379]");
  EXPECT_EQ(socket_details(inet("TCPv6", "::1", 37993, "::1", 53628)),
            "TCPv6:[[::1]:37993->[::1]:53628]");
  EXPECT_EQ(socket_details(inet("UDPv6", "::", 38589, "::", 0)), "UDPv6:[[::]:38589]");
  // No port yet: sock_diag does not know it; strace prints the protocol and inode.
  auto unbound = inet("TCP", "0.0.0.0", 0, "0.0.0.0", 0);
  EXPECT_EQ(socket_details(unbound), std::nullopt);
  EXPECT_EQ(socket_fallback(unbound), "TCP:[4242]");
}

TEST(SocketIdentity, UnixPeerAndPath) {
  es_sock_info s = sock(AF_UNIX, "UNIX-STREAM", 819592);
  EXPECT_EQ(socket_details(s), std::nullopt);  // neither name nor peer
  s.peer_ino = 819589;
  EXPECT_EQ(socket_details(s), "UNIX-STREAM:[819592->819589]");
  std::strcpy(s.path, "/run/x.sock");
  s.path_len = sizeof "/run/x.sock";  // the kernel counts the NUL of a pathname
  EXPECT_EQ(socket_details(s), "UNIX-STREAM:[819592->819589,\"/run/x.sock\"]");
  s.peer_ino = 0;
  EXPECT_EQ(socket_details(s), "UNIX-STREAM:[819592,\"/run/x.sock\"]");
}

TEST(SocketIdentity, UnixAbstractName) {
  es_sock_info s = sock(AF_UNIX, "UNIX", 12345);
  std::memcpy(s.path, "\0abstract", 9);
  s.path_len = 9;
  EXPECT_EQ(socket_details(s), "UNIX:[12345,@\"abstract\"]");
}

TEST(SocketIdentity, NetlinkProtocolAndPort) {
  es_sock_info s = sock(AF_NETLINK, "NETLINK", 819615);
  s.protocol = NETLINK_ROUTE;
  EXPECT_EQ(socket_details(s), std::nullopt);  // not bound: no port id
  EXPECT_EQ(socket_fallback(s), "NETLINK:[819615]");
  s.portid = 11404;
  EXPECT_EQ(socket_details(s), "NETLINK:[ROUTE:11404]");
  s.protocol = NETLINK_KOBJECT_UEVENT;
  EXPECT_EQ(socket_details(s), "NETLINK:[KOBJECT_UEVENT:11404]");
}

TEST(SocketIdentity, OtherFamiliesFallBack) {
  es_sock_info raw = sock(AF_INET, "RAW", 819641);
  raw.local_port = 1;  // a raw socket's "port" is its protocol: sock_diag is not asked
  EXPECT_EQ(socket_details(raw), std::nullopt);
  EXPECT_EQ(socket_fallback(raw), "RAW:[819641]");
  EXPECT_EQ(socket_fallback(sock(AF_PACKET, "", 7)), "socket:[7]");
}

}  // namespace
}  // namespace estrace::format
