// format: sendmsg/recvmsg control messages (msg_control) from synthetic captures, in strace
// 6.1's words.
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "call_builder.h"

namespace estrace::testing {
namespace {

// A msghdr capture with no name and no iovec, and the control buffer's capture.
CallBuilder sendmsg_with(const std::string& control) {
  CallBuilder b("sendmsg", {3, 0x1000, 0}, 0);
  es_msghdr_head h{};
  h.control = 0x2000;
  h.controllen = control.size();
  b.cap(1, ES_CAP_MSGHDR_ARG, std::string(reinterpret_cast<const char*>(&h), sizeof h));
  b.cap(1, ES_CAP_MSG_CONTROL, control);
  return b;
}

std::string cmsg(int level, int type, const void* data, size_t len) {
  std::string bytes(CMSG_SPACE(len), '\0');
  auto* c = reinterpret_cast<cmsghdr*>(bytes.data());
  c->cmsg_len = CMSG_LEN(len);
  c->cmsg_level = level;
  c->cmsg_type = type;
  std::memcpy(CMSG_DATA(c), data, len);
  return bytes;
}

TEST(FormatCmsg, RightsAndCredentials) {
  int fds[2] = {0, 1};
  ucred cred{1234, 0, 0};
  auto b = sendmsg_with(cmsg(SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds) +
                        cmsg(SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof cred));
  EXPECT_EQ(line(b),
            "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[], msg_iovlen=0, "
            "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
            "cmsg_data=[0, 1]}, {cmsg_len=28, cmsg_level=SOL_SOCKET, "
            "cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=1234, uid=0, gid=0}}], "
            "msg_controllen=56, msg_flags=0}, 0) = 0");
}

TEST(FormatCmsg, IpTtlAndTos) {
  int ttl = 64;
  uint8_t tos = 0;
  auto b = sendmsg_with(cmsg(SOL_IP, IP_TTL, &ttl, sizeof ttl));
  EXPECT_NE(line(b).find("msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, "
                         "cmsg_data=[64]}]"),
            std::string::npos)
      << line(b);
  auto t = sendmsg_with(cmsg(SOL_IP, IP_TOS, &tos, 1));
  EXPECT_NE(line(t).find("{cmsg_len=17, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0]}"),
            std::string::npos)
      << line(t);
}

TEST(FormatCmsg, UncopiedControlShowsItsAddress) {
  CallBuilder b("sendmsg", {3, 0x1000, 0}, 0);
  es_msghdr_head h{};
  h.control = 0x2000;
  h.controllen = 24;
  b.cap(1, ES_CAP_MSGHDR_ARG, std::string(reinterpret_cast<const char*>(&h), sizeof h));
  EXPECT_NE(line(b).find("msg_control=0x2000, msg_controllen=24"), std::string::npos) << line(b);
}

}  // namespace
}  // namespace estrace::testing
