// format: -yy's text from the facts the fd table keeps (format/fd_detail.cpp).
#include "estrace/format/fd_detail.h"

#include <sys/socket.h>

#include <cstring>

#include <gtest/gtest.h>

namespace estrace::format {
namespace {

TEST(FdDetail, DevicesByTheirNumbers) {
  EXPECT_EQ(fd_detail_text({}), "");
  EXPECT_EQ(fd_detail_text({model::Device{false, 1, 3}, std::nullopt}), "<char 1:3>");
  EXPECT_EQ(fd_detail_text({model::Device{true, 254, 0}, std::nullopt}), "<block 254:0>");
}

// A socket sock_diag answers for prints its details; one it would not, its protocol and inode.
TEST(FdDetail, SocketsByWhatSockDiagWouldSay) {
  es_sock_info s{};
  s.family = AF_UNIX;
  s.ino = 819592;
  std::strncpy(s.proto, "UNIX-STREAM", sizeof s.proto - 1);
  EXPECT_EQ(fd_detail_text({std::nullopt, s}), "UNIX-STREAM:[819592]");
  s.peer_ino = 819589;
  EXPECT_EQ(fd_detail_text({std::nullopt, s}), "UNIX-STREAM:[819592->819589]");
  es_sock_info unnamed{};
  unnamed.family = AF_PACKET;
  unnamed.ino = 7;
  EXPECT_EQ(fd_detail_text({std::nullopt, unnamed}), "socket:[7]");
}

}  // namespace
}  // namespace estrace::format
