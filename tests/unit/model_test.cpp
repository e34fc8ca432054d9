// model: the values between decode and format: the kernel's error range, and which sockets
// sock_diag would answer for (what decides both the fd table's cache and format's text).
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <limits>

#include <gtest/gtest.h>

#include "estrace/model/event.h"
#include "estrace/model/socket_identity.h"

namespace estrace::model {
namespace {

TEST(Model, ErrorReturnsAreTheKernelsRange) {
  EXPECT_TRUE(is_error_return(-1));
  EXPECT_TRUE(is_error_return(-4095));
  EXPECT_FALSE(is_error_return(-4096));  // below the range: a value (an address, lseek's offset)
  EXPECT_FALSE(is_error_return(std::numeric_limits<int64_t>::min()));
  EXPECT_FALSE(is_error_return(0));
  EXPECT_FALSE(is_error_return(3));
}

es_sock_info sock(uint16_t family, const char* proto) {
  es_sock_info s{};
  s.family = family;
  s.ino = 4242;
  std::strncpy(s.proto, proto, sizeof s.proto - 1);
  return s;
}

TEST(Model, SockDiagAnswersOnceThereIsSomethingToSay) {
  es_sock_info tcp = sock(AF_INET, "TCP");
  EXPECT_EQ(sock_proto(tcp), "TCP");
  EXPECT_FALSE(sock_diag_answers(tcp));  // no port yet
  tcp.local_port = 80;
  EXPECT_TRUE(sock_diag_answers(tcp));
  es_sock_info raw = sock(AF_INET, "RAW");
  raw.local_port = 1;
  EXPECT_FALSE(sock_diag_answers(raw));  // strace asks inet_diag only about TCP/UDP/UDPLITE

  es_sock_info unix_sock = sock(AF_UNIX, "UNIX-STREAM");
  EXPECT_FALSE(sock_diag_answers(unix_sock));  // neither name nor peer
  unix_sock.peer_ino = 4243;
  EXPECT_TRUE(sock_diag_answers(unix_sock));

  es_sock_info netlink = sock(AF_NETLINK, "NETLINK");
  EXPECT_FALSE(sock_diag_answers(netlink));  // not bound
  netlink.portid = 11404;
  EXPECT_TRUE(sock_diag_answers(netlink));

  EXPECT_FALSE(sock_diag_answers(sock(AF_PACKET, "PACKET")));
  EXPECT_EQ(sock_proto(sock(AF_PACKET, "")), "");
}

}  // namespace
}  // namespace estrace::model
