// Network decoding: -yy socket identities (and, as estrace learns them, control messages).
// Expected lines follow strace 6.1 on the same program (alignment padding aside).
#include <regex>

#include "harness.h"

namespace it {
namespace {

class Network : public EstraceTest {};

// The connection's addresses as the call found them: the program prints its ports, which
// are the kernel's choice.
TEST_F(Network, DoubleYShowsTcpAddresses) {
  RunResult r = run_estrace({"-yy", "-e", "trace=sendto,accept", program("net_pair")});
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.status, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(client (\d+) server (\d+))"))) << r.out;
  const std::string client = m[1], server = m[2];
  auto lines = texts(join_unfinished(parse_trace(r.err)));
  EXPECT_TRUE(has_line(lines, literal("accept(3<TCP:[127.0.0.1:" + server +
                                      "]>, NULL, NULL) = 5<TCP:[127.0.0.1:" + server +
                                      "->127.0.0.1:" + client + "]>")))
      << r.err;
  EXPECT_TRUE(has_line(lines, literal("sendto(4<TCP:[127.0.0.1:" + client + "->127.0.0.1:" +
                                      server + "]>, \"ping\", 4, 0, NULL, 0) = 4")))
      << r.err;
}

// A descriptor passed over a unix socket: the control message, not its address.
TEST_F(Network, SendmsgShowsScmRights) {
  RunResult r = run_estrace({"-e", "trace=sendmsg", program("net_pair")});
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.status, 0) << r.err;
  auto lines = texts(join_unfinished(parse_trace(r.err)));
  EXPECT_TRUE(
      has_line(lines, literal("sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", "
                              "iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, "
                              "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}], "
                              "msg_controllen=24, msg_flags=0}, 0) = 1")));
}

// recvmmsg's messages with what they received, and -y naming the descriptors that arrived
// with SCM_RIGHTS (on its line and on the close that follows) as strace 6.1 does.
TEST_F(Network, RecvmmsgShowsContentsAndNamesReceivedFds) {
  RunResult r = run_estrace({"-y", "-e", "trace=recvmmsg,close", program("net_pair")});
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.status, 0) << r.err;
  auto lines = texts(join_unfinished(parse_trace(r.err)));
  const std::string message =
      R"(\{msg_hdr=\{msg_name=NULL, msg_namelen=0, msg_iov=\[\{iov_base="x", iov_len=4\}\], )"
      R"(msg_iovlen=1, msg_control=\[\{cmsg_len=20, cmsg_level=SOL_SOCKET, )"
      R"(cmsg_type=SCM_RIGHTS, cmsg_data=\[)";
  const std::string end = R"(\]\}\], msg_controllen=24, msg_flags=0\}, msg_len=1\})";
  // The first descriptor is a copy of stdin, whatever the test runner gave it (a file opened
  // before tracing is named only while /proc still shows it).
  EXPECT_TRUE(has_line(lines, R"(recvmmsg\(4<socket:\[\d+\]>, \[)" + message + "6(<[^>]+>)?" + end +
                                  ", " + message + "7</dev/null>" + end +
                                  R"(\], 2, MSG_DONTWAIT, NULL\) = 2)"))
      << r.err;
  EXPECT_TRUE(has_line(lines, literal("close(7</dev/null>) = 0"))) << r.err;
}

// A capture part left out (as on a kernel whose verifier refuses it): the rest is traced,
// the call prints its pointer, and estrace says once what is off.
TEST_F(Network, CapturePartLeftOutPrintsThePointerAndSaysSo) {
  SpawnOptions opts;
  opts.env = std::vector<std::string>{"ESTRACE_CAPTURE_OFF=mmsg", "PATH=/usr/bin:/bin"};
  RunResult r = run_estrace({"-e", "trace=recvmmsg,sendmsg", program("net_pair")}, opts);
  ASSERT_FALSE(r.timed_out) << r.err;
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("estrace: sendmmsg/recvmmsg message contents are not decoded "
                       "(ESTRACE_CAPTURE_OFF)\n"),
            std::string::npos)
      << r.err;
  auto lines = texts(join_unfinished(parse_trace(r.err)));
  EXPECT_TRUE(has_line(lines, R"(recvmmsg\(4, 0x[0-9a-f]+, 2, MSG_DONTWAIT, NULL\) = 2)")) << r.err;
  EXPECT_TRUE(has_line(lines, literal("sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{"
                                      "iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{"
                                      "cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
                                      "cmsg_data=[0]}], msg_controllen=24, msg_flags=0}, 0) = 1")))
      << r.err;
}

}  // namespace
}  // namespace it
