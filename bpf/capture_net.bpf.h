/* -yy: what a socket descriptor refers to, in the words of sock_diag (addresses and ports,
 * unix peer and path, netlink port id), read from struct sock when strace would print the
 * fd: an argument as the call starts (stashed in task storage until the record is built),
 * a returned fd as it ends. Costs nothing unless `describe_sockets` is set before load. */
#ifndef ESTRACE_CAPTURE_NET_BPF_H
#define ESTRACE_CAPTURE_NET_BPF_H

#include "estrace/abi/sock_info.h"
#include <bpf/bpf_endian.h>

#include "capture.bpf.h"
#include "maps.bpf.h"

/* -yy (set before load): the only switch; with it off the verifier drops every caller. */
const volatile bool describe_sockets = false;

/* include/linux/socket.h, include/uapi/linux/stat.h */
#define ES_AF_UNIX    1
#define ES_AF_INET    2
#define ES_AF_INET6   10
#define ES_AF_NETLINK 16
#define ES_S_IFMT     0170000
#define ES_S_IFSOCK   0140000

/* A socket's inode number, as sock_i_ino reports it: 0 while it has no file (a connection
 * not accepted yet, or one whose descriptor was closed). */
static __always_inline __u64 net_sock_ino(struct sock *sk)
{
	return sk ? BPF_CORE_READ(sk, sk_socket, file, f_inode, i_ino) : 0;
}

/* Fills `out` when fd `fd` is a socket; returns 0 otherwise. A global function: verified once
 * though both the enter stash and the exit capture call it. */
