// Socket option constants: setsockopt/getsockopt levels (SOL_*) and the option names of the
// levels estrace names (socket, IP, IPv6, TCP, UDP), as strace 6.1 lists them.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>

#include "estrace/format/xlat_tables.h"

#define X(c) XlatEntry{static_cast<uint64_t>(c), #c}
// A level the headers only name as a protocol: the kernel's SOL_x is the IPPROTO_x value.
#define XP(sol, proto) XlatEntry{static_cast<uint64_t>(proto), #sol}

namespace estrace::format::xlat {
namespace {

constexpr XlatEntry kSockLevelsE[] = {
    X(SOL_IP),      X(SOL_SOCKET),  X(SOL_TCP),     X(SOL_UDP),        X(SOL_IPV6),
    X(SOL_ICMPV6),  XP(SOL_SCTP, IPPROTO_SCTP), XP(SOL_UDPLITE, IPPROTO_UDPLITE),
    X(SOL_RAW),     X(SOL_DECNET),  X(SOL_X25),     X(SOL_PACKET),     X(SOL_ATM),
    X(SOL_AAL),     X(SOL_IRDA),    X(SOL_NETBEUI), X(SOL_LLC),        X(SOL_DCCP),
    X(SOL_NETLINK), X(SOL_TIPC),    X(SOL_RXRPC),   X(SOL_PPPOL2TP),   X(SOL_BLUETOOTH),
    X(SOL_PNPIPE),  X(SOL_RDS),     X(SOL_IUCV),    X(SOL_CAIF),       X(SOL_ALG),
    X(SOL_NFC),     X(SOL_KCM),     X(SOL_TLS),     X(SOL_XDP),        X(SOL_MPTCP),
    X(SOL_MCTP),    X(SOL_SMC),
};

// asm-generic/socket.h; the _OLD names are what strace 6.1 prints on x86_64. Options newer
// than strace 6.1 (SO_PASSPIDFD, ...) are left out: it prints them as "0x4c /* SO_??? */".
constexpr XlatEntry kSockOptionsE[] = {
    X(SO_DEBUG),          X(SO_REUSEADDR),         X(SO_TYPE),
    X(SO_ERROR),          X(SO_DONTROUTE),         X(SO_BROADCAST),
    X(SO_SNDBUF),         X(SO_RCVBUF),            X(SO_KEEPALIVE),
    X(SO_OOBINLINE),      X(SO_NO_CHECK),          X(SO_PRIORITY),
    X(SO_LINGER),         X(SO_BSDCOMPAT),         X(SO_REUSEPORT),
    X(SO_PASSCRED),       X(SO_PEERCRED),          X(SO_RCVLOWAT),
    X(SO_SNDLOWAT),       X(SO_RCVTIMEO_OLD),      X(SO_SNDTIMEO_OLD),
    X(SO_SECURITY_AUTHENTICATION), X(SO_SECURITY_ENCRYPTION_TRANSPORT),
    X(SO_SECURITY_ENCRYPTION_NETWORK), X(SO_BINDTODEVICE), X(SO_ATTACH_FILTER),
    X(SO_DETACH_FILTER),  X(SO_PEERNAME),          X(SO_TIMESTAMP_OLD),
    X(SO_ACCEPTCONN),     X(SO_PEERSEC),           X(SO_SNDBUFFORCE),
    X(SO_RCVBUFFORCE),    X(SO_PASSSEC),           X(SO_TIMESTAMPNS_OLD),
    X(SO_MARK),           X(SO_TIMESTAMPING_OLD),  X(SO_PROTOCOL),
    X(SO_DOMAIN),         X(SO_RXQ_OVFL),          X(SO_WIFI_STATUS),
    X(SO_PEEK_OFF),       X(SO_NOFCS),             X(SO_LOCK_FILTER),
    X(SO_SELECT_ERR_QUEUE), X(SO_BUSY_POLL),       X(SO_MAX_PACING_RATE),
    X(SO_BPF_EXTENSIONS), X(SO_INCOMING_CPU),      X(SO_ATTACH_BPF),
    X(SO_ATTACH_REUSEPORT_CBPF), X(SO_ATTACH_REUSEPORT_EBPF), X(SO_CNX_ADVICE),
    X(SO_MEMINFO),        X(SO_INCOMING_NAPI_ID),  X(SO_COOKIE),
    X(SO_PEERGROUPS),     X(SO_ZEROCOPY),          X(SO_TXTIME),
    X(SO_BINDTOIFINDEX),  X(SO_TIMESTAMP_NEW),     X(SO_TIMESTAMPNS_NEW),
    X(SO_TIMESTAMPING_NEW), X(SO_RCVTIMEO_NEW),    X(SO_SNDTIMEO_NEW),
    X(SO_DETACH_REUSEPORT_BPF), X(SO_PREFER_BUSY_POLL), X(SO_BUSY_POLL_BUDGET),
    X(SO_NETNS_COOKIE),   X(SO_BUF_LOCK),          X(SO_RESERVE_MEM),
    X(SO_TXREHASH),       X(SO_RCVMARK),
};
// getsockopt names the same number differently.
constexpr XlatEntry kSockGetOptionsE[] = {X(SO_GET_FILTER)};

constexpr XlatEntry kSockIpOptionsE[] = {
    X(IP_TOS),              X(IP_TTL),                X(IP_HDRINCL),
    X(IP_OPTIONS),          X(IP_ROUTER_ALERT),       X(IP_RECVOPTS),
    X(IP_RETOPTS),          X(IP_PKTINFO),            X(IP_PKTOPTIONS),
    X(IP_MTU_DISCOVER),     X(IP_RECVERR),            X(IP_RECVTTL),
    X(IP_RECVTOS),          X(IP_MTU),                X(IP_FREEBIND),
    X(IP_IPSEC_POLICY),     X(IP_XFRM_POLICY),        X(IP_PASSSEC),
    X(IP_TRANSPARENT),      X(IP_ORIGDSTADDR),        X(IP_MINTTL),
    X(IP_NODEFRAG),         X(IP_CHECKSUM),           X(IP_BIND_ADDRESS_NO_PORT),
    X(IP_RECVFRAGSIZE),     X(IP_RECVERR_RFC4884),    X(IP_MULTICAST_IF),
    X(IP_MULTICAST_TTL),    X(IP_MULTICAST_LOOP),     X(IP_ADD_MEMBERSHIP),
    X(IP_DROP_MEMBERSHIP),  X(IP_UNBLOCK_SOURCE),     X(IP_BLOCK_SOURCE),
    X(IP_ADD_SOURCE_MEMBERSHIP), X(IP_DROP_SOURCE_MEMBERSHIP), X(IP_MSFILTER),
    X(MCAST_JOIN_GROUP),    X(MCAST_BLOCK_SOURCE),    X(MCAST_UNBLOCK_SOURCE),
    X(MCAST_LEAVE_GROUP),   X(MCAST_JOIN_SOURCE_GROUP), X(MCAST_LEAVE_SOURCE_GROUP),
    X(MCAST_MSFILTER),      X(IP_MULTICAST_ALL),      X(IP_UNICAST_IF),
};

constexpr XlatEntry kSockIpv6OptionsE[] = {
    X(IPV6_ADDRFORM),       X(IPV6_2292PKTINFO),      X(IPV6_2292HOPOPTS),
    X(IPV6_2292DSTOPTS),    X(IPV6_2292RTHDR),        X(IPV6_2292PKTOPTIONS),
    X(IPV6_CHECKSUM),       X(IPV6_2292HOPLIMIT),     X(IPV6_NEXTHOP),
    X(IPV6_AUTHHDR),        X(IPV6_UNICAST_HOPS),     X(IPV6_MULTICAST_IF),
    X(IPV6_MULTICAST_HOPS), X(IPV6_MULTICAST_LOOP),   X(IPV6_ADD_MEMBERSHIP),
    X(IPV6_DROP_MEMBERSHIP), X(IPV6_ROUTER_ALERT),    X(IPV6_MTU_DISCOVER),
    X(IPV6_MTU),            X(IPV6_RECVERR),          X(IPV6_V6ONLY),
    X(IPV6_JOIN_ANYCAST),   X(IPV6_LEAVE_ANYCAST),    X(IPV6_MULTICAST_ALL),
    X(IPV6_ROUTER_ALERT_ISOLATE), X(IPV6_RECVERR_RFC4884), X(IPV6_IPSEC_POLICY),
    X(IPV6_XFRM_POLICY),    X(IPV6_HDRINCL),          X(MCAST_JOIN_GROUP),
    X(MCAST_BLOCK_SOURCE),  X(MCAST_UNBLOCK_SOURCE),  X(MCAST_LEAVE_GROUP),
    X(MCAST_JOIN_SOURCE_GROUP), X(MCAST_LEAVE_SOURCE_GROUP), X(MCAST_MSFILTER),
    X(IPV6_RECVPKTINFO),    X(IPV6_PKTINFO),          X(IPV6_RECVHOPLIMIT),
    X(IPV6_HOPLIMIT),       X(IPV6_RECVHOPOPTS),      X(IPV6_HOPOPTS),
    X(IPV6_RTHDRDSTOPTS),   X(IPV6_RECVRTHDR),        X(IPV6_RTHDR),
    X(IPV6_RECVDSTOPTS),    X(IPV6_DSTOPTS),          X(IPV6_RECVPATHMTU),
    X(IPV6_PATHMTU),        X(IPV6_DONTFRAG),         X(IPV6_RECVTCLASS),
    X(IPV6_TCLASS),         X(IPV6_AUTOFLOWLABEL),    X(IPV6_ADDR_PREFERENCES),
    X(IPV6_MINHOPCOUNT),    X(IPV6_ORIGDSTADDR),      X(IPV6_TRANSPARENT),
    X(IPV6_UNICAST_IF),     X(IPV6_RECVFRAGSIZE),     X(IPV6_FREEBIND),
};

constexpr XlatEntry kSockTcpOptionsE[] = {
    X(TCP_NODELAY),         X(TCP_MAXSEG),            X(TCP_CORK),
    X(TCP_KEEPIDLE),        X(TCP_KEEPINTVL),         X(TCP_KEEPCNT),
    X(TCP_SYNCNT),          X(TCP_LINGER2),           X(TCP_DEFER_ACCEPT),
    X(TCP_WINDOW_CLAMP),    X(TCP_INFO),              X(TCP_QUICKACK),
    X(TCP_CONGESTION),      X(TCP_MD5SIG),            X(TCP_COOKIE_TRANSACTIONS),
    X(TCP_THIN_LINEAR_TIMEOUTS), X(TCP_THIN_DUPACK),  X(TCP_USER_TIMEOUT),
    X(TCP_REPAIR),          X(TCP_REPAIR_QUEUE),      X(TCP_QUEUE_SEQ),
    X(TCP_REPAIR_OPTIONS),  X(TCP_FASTOPEN),          X(TCP_TIMESTAMP),
    X(TCP_NOTSENT_LOWAT),   X(TCP_CC_INFO),           X(TCP_SAVE_SYN),
    X(TCP_SAVED_SYN),       X(TCP_REPAIR_WINDOW),     X(TCP_FASTOPEN_CONNECT),
    X(TCP_ULP),             X(TCP_MD5SIG_EXT),        X(TCP_FASTOPEN_KEY),
    X(TCP_FASTOPEN_NO_COOKIE), X(TCP_ZEROCOPY_RECEIVE), X(TCP_INQ),
    X(TCP_TX_DELAY),
};

constexpr XlatEntry kSockUdpOptionsE[] = {
    X(UDP_CORK), X(UDP_ENCAP), X(UDP_NO_CHECK6_TX), X(UDP_NO_CHECK6_RX), X(UDP_SEGMENT),
    X(UDP_GRO),
};

}  // namespace

const Xlat kSockLevels{kSockLevelsE, "SOL_??"};  // sic: strace's two question marks
const Xlat kSockOptions{kSockOptionsE, "SO_???"};
const Xlat kSockGetOptions{kSockGetOptionsE, "SO_???"};
const Xlat kSockIpOptions{kSockIpOptionsE, "IP_???"};
const Xlat kSockIpv6Options{kSockIpv6OptionsE, "IPV6_???"};
const Xlat kSockTcpOptions{kSockTcpOptionsE, "TCP_???"};
const Xlat kSockUdpOptions{kSockUdpOptionsE, "UDP_???"};

}  // namespace estrace::format::xlat
