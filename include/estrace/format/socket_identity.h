// format: -yy's text for a socket descriptor (what goes inside "3<...>"), from what the BPF
// side read of the socket (es_sock_info): "TCP:[127.0.0.1:41234->127.0.0.1:80]",
// "UNIX-STREAM:[12345->12346,"/run/x.sock"]", "NETLINK:[ROUTE:4242]", or, while sock_diag
// would have nothing to say, the protocol and the inode: "TCP:[12345]".
#pragma once

#include <optional>
#include <string>

#include "estrace/abi/sock_info.h"

namespace estrace::format {

// The details strace prints once sock_diag answers for the socket; nullopt while it would
// not (an inet socket with no port yet, a unix one with neither name nor peer, a netlink one
// not bound) or for families strace does not ask about.
std::optional<std::string> socket_details(const es_sock_info& s);

// What strace prints when it knows no more: "TCP:[12345]" ("socket:[12345]" unnamed).
std::string socket_fallback(const es_sock_info& s);

}  // namespace estrace::format
