// format: setsockopt/getsockopt. Every expectation is a line strace 6.1 printed on this machine
// for the same call (addresses as they came).
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <string>

#include <gtest/gtest.h>

#include "estrace/abi/event.h"
#include "estrace/format/call_formatter.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::format {
namespace {

constexpr uint64_t kVal = 0x7ffce8688d54, kLen = 0x7ffce8688d50;

struct Sockopt {
  model::Call call;
  std::deque<std::string> store;

  Sockopt(const char* name, int level, int opt, uint64_t val, uint64_t len, int64_t ret) {
    call.nr = *syscalls::number_of(name);
    call.args = {3, static_cast<uint64_t>(level), static_cast<uint64_t>(opt), val, len, 0};
    call.ret = ret;
  }
  Sockopt& cap(int arg, uint8_t kind, std::string data, bool at_enter = false) {
    store.push_back(std::move(data));
    call.captures[call.ncaptures++] = {uint8_t(arg), kind, 0, store.back(), at_enter};
    return *this;
  }
  // setsockopt's optval as the BPF side copies it.
  Sockopt& value(std::string bytes) { return cap(3, ES_CAP_BUF_ARG, std::move(bytes)); }
  // getsockopt: *optlen before and after the call, and what the call wrote.
  Sockopt& got(std::string bytes, uint32_t ulen, uint32_t rlen) {
    cap(4, ES_CAP_FIXED, std::string(reinterpret_cast<const char*>(&ulen), 4), true);
    cap(4, ES_CAP_FIXED, std::string(reinterpret_cast<const char*>(&rlen), 4));
    return cap(3, ES_CAP_BUF_ARGPTR, std::move(bytes));
  }
};

std::string i32(int32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); }

std::string line(const Sockopt& s) {
  CallFormatter f(Style{});
  fmt::memory_buffer out;
  f.enter_part(s.call, out);
  f.exit_part(s.call, out);
  return fmt::to_string(out);
}

TEST(FormatSockopt, SetInt) {
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_REUSEADDR, kVal, 4, 0).value(i32(1))),
            "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
  EXPECT_EQ(line(Sockopt("setsockopt", IPPROTO_IP, IP_TOS, kVal, 4, 0).value(i32(1))),
            "setsockopt(3, SOL_IP, IP_TOS, [1], 4)   = 0");
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_PRIORITY, kVal, 4, 0).value(i32(-5))),
            "setsockopt(3, SOL_SOCKET, SO_PRIORITY, [-5], 4) = 0");
  // An int option shows an int for any length from 4 up, and only the address below.
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_REUSEPORT, kVal, 8, 0)
                     .value(std::string("\7\0\0\0\0\0\0\0", 8))),
            "setsockopt(3, SOL_SOCKET, SO_REUSEPORT, [7], 8) = 0");
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_REUSEADDR, kVal, 2, -EINVAL)
                     .value(std::string("\1\0", 2))),
            "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x7ffce8688d54, 2) = -1 EINVAL (Invalid "
            "argument)");
}

TEST(FormatSockopt, SetOtherSizes) {
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_BINDTODEVICE, kVal, 3, 0)
                     .value(std::string("lo\0", 3))),
            "setsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"lo\\0\", 3) = 0");
  EXPECT_EQ(line(Sockopt("setsockopt", IPPROTO_TCP, TCP_CONGESTION, kVal, 5, 0).value("cubic")),
            "setsockopt(3, SOL_TCP, TCP_CONGESTION, \"cubic\", 5) = 0");
  // Not an int option: the bytes, whatever the length but 4.
  EXPECT_EQ(line(Sockopt("setsockopt", IPPROTO_TCP, TCP_NODELAY, kVal, 2, -EINVAL).value("ab")),
            "setsockopt(3, SOL_TCP, TCP_NODELAY, \"ab\", 2) = -1 EINVAL (Invalid argument)");
  std::string tv("\1\0\0\0\0\0\0\0\364\1\0\0\0\0\0\0", 16);
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_RCVTIMEO_OLD, kVal, 16, 0).value(tv)),
            "setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_OLD, "
            "\"\\1\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0\", 16) = 0");
  std::string big = std::string("abcdefghijklmno\0", 16) + std::string(16, '\0');
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, 9999, kVal, 64, -ENOPROTOOPT).value(big)),
            "setsockopt(3, SOL_SOCKET, 0x270f /* SO_??? */, "
            "\"abcdefghijklmno\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"..., 64) = -1 "
            "ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, 9999, kVal, 0, -EINVAL)),
            "setsockopt(3, SOL_SOCKET, 0x270f /* SO_??? */, \"\", 0) = -1 EINVAL (Invalid "
            "argument)");
}

TEST(FormatSockopt, SetStructsAndAddresses) {
  struct linger lg = {1, 5};
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_LINGER, kVal, 8, 0)
                     .value(std::string(reinterpret_cast<const char*>(&lg), 8))),
            "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0");
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_LINGER, kVal, 4, -EINVAL).value("abcd")),
            "setsockopt(3, SOL_SOCKET, SO_LINGER, 0x7ffce8688d54, 4) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line(Sockopt("setsockopt", SOL_SOCKET, SO_REUSEADDR, 0, 4, -EFAULT)),
            "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, NULL, 4) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(Sockopt("setsockopt", 12345, 1, kVal, 4, -ENOPROTOOPT).value(i32(1))),
            "setsockopt(3, 0x3039 /* SOL_?? */, 1, [1], 4) = -1 ENOPROTOOPT (Protocol not "
            "available)");
}

