// format: -X (raw, verbose) comes from each formatter's Style: constants inside structures and
// signal lines follow it, the named half of a verbose constant is abbreviated, and two
// formatters with different modes never see each other's.
#include <signal.h>

#include <cstdint>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "call_builder.h"
#include "estrace/format/call_formatter.h"

namespace estrace::format {
namespace {

using C = testing::CallBuilder;
using testing::line;

Style with_xlat(XlatMode mode) {
  Style st;
  st.xlat = mode;
  return st;
}

TEST(FormatXlat, EachFormatterKeepsItsOwnMode) {
  C socket("socket", {2, 0x80001, 6}, 3);
  C futex("futex", {0x7f96783fc990, 0x81, 1, 0, 0, 0}, 0);
  const Style raw = with_xlat(XlatMode::Raw), verbose = with_xlat(XlatMode::Verbose);
  // Interleaved: what one line used does not carry over to the next, in either direction.
  EXPECT_EQ(line(socket, raw), "socket(0x2, 0x80001, 0x6)               = 3");
  EXPECT_EQ(line(socket), "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3");
  EXPECT_EQ(line(futex, verbose), "futex(0x7f96783fc990, 0x81 /* FUTEX_WAKE_PRIVATE */, 1) = 0");
  EXPECT_EQ(line(futex, raw), "futex(0x7f96783fc990, 0x81, 1)          = 0");
  EXPECT_EQ(line(futex), "futex(0x7f96783fc990, FUTEX_WAKE_PRIVATE, 1) = 0");
  EXPECT_EQ(line(socket, verbose),
            "socket(0x2 /* AF_INET */, 0x80001 /* SOCK_STREAM|SOCK_CLOEXEC */, 0x6 /* IPPROTO_TCP "
            "*/) = 3");
}

// A structure's fields follow the mode; each verbose comment names in the abbreviated form.
TEST(FormatXlat, StructureFieldsFollowTheMode) {
  const uint64_t act[4] = {1 /* SIG_IGN */, 0x04000000 /* SA_RESTORER */, 0x7f00,
                           uint64_t{1} << (SIGUSR1 - 1)};
  C sa("rt_sigaction", {SIGINT, 0x1000, 0, 8}, 0);
  sa.cap(1, ES_CAP_FIXED, std::string(reinterpret_cast<const char*>(act), sizeof act));
  EXPECT_EQ(line(sa),
            "rt_sigaction(SIGINT, {sa_handler=SIG_IGN, sa_mask=[USR1], sa_flags=SA_RESTORER, "
            "sa_restorer=0x7f00}, NULL, 8) = 0");
  EXPECT_EQ(line(sa, with_xlat(XlatMode::Raw)),
            "rt_sigaction(2, {sa_handler=0x1, sa_mask=[10], sa_flags=0x4000000, "
            "sa_restorer=0x7f00}, NULL, 8) = 0");
  EXPECT_EQ(line(sa, with_xlat(XlatMode::Verbose)),
            "rt_sigaction(2 /* SIGINT */, {sa_handler=0x1 /* SIG_IGN */, sa_mask=[10 /* USR1 */], "
            "sa_flags=0x4000000 /* SA_RESTORER */, sa_restorer=0x7f00}, NULL, 8) = 0");
}

// A signal line's own name stays a name; its siginfo follows the Style it is given.
TEST(FormatXlat, SignalLinesTakeTheModeFromTheirStyle) {
  model::Signal s;
  s.sig = SIGUSR1;
  const int32_t head[3] = {SIGUSR1, 0, SI_USER}, pid = 19885;
  std::memcpy(s.siginfo.data(), head, sizeof head);
  std::memcpy(s.siginfo.data() + 16, &pid, sizeof pid);
  const Style raw = with_xlat(XlatMode::Raw);
  fmt::memory_buffer out;
  format_signal(s, out, &raw);
  EXPECT_EQ(fmt::to_string(out),
            "--- SIGUSR1 {si_signo=10, si_code=0, si_pid=19885, si_uid=0} ---");
  out.clear();
  format_signal(s, out);
  EXPECT_EQ(fmt::to_string(out),
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=19885, si_uid=0} ---");
}

}  // namespace
}  // namespace estrace::format