__noinline int describe_socket(int fd, struct es_sock_info *out)
{
	struct file *file = fd_file(fd);
	struct socket *sock;
	struct sock *sk;
	__u16 family;

	if (optional_off & ES_OPT_SOCKETS)
		return 0;
	if (!out || !file)
		return 0;
	if ((BPF_CORE_READ(file, f_inode, i_mode) & ES_S_IFMT) != ES_S_IFSOCK)
		return 0;
	sock = BPF_CORE_READ(file, private_data); /* a socket file's private data */
	sk = BPF_CORE_READ(sock, sk);
	if (!sk)
		return 0;
	__builtin_memset(out, 0, sizeof(*out));
	out->fd = fd;
	out->ino = BPF_CORE_READ(file, f_inode, i_ino);
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	out->family = family;
	out->type = BPF_CORE_READ(sk, sk_type);
	out->protocol = BPF_CORE_READ(sk, sk_protocol);
	/* sockfs names a socket's dentry after its protocol: what strace's "TCP:[...]" shows */
	bpf_probe_read_kernel_str(out->proto, sizeof(out->proto),
				  BPF_CORE_READ(file, f_path.dentry, d_name.name));
	if (family == ES_AF_INET || family == ES_AF_INET6) {
		/* What inet_diag reports: the bound (receive) address and the peer's. */
		out->local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
		out->remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		if (family == ES_AF_INET) {
			bpf_core_read(out->local_addr, 4, &sk->__sk_common.skc_rcv_saddr);
			bpf_core_read(out->remote_addr, 4, &sk->__sk_common.skc_daddr);
		} else {
			bpf_core_read(out->local_addr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
			bpf_core_read(out->remote_addr, 16, &sk->__sk_common.skc_v6_daddr);
		}
	} else if (family == ES_AF_UNIX) {
		/* unix_diag: the peer's inode, and the socket's own bound name (an accepted
		 * socket shares its listener's) */
		struct unix_sock *u = (struct unix_sock *)sk;
		struct unix_address *addr = BPF_CORE_READ(u, addr);
		__s32 len;

		out->peer_ino = net_sock_ino(BPF_CORE_READ(u, peer));
		if (addr) {
			/* The whole sun_path at a fixed size (bounds the verifier can check); the
			 * address's length, which counts sun_family, says how much is the name. */
			len = BPF_CORE_READ(addr, len) - 2;
			if (len > ES_UNIX_PATH_MAX)
				len = ES_UNIX_PATH_MAX;
			if (len > 0 && !bpf_probe_read_kernel(out->path, sizeof(out->path),
							      (void *)addr->name[0].sun_path))
				out->path_len = len;
		}
	} else if (family == ES_AF_NETLINK) {
		out->portid = BPF_CORE_READ((struct netlink_sock *)sk, portid);
	}
	return 1;
}

/* At enter: the sockets behind the call's fd arguments (spec->fd_args), as they are before
 * the call changes them (bind, connect); capture_sockets adds them to the record. */
__noinline int stash_sockets(struct es_task_state *st, const struct es_syscall_spec *spec)
{
	struct es_sock_stash *stash;
	__u32 n = 0;
	int i;

	if (optional_off & ES_OPT_SOCKETS)
		return 0;
	if (!st || !spec)
		return 0;
	stash = bpf_task_storage_get(&sock_stash, bpf_get_current_task_btf(), 0,
				     BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!stash)
		return 0;
	stash->enter_ts = st->enter_ts;
	for (i = 0; i < 6; i++) {
		if (!(spec->fd_args & (1 << i)) || n >= 2)
			continue;
		if (describe_socket((int)st->args[i], &stash->items[n])) {
			stash->items[n].when = ES_AT_ENTER;
			n++;
		}
	}
	stash->count = n;
	return 0;
}

/* Appends one ES_CAP_SOCKETS capture at `off` of the record in `rec_buf`: the stashed fd
 * arguments, then (at exit) the sockets the call returned (the fds its ES_CAP_FD_FILE_*
 * slot names). Returns the new record length; nothing when no fd is a socket. */
__noinline __u32 capture_sockets(struct scratch *rec_buf, __u32 off,
				 const struct es_syscall_spec *spec, __u32 when)
{
	__u8 *buf = rec_buf ? rec_buf->data : 0;
	struct es_syscall_record *rec = (void *)buf;
	struct es_sock_stash *stash;
	struct es_sock_info *items;
	struct es_capture *cap;
	__s32 fds[2] = { -1, -1 };
	__u32 n = 0;
	int i;

	if (optional_off & ES_OPT_SOCKETS)
		return off;
	if (!buf || !spec || off > ES_SCRATCH_HALF - sizeof(*cap))
		return off;
	barrier_var(off); /* keep the mask: the verifier needs it (see capture_slot) */
	off &= ES_SCRATCH_HALF - 1;
	cap = (void *)(buf + off);
	items = (void *)(buf + off + sizeof(*cap));
	if (spec->fd_args) {
		stash = bpf_task_storage_get(&sock_stash, bpf_get_current_task_btf(), 0, 0);
		if (stash && stash->enter_ts == rec->enter_ts) {
			for (i = 0; i < 2; i++) {
				if (i < stash->count) {
					__builtin_memcpy(&items[n], &stash->items[i],
							 sizeof(*items));
					n++;
				}
			}
		}
	}
	if ((when & ES_AT_EXIT) && rec->ret >= 0) {
		for (i = 0; i < ES_MAX_CAPTURES; i++) {
			const struct es_capture_slot *slot = &spec->slots[i];

			if (slot->kind == ES_CAP_FD_FILE_RET)
				fds[0] = (__s32)rec->ret;
			else if (slot->kind == ES_CAP_FD_FILE_PAIR)
				bpf_probe_read_user(fds, sizeof(fds),
						    (void *)arg_at(rec->args, slot->len_arg));
		}
		for (i = 0; i < 2; i++) {
			if (fds[i] >= 0 && n < ES_SOCKETS_MAX &&
			    describe_socket(fds[i], &items[n])) {
				items[n].when = ES_AT_EXIT;
				n++;
			}
		}
	}
	if (!n)
		return off;
	cap->slot = ES_MAX_CAPTURES; /* no slot asked for it */
	cap->arg = ES_ARG_SOCKETS;
	cap->kind = ES_CAP_SOCKETS;
	cap->result = 0;
	cap->len = n * sizeof(*items);
	rec->ncaptures++;
	return off + sizeof(*cap) + n * sizeof(*items);
}

#endif
