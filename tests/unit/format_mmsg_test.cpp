// format: sendmmsg/recvmmsg message arrays and recvmmsg's timeout from synthetic captures,
// in strace 6.1's words (the lines below are what it printed for the same calls).
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "call_builder.h"
#include "estrace/format/io_dump.h"

namespace estrace::testing {
namespace {

std::string bytes_of(const void* p, size_t n) { return {static_cast<const char*>(p), n}; }

// One iovec item as the BPF side writes it: its header, then the bytes it copied.
std::string iovec_item(uint64_t len, const std::string& copied) {
  es_iovec_item item{};
  item.base = 0x5000;
  item.len = len;
  item.copied = static_cast<uint32_t>(copied.size());
  return bytes_of(&item, sizeof item) + copied;
}

// One message: es_mmsg_item, its address, its control bytes, its iovec items.
std::string message(uint32_t msg_len, const std::vector<std::string>& iovecs,
                    const std::string& name = {}, const std::string& control = {},
                    uint32_t flags = 0) {
  std::string iov;
  for (const auto& i : iovecs) iov += i;
  es_mmsg_item m{};
  m.hdr.name = name.empty() ? 0 : 0x6000;
  m.hdr.namelen = static_cast<uint32_t>(name.size());
  m.hdr.name_copied = static_cast<uint32_t>(name.size());
  m.hdr.iov = 0x7000;
  m.hdr.iovlen = iovecs.size();
  m.hdr.control = control.empty() ? 0 : 0x8000;
  m.hdr.controllen = control.size();
  m.hdr.flags = flags;
  m.msg_len = msg_len;
  m.control_copied = static_cast<uint32_t>(control.size());
  m.iov_bytes = static_cast<uint32_t>(iov.size());
  return bytes_of(&m, sizeof m) + name + control + iov;
}

const std::string kHello = iovec_item(5, "hello");

TEST(FormatMmsg, SendShowsMsgLenOfTheMessagesSent) {
  CallBuilder b("sendmmsg", {3, 0x1000, 2, MSG_DONTWAIT}, 1);
  b.cap(1, ES_CAP_MMSGHDR_ARG, message(5, {kHello}) + message(0, {iovec_item(6, " world")}));
  EXPECT_EQ(line(b),
            "sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, "
            "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\" world\", iov_len=6}], "
            "msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 2, MSG_DONTWAIT) = 1");
}

TEST(FormatMmsg, FailedSendShowsNoMsgLenEmptyAndFaultedArrays) {
  CallBuilder failed("sendmmsg", {9, 0x1000, 1, 0}, -EBADF);
  failed.cap(1, ES_CAP_MMSGHDR_ARG, message(0, {kHello}));
  EXPECT_EQ(line(failed),
            "sendmmsg(9, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 1, 0) = -1 EBADF (Bad "
            "file descriptor)");
  CallBuilder empty("sendmmsg", {3, 0x1000, 0, 0}, 0);
  empty.cap(1, ES_CAP_MMSGHDR_ARG, "");
  EXPECT_EQ(line(empty), "sendmmsg(3, [], 0, 0)                   = 0");
  CallBuilder fault("sendmmsg", {3, 0x8, 1, 0}, -EFAULT);
  fault.cap(1, ES_CAP_MMSGHDR_ARG, "", ES_CAPR_FAULT);
  EXPECT_EQ(line(fault), "sendmmsg(3, 0x8, 1, 0)                  = -1 EFAULT (Bad address)");
}

TEST(FormatMmsg, AbbreviatedAfterStringLimitUnlessVerbose) {
  CallBuilder b("sendmmsg", {3, 0x1000, 3, 0}, 3);
  b.cap(1, ES_CAP_MMSGHDR_ARG, message(5, {kHello}) + message(5, {kHello}));
  format::Style st;
  st.string_limit = 2;
  const std::string one =
      "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"he\"..., iov_len=5}], "
      "msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}";
  EXPECT_EQ(line(b, st), "sendmmsg(3, [" + one + ", " + one + ", ...], 3, 0) = 3");
  st.verbose = true;  // -v: every message copied is shown, and "..." only for the rest
  EXPECT_EQ(line(b, st), "sendmmsg(3, [" + one + ", " + one + ", ...], 3, 0) = 3");
  b.cap(1, ES_CAP_MMSGHDR_ARG, message(5, {kHello}) + message(5, {kHello}) + message(5, {kHello}));
  b.call.captures[0] = b.call.captures[1];
  b.call.ncaptures = 1;
  EXPECT_EQ(line(b, st), "sendmmsg(3, [" + one + ", " + one + ", " + one + "], 3, 0) = 3");
}

TEST(FormatMmsg, ReceiveFillsEachMessageUpToItsMsgLen) {
  sockaddr_in from{};
  from.sin_family = AF_INET;
  from.sin_port = htons(4242);
  from.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CallBuilder b("recvmmsg", {4, 0x1000, 4, MSG_WAITFORONE, 0}, 1);
  b.cap(1, ES_CAP_MMSGHDR_RET,
        message(11, {iovec_item(8, "hello wo"), iovec_item(8, "rld\0\0\0\0\0")},
                bytes_of(&from, sizeof from), {}, MSG_TRUNC));
  EXPECT_EQ(line(b),
            "recvmmsg(4, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(4242), "
            "sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16, msg_iov=[{iov_base=\"hello wo\", "
            "iov_len=8}, {iov_base=\"rld\", iov_len=8}], msg_iovlen=2, msg_controllen=0, "
            "msg_flags=MSG_TRUNC}, msg_len=11}], 4, MSG_WAITFORONE, NULL) = 1");
}

TEST(FormatMmsg, ReceivedControlMessages) {
  std::string control(CMSG_SPACE(2 * sizeof(int)), '\0');
  auto* cm = reinterpret_cast<cmsghdr*>(control.data());
  cm->cmsg_len = CMSG_LEN(2 * sizeof(int));
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  const int fds[2] = {7, 8};
  std::memcpy(CMSG_DATA(cm), fds, sizeof fds);
  CallBuilder b("recvmmsg", {4, 0x1000, 1, 0, 0}, 1);
  b.cap(1, ES_CAP_MMSGHDR_RET, message(1, {iovec_item(1, "h")}, {}, control));
  EXPECT_NE(line(b).find("msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, "
                         "cmsg_type=SCM_RIGHTS, cmsg_data=[7, 8]}], msg_controllen=24"),
            std::string::npos)
      << line(b);
}

TEST(FormatMmsg, FailedReceiveIsAnAddressTimeoutAsItStartedAndTheTimeLeft) {
  const int64_t given[2] = {1, 0}, left[2] = {0, 999992289};
  CallBuilder failed("recvmmsg", {4, 0x1000, 4, MSG_DONTWAIT, 0x2000}, -EAGAIN);
  failed.fixed(4, given, true);
  EXPECT_EQ(line(failed),
            "recvmmsg(4, 0x1000, 4, MSG_DONTWAIT, {tv_sec=1, tv_nsec=0}) = -1 EAGAIN (Resource "
            "temporarily unavailable)");
  CallBuilder b("recvmmsg", {4, 0x1000, 4, 0, 0x2000}, 1);
  b.cap(1, ES_CAP_MMSGHDR_RET, message(5, {iovec_item(64, "hello")}));
  b.fixed(4, given, true).fixed(4, left);
  EXPECT_EQ(line(b),
            "recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", "
            "iov_len=64}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 4, 0, "
            "{tv_sec=1, tv_nsec=0}) = 1 (left {tv_sec=0, tv_nsec=999992289})");
}

// -e write= / -e read=: a message vector's buffers per message, as strace's dumpio shows them
// (" = N buffers in vector I", then each buffer up to the message's msg_len); a msghdr's as an
// iovec's.
std::string dump(const CallBuilder& b, bool writes) {
  fmt::memory_buffer out;
  auto all = [](int) { return true; };
  format::format_io_dump(b.call, writes ? nullptr : std::function<bool(int)>(all),
                         writes ? std::function<bool(int)>(all) : nullptr, out);
  return fmt::to_string(out);
}

TEST(FormatMmsg, DumpsEachMessagesBuffers) {
  CallBuilder recv("recvmmsg", {4, 0x1000, 2, 0, 0}, 2);
  recv.cap(1, ES_CAP_MMSGHDR_RET,
           message(6, {iovec_item(10, "world,"), iovec_item(64, "")}) +
               message(8, {iovec_item(10, "world, a l"), iovec_item(64, "onger")}));
  EXPECT_EQ(dump(recv, false),
            " = 2 buffers in vector 0\n"
            " * 6 bytes in buffer 0\n"
            " | 00000  77 6f 72 6c 64 2c                                 world,           |\n"
            " = 2 buffers in vector 1\n"
            " * 8 bytes in buffer 0\n"
            " | 00000  77 6f 72 6c 64 2c 20 61                           world, a         |\n");
  CallBuilder failed("recvmmsg", {4, 0x1000, 2, 0, 0}, -11);
  failed.cap(1, ES_CAP_MMSGHDR_RET, message(6, {kHello}));
  EXPECT_EQ(dump(failed, false), "");

  es_msghdr_head head{};
  head.iov = 0x7000;
  head.iovlen = 1;
  CallBuilder send("sendmsg", {3, 0x1000, 0}, 5);
  send.cap(1, ES_CAP_MSGHDR_ARG, bytes_of(&head, sizeof head) + kHello);
  EXPECT_EQ(dump(send, true),
            " * 5 bytes in buffer 0\n"
            " | 00000  68 65 6c 6c 6f                                    hello            |\n");
}

}  // namespace
}  // namespace estrace::testing
