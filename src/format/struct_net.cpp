// Network structures: sockaddr by family, socklen_t pointers, pollfd arrays (and poll's result).
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

}  // namespace

// Declared in printers.h: struct_io.cpp prints a msghdr's address with it.
void print_sockaddr(const ArgContext& c, std::string_view sa) {
  if (sa.size() < sizeof(sa_family_t)) {
    put(c.out, "{}");
    return;
  }
  sa_family_t family;
  std::memcpy(&family, sa.data(), sizeof family);
  put(c.out, "{sa_family=");
  print_xval(c.out, c.style.xlat, xlat::kSockDomains, family);
  std::string_view rest = sa.substr(sizeof family);
  auto& out = c.out;
  if (family == AF_UNIX) {
    if (!rest.empty()) {
      put(out, ", sun_path=");
      bool abstract = rest.front() == '\0';
      if (abstract) {
        put(out, '@');
        rest.remove_prefix(1);
      } else {
        size_t n = rest.find('\0');
        if (n != std::string_view::npos) rest = rest.substr(0, n);
      }
      print_quoted(out, rest, c.style.hex, false);
    }
  } else if (family == AF_INET && sa.size() >= sizeof(sockaddr_in)) {
    sockaddr_in in;
    std::memcpy(&in, sa.data(), sizeof in);
    char addr[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &in.sin_addr, addr, sizeof addr);
    // The address is a string to strace: -xx shows it in hex too.
    fmt::format_to(std::back_inserter(out), ", sin_port=htons({}), sin_addr=inet_addr(",
                   ntohs(in.sin_port));
    print_quoted(out, addr, c.style.hex, false);
    put(out, ')');
  } else if (family == AF_INET6 && sa.size() >= sizeof(sockaddr_in6)) {
    sockaddr_in6 in6;
    std::memcpy(&in6, sa.data(), sizeof in6);
    char addr[INET6_ADDRSTRLEN];
    inet_ntop(AF_INET6, &in6.sin6_addr, addr, sizeof addr);
    fmt::format_to(std::back_inserter(out),
                   ", sin6_port=htons({}), sin6_flowinfo=htonl({}), inet_pton(AF_INET6, ",
                   ntohs(in6.sin6_port), ntohl(in6.sin6_flowinfo));
    print_quoted(out, addr, c.style.hex, false);
    fmt::format_to(std::back_inserter(out), ", &sin6_addr), sin6_scope_id={}", in6.sin6_scope_id);
  } else if (family == AF_NETLINK && sa.size() >= sizeof(sockaddr_nl)) {
    sockaddr_nl nl;
    std::memcpy(&nl, sa.data(), sizeof nl);
    fmt::format_to(std::back_inserter(out), ", nl_pid={}, nl_groups={:08x}", nl.nl_pid,
                   nl.nl_groups);
  } else if (!rest.empty()) {
    put(out, ", sa_data=");
    print_quoted(out, rest, c.style.hex, false);
  }
  put(out, '}');
}

namespace {

void sockaddr_in_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d) return print_ptr(c.out, c.arg(i));
  uint64_t len = static_cast<uint32_t>(c.arg(c.argsig(i).aux));
  print_sockaddr(c, d->data.substr(0, std::min<uint64_t>(len, d->data.size())));
}

void sockaddr_out_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  // A zero length (recvfrom on a stream socket) leaves nothing to show but the address.
  if (!d || c.failed() || d->data.empty()) return print_ptr(c.out, c.arg(i));
  print_sockaddr(c, d->data);
}

// [16]: the length the kernel wrote back.
void socklen_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < 4 || c.failed()) return print_ptr(c.out, c.arg(i));
  uint32_t v;
  std::memcpy(&v, d->data.data(), 4);
  fmt::format_to(std::back_inserter(c.out), "[{}]", v);
}

// [{fd=3, events=POLLIN}, ...]; with `revents` only the entries that have any.
void print_pollfds(const ArgContext& c, std::string_view d, bool revents) {
  put(c.out, '[');
  bool first = true;
  for (size_t off = 0; off + sizeof(pollfd) <= d.size(); off += sizeof(pollfd)) {
    pollfd p;
    std::memcpy(&p, d.data() + off, sizeof p);
    if (revents && p.revents == 0) continue;
    if (!first) put(c.out, ", ");
    first = false;
    fmt::format_to(std::back_inserter(c.out), "{{fd={}, {}=", p.fd, revents ? "revents" : "events");
    print_flags(c.out, c.style.xlat, xlat::kPollEvents,
                static_cast<uint16_t>(revents ? p.revents : p.events));
    put(c.out, '}');
  }
  put(c.out, ']');
}

void pollfds_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d) return print_ptr(c.out, c.arg(i));
  print_pollfds(c, d->data, false);
}

// "= 1 ([{fd=8, revents=POLLOUT}])", "= 0 (Timeout)"
bool poll_ret(const ArgContext& c, int i) {
  fmt::format_to(std::back_inserter(c.out), "{}", c.call.ret);
  if (c.call.ret == 0) {
    put(c.out, " (Timeout)");
  } else if (const model::CaptureView* d = c.data_after(i)) {
    put(c.out, " (");
    print_pollfds(c, d->data, true);
    // ppoll: the time left, as the kernel updated the timeout.
    const model::CaptureView* t =
        c.sig.nargs > 2 && c.argsig(2).kind == K::Timespec && c.arg(2) ? c.data_after(2) : nullptr;
    if (t && t->data.size() >= 16) {
      int64_t ts[2];
      std::memcpy(ts, t->data.data(), sizeof ts);
      fmt::format_to(std::back_inserter(c.out), ", left {{tv_sec={}, tv_nsec={}}}", ts[0], ts[1]);
    }
    put(c.out, ')');
  }
  return true;
}

}  // namespace

void register_net(PrinterTable& t) {
  t[size_t(K::SockaddrIn)].print = sockaddr_in_arg;
  t[size_t(K::SockaddrOut)].print = sockaddr_out_arg;
  t[size_t(K::SocklenPtr)].print = socklen_arg;
  t[size_t(K::PollFds)].print = pollfds_arg;
  t[size_t(K::PollFds)].ret = poll_ret;
}

}  // namespace estrace::format
