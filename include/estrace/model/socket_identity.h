// model: facts about a socket's identity (es_sock_info, what the BPF side read of it) that the
// fd table and the printers both need.
#pragma once

#include <string_view>

#include "estrace/abi/sock_info.h"

namespace estrace::model {

// The protocol's name as the kernel gave it ("TCP", "UNIX-STREAM"); empty when it gave none.
std::string_view sock_proto(const es_sock_info& s);

// Whether sock_diag would answer for the socket, so that strace prints its details (and keeps
// that first answer for good): false for an inet socket with no port yet, a unix one with
// neither name nor peer, a netlink one not bound, and families strace does not ask about.
bool sock_diag_answers(const es_sock_info& s);

}  // namespace estrace::model
