// Socket options: setsockopt/getsockopt's level, option name and value, as strace 6.1 prints
// them. Values: "[1]" for an int, "{l_onoff=1, l_linger=5}" for the structs strace decodes, the
// bytes quoted otherwise ("lo\0"); getsockopt shows what the call returned, *optlen bytes.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

// The option names of each level strace names; other levels print the option in decimal.
struct LevelNames {
  int level;
  const Xlat* names;
};
constexpr LevelNames kLevelNames[] = {
    {SOL_SOCKET, &xlat::kSockOptions},   {SOL_IP, &xlat::kSockIpOptions},
    {SOL_IPV6, &xlat::kSockIpv6Options}, {SOL_TCP, &xlat::kSockTcpOptions},
    {SOL_UDP, &xlat::kSockUdpOptions},
};

// How a value prints. Every option not listed below is Default: an int when the length is
// sizeof(int), else the bytes as a string.
enum class Val : uint8_t {
  Default,
  Int,     // set: the address when shorter than an int; get: the short bytes in hex
  Linger,  // struct linger
  Ucred,   // struct ucred (getsockopt SO_PEERCRED)
  Error,   // an errno: [ECONNREFUSED] (getsockopt SO_ERROR)
  Addr,    // only the address (socket filters: not decoded)
};

struct ValueRule {
  int name;
  Val set, get;
};
// SOL_SOCKET options strace 6.1 treats as an int (observed: "SO_KEEPALIVE, 0x7ffc..., 2"
// where an unlisted option prints "SO_TYPE, \"ab\", 2").
constexpr int kSocketInts[] = {
    SO_DEBUG,
    SO_REUSEADDR,
    SO_DONTROUTE,
    SO_BROADCAST,
    SO_SNDBUF,
    SO_RCVBUF,
    SO_KEEPALIVE,
    SO_OOBINLINE,
    SO_NO_CHECK,
    SO_PRIORITY,
    SO_BSDCOMPAT,
    SO_REUSEPORT,
    SO_PASSCRED,
    SO_RCVLOWAT,
    SO_SNDLOWAT,
    SO_DETACH_FILTER,
    SO_TIMESTAMP_OLD,
    SO_ACCEPTCONN,
    SO_SNDBUFFORCE,
    SO_RCVBUFFORCE,
    SO_PASSSEC,
    SO_TIMESTAMPNS_OLD,
    SO_MARK,
    SO_TIMESTAMPING_OLD,
    SO_RXQ_OVFL,
    SO_WIFI_STATUS,
    SO_PEEK_OFF,
    SO_NOFCS,
    SO_LOCK_FILTER,
    SO_SELECT_ERR_QUEUE,
    SO_BUSY_POLL,
    SO_INCOMING_CPU,
    SO_CNX_ADVICE,
    SO_INCOMING_NAPI_ID,
    SO_ZEROCOPY,
    SO_TIMESTAMP_NEW,
    SO_TIMESTAMPNS_NEW,
    SO_TIMESTAMPING_NEW,
    SO_DETACH_REUSEPORT_BPF,
    SO_PREFER_BUSY_POLL,
    SO_BUSY_POLL_BUDGET,
    SO_RESERVE_MEM,
    SO_TXREHASH,
    SO_RCVMARK,
};
constexpr ValueRule kSocketRules[] = {
    {SO_LINGER, Val::Linger, Val::Linger},
    {SO_PEERCRED, Val::Default, Val::Ucred},
    {SO_ERROR, Val::Default, Val::Error},
    {SO_ATTACH_FILTER, Val::Addr, Val::Addr},
    {SO_ATTACH_REUSEPORT_CBPF, Val::Addr, Val::Default},
};

int level_of(const ArgContext& c, int name_arg) {
  return static_cast<int32_t>(c.arg(c.argsig(name_arg).aux));
}

Val value_kind(int level, int name, bool get) {
  if (level != SOL_SOCKET) return Val::Default;
  for (const ValueRule& r : kSocketRules)
    if (r.name == name) return get ? r.get : r.set;
  for (int n : kSocketInts)
    if (n == name) return Val::Int;
  return Val::Default;
}

int32_t int_at(std::string_view d, size_t off = 0) {
  int32_t v;
  std::memcpy(&v, d.data() + off, sizeof v);
  return v;
}

// {l_onoff=1, l_linger=5}; a field the length cuts short is shown as its bytes in hex, and
// fields past the length are left out: {l_onoff="\x00\x00"}.
void partial_ints(const ArgContext& c, std::string_view d,
                  std::initializer_list<const char*> names) {
  put(c.out, '{');
  size_t off = 0;
  for (const char* name : names) {
    if (off >= d.size()) break;
    if (off) put(c.out, ", ");
    fmt::format_to(std::back_inserter(c.out), "{}=", name);
    if (d.size() - off < sizeof(int32_t)) {
      print_quoted(c.out, d.substr(off), HexMode::All, false);
      break;
    }
    fmt::format_to(std::back_inserter(c.out), "{}", int_at(d, off));
    off += sizeof(int32_t);
  }
  put(c.out, '}');
}

