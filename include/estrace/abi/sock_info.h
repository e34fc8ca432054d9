/* -yy: a socket's identity as sock_diag would report it (addresses, unix peer and path,
 * netlink port), read from the kernel's struct sock when strace would print it: an fd
 * argument as the call starts, a returned fd as it ends. Decoding happens milliseconds later,
 * when the socket may be closed, so the state travels with the record (ES_CAP_SOCKETS).
 * Shared by bpf/ and src/: plain C, fixed-width types, explicit padding, append-only. */
#ifndef ESTRACE_ABI_SOCK_INFO_H
#define ESTRACE_ABI_SOCK_INFO_H

#include "capture_spec.h"

/* sun_path's size (struct sockaddr_un). */
#define ES_UNIX_PATH_MAX 108
/* Sockets described per record: two fd arguments at enter, two returned fds at exit. */
#define ES_SOCKETS_MAX 4

struct es_sock_info {
	es_u64 ino;
	es_u64 peer_ino; /* unix: the peer's inode, 0 when not connected */
	es_s32 fd;
	es_u8 when;	/* ES_AT_ENTER: an fd argument; ES_AT_EXIT: a returned fd */
	es_u8 path_len; /* unix: bytes of the bound address's sun_path (abstract: leading NUL) */
	es_u16 family;	/* AF_*, SOCK_*, IPPROTO_* or NETLINK_* */
	es_u16 type;
	es_u16 protocol;
	es_u16 local_port;    /* host order (inet) */
	es_u16 remote_port;   /* host order (inet) */
	es_u8 local_addr[16]; /* inet: 4 bytes (AF_INET) or 16 (AF_INET6), network order */
	es_u8 remote_addr[16];
	es_u32 portid; /* netlink: the bound port id, 0 when not bound */
	es_u32 pad;
	char proto[16]; /* the protocol's name ("TCP", "UNIX-STREAM"): the socket's dentry name */
	char path[ES_UNIX_PATH_MAX];
	es_u8 pad2[4];
};

/* What stays in task storage between a call's enter and exit (BPF side only in effect). */
struct es_sock_stash {
	es_u64 enter_ts; /* the call the items belong to */
	es_u32 count;
	es_u32 pad;
	struct es_sock_info items[2];
};

#ifdef __BPF__
_Static_assert(sizeof(struct es_sock_info) == 200, "ABI");
#elif defined(__cplusplus)
static_assert(sizeof(struct es_sock_info) == 200, "ABI");
#endif

#endif