TEST(FormatSockopt, GetInt) {
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_TYPE, kVal, kLen, 0).got(i32(1), 4, 4)),
            "getsockopt(3, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
  EXPECT_EQ(
      line(Sockopt("getsockopt", SOL_SOCKET, SO_RCVBUF, kVal, kLen, 0).got(i32(131072), 16, 4)),
      "getsockopt(3, SOL_SOCKET, SO_RCVBUF, [131072], [16 => 4]) = 0");
  EXPECT_EQ(line(Sockopt("getsockopt", IPPROTO_TCP, TCP_MAXSEG, kVal, kLen, 0).got(i32(536), 4, 4)),
            "getsockopt(3, SOL_TCP, TCP_MAXSEG, [536], [4]) = 0");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_IPV6, IPV6_V6ONLY, kVal, kLen, 0).got(i32(1), 4, 4)),
            "getsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], [4]) = 0");
  EXPECT_EQ(
      line(Sockopt("getsockopt", SOL_SOCKET, SO_ERROR, kVal, kLen, 0).got(i32(ECONNREFUSED), 4, 4)),
      "getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");
  // Shorter than an int: an int option's bytes in hex, any other's as a string.
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_REUSEADDR, kVal, kLen, 0)
                     .got(std::string("\0\0", 2), 2, 2)),
            "getsockopt(3, SOL_SOCKET, SO_REUSEADDR, \"\\x00\\x00\", [2]) = 0");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_TYPE, kVal, kLen, 0)
                     .got(std::string("\1\0", 2), 2, 2)),
            "getsockopt(3, SOL_SOCKET, SO_TYPE, \"\\1\\0\", [2]) = 0");
}

TEST(FormatSockopt, GetStructsAndStrings) {
  struct linger lg = {1, 5};
  std::string lgb(reinterpret_cast<const char*>(&lg), 8);
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_LINGER, kVal, kLen, 0).got(lgb, 8, 8)),
            "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, [8]) = 0");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_LINGER, kVal, kLen, 0).got(lgb, 4, 4)),
            "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1}, [4]) = 0");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_LINGER, kVal, kLen, 0)
                     .got(std::string("\0\0", 2), 2, 2)),
            "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=\"\\x00\\x00\"}, [2]) = 0");
  int32_t cred[3] = {0, -1, -1};
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_PEERCRED, kVal, kLen, 0)
                     .got(std::string(reinterpret_cast<const char*>(cred), 12), 16, 12)),
            "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=0, uid=-1, gid=-1}, [16 => 12]) = 0");
  EXPECT_EQ(
      line(Sockopt("getsockopt", IPPROTO_TCP, TCP_CONGESTION, kVal, kLen, 0)
               .got(std::string("bbr\0\0\0\0\0\0\0\0\0\0\0\0\0", 16), 300, 16)),
      "getsockopt(3, SOL_TCP, TCP_CONGESTION, \"bbr\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", "
      "[300 => 16]) = 0");
}

TEST(FormatSockopt, GetFailedOrEmpty) {
  // Nothing written: the address, and the length as it was.
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_TYPE, 1, kLen, -EFAULT)
                     .cap(4, ES_CAP_FIXED, i32(4), true)),
            "getsockopt(3, SOL_SOCKET, SO_TYPE, 0x1, [4]) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, 9999, 0x7ffce8688d50, kLen, -ENOPROTOOPT)
                     .cap(4, ES_CAP_FIXED, i32(4), true)),
            "getsockopt(3, SOL_SOCKET, 0x270f /* SO_??? */, 0x7ffce8688d50, [4]) = -1 "
            "ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_TYPE, 0x7ffc0f8774ec, kLen, -EINVAL)
                     .cap(4, ES_CAP_FIXED, i32(-1), true)),
            "getsockopt(3, SOL_SOCKET, SO_TYPE, 0x7ffc0f8774ec, [-1]) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_TYPE, 0x7ffce8688d50, 0, -EFAULT)),
            "getsockopt(3, SOL_SOCKET, SO_TYPE, 0x7ffce8688d50, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line(Sockopt("getsockopt", SOL_SOCKET, SO_BINDTODEVICE, 0x7ffc0f8774f0, kLen, 0)
                     .got("", 64, 0)),
            "getsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, 0x7ffc0f8774f0, [64 => 0]) = 0");
  EXPECT_EQ(
      line(Sockopt("getsockopt", SOL_SOCKET, SO_GET_FILTER, 0x7ffc0f8774f0, kLen, 0).got("", 8, 0)),
      "getsockopt(3, SOL_SOCKET, SO_GET_FILTER, 0x7ffc0f8774f0, [8 => 0]) = 0");
}

}  // namespace
}  // namespace estrace::format