// strace's printstrn: `len` bytes, -s of them, "..." when there were more.
void print_bytes(const ArgContext& c, std::string_view d, uint64_t len) {
  const auto shown = std::min<uint64_t>({len, c.style.string_limit, d.size()});
  print_quoted(c.out, d.substr(0, shown), c.style.hex, len > c.style.string_limit);
}

void print_int(const ArgContext& c, std::string_view d, bool as_errno) {
  const int32_t v = int_at(d);
  const char* name = as_errno && v > 0 ? strerrorname_np(v) : nullptr;
  if (name)
    fmt::format_to(std::back_inserter(c.out), "[{}]", name);
  else
    fmt::format_to(std::back_inserter(c.out), "[{}]", v);
}

void level_arg(const ArgContext& c, int i) {
  print_xval(c.out, c.style.xlat, xlat::kSockLevels, static_cast<uint32_t>(c.arg(i)));
}

void name_arg(const ArgContext& c, int i) {
  const auto name = static_cast<uint32_t>(c.arg(i));
  const int level = level_of(c, i);
  // getsockopt shows SO_GET_FILTER where setsockopt shows SO_ATTACH_FILTER.
  const bool get = c.sig.nargs > 3 && c.argsig(3).kind == K::SockoptOut;
  if (level == SOL_SOCKET && get)
    if (const char* n = xlat_name(xlat::kSockGetOptions, name)) return put(c.out, n);
  for (const LevelNames& l : kLevelNames)
    if (l.level == level) return print_xval(c.out, c.style.xlat, *l.names, name);
  fmt::format_to(std::back_inserter(c.out), "{}", name);
}

// setsockopt's optval: args[aux] bytes the call read.
void set_value_arg(const ArgContext& c, int i) {
  const auto len = static_cast<int32_t>(c.arg(c.argsig(i).aux));
  const model::CaptureView* d = c.data(i);
  const std::string_view bytes = d ? d->data : std::string_view();
  const Val kind = value_kind(level_of(c, 2), static_cast<int32_t>(c.arg(2)), false);
  if (kind == Val::Default && len == 0 && c.arg(i))
    return print_quoted(c.out, {}, c.style.hex, false);
  if (!c.arg(i) || !d) return print_ptr(c.out, c.arg(i));
  const bool has_int = len >= 4 && bytes.size() >= 4;
  switch (kind) {
    case Val::Int:
      return has_int ? print_int(c, bytes, false) : print_ptr(c.out, c.arg(i));
    case Val::Linger:
      if (len < 8 || bytes.size() < 8) return print_ptr(c.out, c.arg(i));
      return partial_ints(c, bytes.substr(0, 8), {"l_onoff", "l_linger"});
    case Val::Addr:
      return print_ptr(c.out, c.arg(i));
    default:
      if (len == 4) return has_int ? print_int(c, bytes, false) : print_ptr(c.out, c.arg(i));
      return print_bytes(c, bytes, static_cast<uint32_t>(len));
  }
}

// getsockopt's optval: what the call wrote, *optlen bytes as the call left it.
void get_value_arg(const ArgContext& c, int i) {
  const int lenarg = c.argsig(i).aux;
  const model::CaptureView* before = c.data_before(lenarg);
  const model::CaptureView* after = c.succeeded() ? c.data_after(lenarg) : nullptr;
  const model::CaptureView* d = c.data(i);
  if (!before || !after || before->data.size() < 4 || after->data.size() < 4 || !c.arg(i) || !d)
    return print_ptr(c.out, c.arg(i));
  const int32_t ulen = int_at(before->data), rlen = int_at(after->data);
  if (ulen <= 0 || rlen <= 0) return print_ptr(c.out, c.arg(i));
  const std::string_view bytes = d->data.substr(0, static_cast<uint32_t>(rlen));
  const Val kind = value_kind(level_of(c, 2), static_cast<int32_t>(c.arg(2)), true);
  switch (kind) {
    case Val::Int:
    case Val::Error:
      if (bytes.size() < 4) return print_quoted(c.out, bytes, HexMode::All, false);
      return print_int(c, bytes, kind == Val::Error);
    case Val::Linger:
      return partial_ints(c, bytes.substr(0, 8), {"l_onoff", "l_linger"});
    case Val::Ucred:
      return partial_ints(c, bytes.substr(0, 12), {"pid", "uid", "gid"});
    case Val::Addr:
      return print_ptr(c.out, c.arg(i));
    default:
      if (rlen == 4 && bytes.size() >= 4) return print_int(c, bytes, false);
      return print_bytes(c, bytes, static_cast<uint32_t>(rlen));
  }
}

}  // namespace

void register_sockopt(PrinterTable& t) {
  t[size_t(K::SockoptLevel)].print = level_arg;
  t[size_t(K::SockoptName)].print = name_arg;
  t[size_t(K::SockoptIn)].print = set_value_arg;
  t[size_t(K::SockoptOut)].print = get_value_arg;
}

}  // namespace estrace::format
