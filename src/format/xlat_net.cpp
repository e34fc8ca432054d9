// Network constants: socket(2) domains, types and protocols, shutdown(2), poll(2) events.
#include <linux/netlink.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include "estrace/format/xlat_tables.h"

#define X(c) \
  XlatEntry { static_cast<uint64_t>(c), #c }

namespace estrace::format::xlat {
namespace {

#ifndef AF_MCTP
#define AF_MCTP 45
#endif
#ifndef POLLRDHUP
#define POLLRDHUP 0x2000
#endif

constexpr XlatEntry kSockDomainsE[] = {
    X(AF_UNSPEC),     X(AF_UNIX),      X(AF_INET),     X(AF_AX25),  X(AF_IPX),     X(AF_APPLETALK),
    X(AF_NETROM),     X(AF_BRIDGE),    X(AF_ATMPVC),   X(AF_X25),   X(AF_INET6),   X(AF_ROSE),
    X(AF_DECnet),     X(AF_NETBEUI),   X(AF_SECURITY), X(AF_KEY),   X(AF_NETLINK), X(AF_PACKET),
    X(AF_ASH),        X(AF_ECONET),    X(AF_ATMSVC),   X(AF_RDS),   X(AF_SNA),     X(AF_IRDA),
    X(AF_PPPOX),      X(AF_WANPIPE),   X(AF_LLC),      X(AF_IB),    X(AF_MPLS),    X(AF_CAN),
    X(AF_TIPC),       X(AF_BLUETOOTH), X(AF_IUCV),     X(AF_RXRPC), X(AF_ISDN),    X(AF_PHONET),
    X(AF_IEEE802154), X(AF_CAIF),      X(AF_ALG),      X(AF_NFC),   X(AF_VSOCK),   X(AF_KCM),
    X(AF_QIPCRTR),    X(AF_SMC),       X(AF_XDP),      X(AF_MCTP),
};
constexpr XlatEntry kSockTypesE[] = {X(SOCK_STREAM),    X(SOCK_DGRAM), X(SOCK_RAW),   X(SOCK_RDM),
                                     X(SOCK_SEQPACKET), X(SOCK_DCCP),  X(SOCK_PACKET)};
constexpr XlatEntry kSockFlagsE[] = {X(SOCK_CLOEXEC), X(SOCK_NONBLOCK)};
constexpr XlatEntry kIpProtosE[] = {
    X(IPPROTO_IP),   X(IPPROTO_ICMP),   X(IPPROTO_IGMP), X(IPPROTO_IPIP),    X(IPPROTO_TCP),
    X(IPPROTO_EGP),  X(IPPROTO_PUP),    X(IPPROTO_UDP),  X(IPPROTO_IDP),     X(IPPROTO_TP),
    X(IPPROTO_DCCP), X(IPPROTO_IPV6),   X(IPPROTO_RSVP), X(IPPROTO_GRE),     X(IPPROTO_ESP),
    X(IPPROTO_AH),   X(IPPROTO_ICMPV6), X(IPPROTO_MTP),  X(IPPROTO_BEETPH),  X(IPPROTO_ENCAP),
    X(IPPROTO_PIM),  X(IPPROTO_COMP),   X(IPPROTO_SCTP), X(IPPROTO_UDPLITE), X(IPPROTO_MPLS),
    X(IPPROTO_RAW),
};
constexpr XlatEntry kNetlinkProtosE[] = {
    X(NETLINK_ROUTE),      X(NETLINK_UNUSED),
    X(NETLINK_USERSOCK),   X(NETLINK_FIREWALL),
    X(NETLINK_SOCK_DIAG),  X(NETLINK_NFLOG),
    X(NETLINK_XFRM),       X(NETLINK_SELINUX),
    X(NETLINK_ISCSI),      X(NETLINK_AUDIT),
    X(NETLINK_FIB_LOOKUP), X(NETLINK_CONNECTOR),
    X(NETLINK_NETFILTER),  X(NETLINK_IP6_FW),
    X(NETLINK_DNRTMSG),    X(NETLINK_KOBJECT_UEVENT),
    X(NETLINK_GENERIC),    X(NETLINK_SCSITRANSPORT),
    X(NETLINK_ECRYPTFS),   X(NETLINK_RDMA),
    X(NETLINK_CRYPTO),     X(NETLINK_SMC),
};
constexpr XlatEntry kShutdownHowE[] = {X(SHUT_RD), X(SHUT_WR), X(SHUT_RDWR)};
constexpr XlatEntry kPollEventsE[] = {
    X(POLLIN),     X(POLLPRI),    X(POLLOUT),    X(POLLERR),    X(POLLHUP), X(POLLNVAL),
    X(POLLRDNORM), X(POLLRDBAND), X(POLLWRNORM), X(POLLWRBAND), X(POLLMSG), X(POLLRDHUP),
};

}  // namespace

const Xlat kSockDomains{kSockDomainsE, "AF_???"};
const Xlat kSockTypes{kSockTypesE, "SOCK_???"};

// send/recv flags, in strace's order (by value).
constexpr XlatEntry kMsgFlagsE[] = {
    X(MSG_OOB),         X(MSG_PEEK),       X(MSG_DONTROUTE), X(MSG_CTRUNC),   X(MSG_PROXY),
    X(MSG_TRUNC),       X(MSG_DONTWAIT),   X(MSG_EOR),       X(MSG_WAITALL),  X(MSG_FIN),
    X(MSG_SYN),         X(MSG_CONFIRM),    X(MSG_RST),       X(MSG_ERRQUEUE), X(MSG_NOSIGNAL),
    X(MSG_MORE),        X(MSG_WAITFORONE), X(MSG_BATCH),     X(MSG_ZEROCOPY), X(MSG_FASTOPEN),
    X(MSG_CMSG_CLOEXEC)};
const Xlat kMsgFlags{kMsgFlagsE, "MSG_???"};
const Xlat kSockFlags{kSockFlagsE, "SOCK_???"};
const Xlat kIpProtos{kIpProtosE, "IPPROTO_???"};
const Xlat kNetlinkProtos{kNetlinkProtosE, "NETLINK_???"};
const Xlat kShutdownHow{kShutdownHowE, "SHUT_???"};
const Xlat kPollEvents{kPollEventsE, "POLL???"};

}  // namespace estrace::format::xlat
