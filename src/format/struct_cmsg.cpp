// format: a msghdr's control messages, as strace prints msg_control:
// [{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5]}, ...].
#include <arpa/inet.h>
#include <asm-generic/socket.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <iterator>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// struct cmsghdr: cmsg_len (size_t), cmsg_level, cmsg_type, then the data, each message
// aligned to a size_t (CMSG_ALIGN): 16 and 8 bytes on x86_64, 12 and 4 for an ia32 task
// (struct compat_cmsghdr), whose timestamps are 32-bit too.
struct CmsgLayout {
  size_t header, align, word;
};
constexpr CmsgLayout kCmsg64{16, 8, 8}, kCmsg32{12, 4, 4};

// A signed word of the layout's width at `data`.
int64_t load_word(std::string_view data, const CmsgLayout& l) {
  int64_t v64 = 0;
  int32_t v32 = 0;
  if (l.word == 4) {
    std::memcpy(&v32, data.data(), std::min(sizeof v32, data.size()));
    return v32;
  }
  std::memcpy(&v64, data.data(), std::min(sizeof v64, data.size()));
  return v64;
}

#define X(name) \
  { name, #name }
// SOL_SOCKET's control messages (the timestamps under their _OLD names, as strace shows them).
constexpr XlatEntry kScmTypesE[] = {
    X(SCM_RIGHTS),         X(SCM_CREDENTIALS),     X(SO_TIMESTAMP_OLD),
    X(SO_TIMESTAMPNS_OLD), X(SO_TIMESTAMPING_OLD),
};
#undef X
const Xlat kScmTypes{kScmTypesE, "SCM_???"};

template <typename T>
T load(std::string_view data) {
  T v{};
  std::memcpy(&v, data.data(), std::min(sizeof v, data.size()));
  return v;
}

void print_in_addr(const ArgContext& c, const char* field, const in_addr& a) {
  char text[INET_ADDRSTRLEN] = "";
  inet_ntop(AF_INET, &a, text, sizeof text);
  fmt::format_to(to(c), "{}=inet_addr(\"{}\")", field, text);
}

// The data of one message; false when its type has no decoder (printed as bytes).
bool print_cmsg_data(const ArgContext& c, int level, int type, std::string_view data,
                     const CmsgLayout& l) {
  if (level == SOL_SOCKET && type == SCM_RIGHTS) {
    put(c.out, '[');
    for (size_t off = 0; off + sizeof(int) <= data.size(); off += sizeof(int)) {
      if (off) put(c.out, ", ");
      print_fd(c, load<int32_t>(data.substr(off)));
    }
    put(c.out, ']');
    return true;
  }
  if (level == SOL_SOCKET && type == SCM_CREDENTIALS && data.size() >= sizeof(ucred)) {
    auto cr = load<ucred>(data);
    fmt::format_to(to(c), "{{pid={}, uid={}, gid={}}}", cr.pid, cr.uid, cr.gid);
    return true;
  }
  if (level == SOL_SOCKET && type == SO_TIMESTAMP_OLD && data.size() >= 2 * l.word) {
    fmt::format_to(to(c), "{{tv_sec={}, tv_usec={}}}", load_word(data, l),
                   load_word(data.substr(l.word), l));
    return true;
  }
  if (level == SOL_SOCKET && type == SO_TIMESTAMPNS_OLD && data.size() >= 2 * l.word) {
    fmt::format_to(to(c), "{{tv_sec={}, tv_nsec={}}}", load_word(data, l),
                   load_word(data.substr(l.word), l));
    return true;
  }
  if (level == SOL_IP && (type == IP_TTL) && data.size() >= sizeof(int)) {
    fmt::format_to(to(c), "[{}]", load<int32_t>(data));
    return true;
  }
  if (level == SOL_IP && type == IP_TOS && !data.empty()) {
    fmt::format_to(to(c), "[{}]", static_cast<unsigned>(static_cast<uint8_t>(data[0])));
    return true;
  }
  if (level == SOL_IP && type == IP_PKTINFO && data.size() >= sizeof(in_pktinfo)) {
    auto pi = load<in_pktinfo>(data);
    char name[IF_NAMESIZE] = "";
    if (if_indextoname(static_cast<unsigned>(pi.ipi_ifindex), name))
      fmt::format_to(to(c), "{{ipi_ifindex=if_nametoindex(\"{}\"), ", name);
    else
      fmt::format_to(to(c), "{{ipi_ifindex={}, ", pi.ipi_ifindex);
    print_in_addr(c, "ipi_spec_dst", pi.ipi_spec_dst);
    put(c.out, ", ");
    print_in_addr(c, "ipi_addr", pi.ipi_addr);
    put(c.out, '}');
    return true;
  }
  return false;
}

}  // namespace

void print_msg_control(const ArgContext& c, std::string_view bytes) {
  const CmsgLayout& l = c.call.compat ? kCmsg32 : kCmsg64;
  put(c.out, '[');
  size_t off = 0;
  for (bool first = true; off + l.header <= bytes.size(); first = false) {
    std::string_view rest = bytes.substr(off);
    const auto len =
        static_cast<uint64_t>(l.word == 4 ? load<uint32_t>(rest) : load<uint64_t>(rest));
    const int level = load<int32_t>(rest.substr(l.word)),
              type = load<int32_t>(rest.substr(l.word + 4));
    if (!first) put(c.out, ", ");
    fmt::format_to(to(c), "{{cmsg_len={}, cmsg_level=", len);
    print_xval(c.out, c.style.xlat, xlat::kSockLevels, static_cast<uint32_t>(level));
    put(c.out, ", cmsg_type=");
    if (level == SOL_SOCKET)
      print_xval(c.out, c.style.xlat, kScmTypes, static_cast<uint32_t>(type));
    else if (level == SOL_IP)
      print_xval(c.out, c.style.xlat, xlat::kSockIpOptions, static_cast<uint32_t>(type));
    else
      fmt::format_to(to(c), "{:#x}", static_cast<uint32_t>(type));
    if (len > l.header) {
      std::string_view data =
          rest.substr(l.header, std::min<uint64_t>(len, rest.size()) - l.header);
      put(c.out, ", cmsg_data=");
      if (!print_cmsg_data(c, level, type, data, l)) print_quoted(c.out, data, HexMode::All, false);
    }
    put(c.out, '}');
    if (len < l.header) break;
    off += (len + l.align - 1) & ~(l.align - 1);
  }
  put(c.out, ']');
}

}  // namespace estrace::format
