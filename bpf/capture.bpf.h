/* Generic, spec-driven capture: copies what a syscall's row in `specs` asks for into the
 * record being built. Knows capture kinds, never syscall numbers (design decision 4). */
#ifndef ESTRACE_CAPTURE_BPF_H
#define ESTRACE_CAPTURE_BPF_H

#include "maps.bpf.h"

/* -s: how many bytes of a buffer or string argument to copy (set before load). */
const volatile __u32 string_limit = 32;
/* enum es_optional_capture bits left out of this load (set before load). Each optional
 * global function returns at once when its bit is set, so the verifier never walks the rest:
 * 6.1 verifies every global function, called or not. */
const volatile __u32 optional_off = 0;

/* Longest single argv item copied: long items are cut at -s anyway. */
#define ES_ITEM_MAX 4096
/* Pointer arrays are counted up to this many entries (envp under default -v off). */
#define ES_COUNT_MAX 65536

/* args[i] with i checked in a way the verifier can follow (a modulo is not). */
static __always_inline __u64 arg_at(const __u64 *args, __u8 i)
{
	if (i >= 6)
		return 0;
	return args[i];
}

static __always_inline __u32 clamp_u32(__u64 v, __u32 max)
{
	return v > max ? max : (__u32)v;
}

/* Item `i` of a user array of pointers, 8 bytes wide or (an ia32 task's) 4. */
static __always_inline long read_user_ptr(__u64 *p, __u64 base, __u64 i, bool ptr32)
{
	*p = 0;
	if (ptr32)
		return bpf_probe_read_user(p, 4, (void *)(base + i * 4));
	return bpf_probe_read_user(p, 8, (void *)(base + i * 8));
}

struct count_ctx {
	__u64 base;
	__u32 count;
	__u8 result;
	__u8 ptr32;
};

static long count_one(__u64 i, struct count_ctx *c)
{
	__u64 p = 0;

	if (read_user_ptr(&p, c->base, i, c->ptr32)) {
		c->result |= ES_CAPR_FAULT;
		return 1;
	}
	if (!p)
		return 1;
	c->count++;
	return 0;
}

/* NULL-terminated pointer array: only its length (envp's "/ * 21 vars * /"). */
static __always_inline __u32 capture_count(__u8 *data, __u64 uptr, bool ptr32, __u8 *result)
{
	struct count_ctx c;

	ES_LOOP_STATE(c);
	c.base = uptr;
	c.ptr32 = ptr32;
	bpf_loop(ES_COUNT_MAX, count_one, &c, 0);
	if (c.count == ES_COUNT_MAX)
		c.result |= ES_CAPR_TRUNCATED;
	*result |= c.result;
	*(__u32 *)data = c.count;
	return sizeof(__u32);
}

struct array_ctx {
	__u8 *data;
	__u64 base;
	__u32 pos;
	__u8 result;
	__u8 ended;
	__u8 ptr32;
};

/* One argv item per bpf_loop step: a loop body verified once, not once per item. */
static long copy_item(__u64 i, struct array_ctx *c)
{
	__u32 item_read = clamp_u32((__u64)string_limit + 2, ES_ITEM_MAX);
	__u32 pos = c->pos, len, cut = 0;
	__u8 *data = c->data, *item;
	__u64 p = 0;
	long n;

	if (!data)
		return 1;
	if (read_user_ptr(&p, c->base, i, c->ptr32)) {
		c->result |= ES_CAPR_FAULT;
		c->ended = 1;
		return 1;
	}
	if (!p) {
		c->ended = 1;
		return 1;
	}
	if (pos > ES_MAX_CAPTURE_BYTES - 2 - ES_ITEM_MAX)
		return 1; /* full: the array is cut here */
	/* The item's place, taken once while pos is known to be bounded: 6.1's verifier loses
	 * the bound of a copy of pos spilled across the helper call. */
	item = data + pos;
	n = bpf_probe_read_user_str(item + 2, item_read, (void *)p);
	if (n <= 0) {
		c->result |= ES_CAPR_FAULT;
		c->ended = 1;
		return 1;
	}
	len = n - 1;
	if (len > string_limit) {
		len = string_limit;
		cut = ES_ITEM_CUT;
	}
	len &= ES_ITEM_MAX - 1;
	item[0] = (len | cut) & 0xff;
	item[1] = (len | cut) >> 8;
	c->pos = (pos + 2 + len) & (ES_MAX_CAPTURE_BYTES - 1); /* see copy_iovec */
	return 0;
}

/* NULL-terminated char *[] (argv): each item as a u16 length and its bytes, cut at -s. */
static __always_inline __u32 capture_string_array(__u8 *data, __u64 uptr, bool ptr32, __u8 *result)
{
	struct array_ctx c;

	ES_LOOP_STATE(c);
	c.data = data;
	c.base = uptr;
	c.ptr32 = ptr32;
	bpf_loop(ES_MAX_ARRAY_ITEMS, copy_item, &c, 0);
	if (!c.ended)
		c.result |= ES_CAPR_TRUNCATED;
	*result |= c.result;
	return c.pos;
}

struct iovec_ctx {
	__u8 *data;
	__u64 base;   /* the user's struct iovec array */
	__u64 budget; /* bytes the call moved (readv's return), or ~0 for writes */
	__u32 pos;
	__u8 result;
	__u8 ptr32; /* an ia32 task's struct compat_iovec: two u32 */
};

/* One iovec item per bpf_loop step: its header, then up to -s bytes of what it points at. The
 * header is written in place in the record (the stack is budgeted: bpf/README.md). */
static long copy_iovec(__u64 i, struct iovec_ctx *c)
{
	struct es_iovec_item *item;
	__u8 *data = c->data;
	__u32 pos = c->pos, n;
	__u64 len, take;

	if (!data)
		return 1;
	if (pos > ES_MAX_CAPTURE_BYTES - sizeof(*item) - ES_ITEM_MAX)
		return 1; /* full: the array is cut here */
	item = (void *)(data + pos);
	/* A compat_iovec's two u32 are read into the low halves of zeroed u64s, one at a time:
	 * the verifier then knows nothing of the values, as for a 64-bit iovec. Read as one u64
	 * and split, they would be bounded below 2^32, and the loop's budget, shrinking by a
	 * bounded amount each step, would never look the same twice (500,000 instructions). */
	if (c->ptr32 ? read_user_ptr(&item->base, c->base, 2 * i, true) ||
			       read_user_ptr(&item->len, c->base, 2 * i + 1, true)
		     : bpf_probe_read_user(item, 2 * sizeof(__u64), (void *)(c->base + i * 16))) {
		c->result |= ES_CAPR_FAULT;
		return 1;
	}
	len = item->len;
	take = len < c->budget ? len : c->budget;
	n = clamp_u32(take, string_limit);
	n = clamp_u32(n, ES_ITEM_MAX);
	barrier_var(n);
	if (n > ES_ITEM_MAX)
		n = ES_ITEM_MAX;
	item->result = 0;
	if (n && bpf_probe_read_user(data + pos + sizeof(*item), n, (void *)item->base)) {
		item->result = ES_CAPR_FAULT;
		n = 0;
	}
	item->copied = n;
	c->budget -= take;
	/* A no-op (pos and n are bounded above) that lets the verifier see the loop converge. */
	c->pos = (pos + sizeof(*item) + n) & (ES_MAX_CAPTURE_BYTES - 1);
	return 0;
}

/* struct iovec[count] and what the items point at, written at offset `at` of the record.
 * A global function: verified once per program with its arguments unknown, so the loop body
 * converges at once (inlined at three sites with a constant start, the verifier walked the
 * loop for each offset it could reach: 20 ms of start-up per program). Returns the bytes
 * written in the low 24 bits and the ES_CAPR_* result in the top 8 (see iovec_done). */
#define ES_AT_PTR32 (1U << 31) /* in capture_iovec_at's `at`: compat_iovec items */
__noinline __u32 capture_iovec_at(struct scratch *rec_buf, __u32 at, __u64 uptr, __u64 count,
				  __u64 budget)
{
	struct iovec_ctx c;
	__u32 items = clamp_u32(count, ES_MAX_ARRAY_ITEMS);
	long done;

	ES_LOOP_STATE(c);
	c.base = uptr;
	c.budget = budget;
	c.ptr32 = !!(at & ES_AT_PTR32);
	if (optional_off & ES_OPT_IOVEC)
		return 0;
	at &= ~ES_AT_PTR32;
	if (!rec_buf || at >= 2 * ES_SCRATCH_HALF) /* mmsghdr arrays call it past the half */
		return 0;
	barrier_var(at);
	at &= 2 * ES_SCRATCH_HALF - 1;
	c.data = rec_buf->data + at;
	done = bpf_loop(items, copy_iovec, &c, 0);
	if (done < items || count > items)
		c.result |= ES_CAPR_TRUNCATED;
	return (c.pos & 0xffffff) | (__u32)c.result << 24;
}

/* The bytes capture_iovec_at wrote; its result flags go to *result. */
static __always_inline __u32 iovec_done(__u32 packed, __u8 *result)
{
	*result |= packed >> 24;
	return packed & 0xffffff;
}

/* An ia32 task's struct compat_msghdr, as the caller laid it out. */
struct compat_msghdr_layout {
	__u32 name, namelen, iov, iovlen, control, controllen, flags;
};
/* Where a struct msghdr's msg_control and msg_controllen are: es_msghdr_head mirrors the
 * 64-bit struct user_msghdr. */
#define ES_MSG_CONTROL_AT   __builtin_offsetof(struct es_msghdr_head, control)
#define ES_MSG_CONTROL_AT32 __builtin_offsetof(struct compat_msghdr_layout, control)

/* The caller's struct msghdr (the kernel's struct user_msghdr) read straight into `head`, in
 * the record: es_msghdr_head has its layout, with name_copied where the padding is. An ia32
 * task's struct compat_msghdr is read just after the head, where the address goes next, and
 * widened. Nothing of it lives on the stack (the stack is budgeted: bpf/README.md). */
static __always_inline long read_msghdr(struct es_msghdr_head *head, __u64 uptr, bool ptr32)
{
	struct compat_msghdr_layout *m32 = (void *)(head + 1);

	if (!ptr32) {
		if (bpf_probe_read_user(head, sizeof(*head), (void *)uptr))
			return -1;
	} else {
		if (bpf_probe_read_user(m32, sizeof(*m32), (void *)uptr))
			return -1;
		head->name = m32->name;
		head->namelen = m32->namelen;
		head->iov = m32->iov;
		head->iovlen = m32->iovlen;
		head->control = m32->control;
		head->controllen = m32->controllen;
		head->flags = m32->flags;
	}
	head->name_copied = 0;
	head->pad = 0;
	return 0;
}

/* Copies `len` bytes (at most ES_MMSG_CONTROL_MAX) of user memory to offset `at` of the
 * record; returns them, 0 when the read faults. A global function: the lengths and offsets
 * of copy_mmsg's reads stay out of the verifier's path-by-path tracking, so its loop body is
 * walked a few times instead of once per combination of address and control lengths. */
__noinline __u32 copy_user_at(struct scratch *rec_buf, __u32 at, __u64 uptr, __u32 want)
{
	__u64 n = want; /* 64-bit: the bound below then holds for the register the call gets */
	if (optional_off & ES_OPT_MMSG)
		return 0;

	if (!rec_buf || at >= 2 * ES_SCRATCH_HALF)
		return 0;
	barrier_var(at);
	at &= 2 * ES_SCRATCH_HALF - 1;
	if (n > ES_MMSG_CONTROL_MAX)
		n = ES_MMSG_CONTROL_MAX;
	if (!n || bpf_probe_read_user(rec_buf->data + at, n, (void *)uptr))
		return 0;
	return n;
}

/* Room one message's header, address and control bytes can take. */
#define ES_MMSG_HEAD_MAX (sizeof(struct es_mmsg_item) + 128 + ES_MMSG_CONTROL_MAX)

struct mmsg_ctx {
	struct scratch *rec_buf;
	__u64 base; /* the user's struct mmsghdr array */
	__u32 at;   /* where the capture's data starts in rec_buf */
	__u32 pos;
	__u8 filled; /* a receive: each message's iovecs hold its msg_len bytes */
	__u8 result;
};

/* One struct mmsghdr per bpf_loop step: es_mmsg_item, the address, the control bytes, then
 * the iovecs through capture_iovec_at (a global function: verified once, not per step). The
 * user's struct mmsghdr (a msghdr, msg_len) is read straight into the item, whose first 60
 * bytes have its layout; the rest of the item is filled in after. */
static long copy_mmsg(__u64 i, struct mmsg_ctx *c)
{
	__u32 pos = c->pos, at, nlen, clen, iov;
	struct es_mmsg_item *item;

	if (!c->rec_buf)
		return 1;
	if (pos > ES_MAX_CAPTURE_BYTES - ES_MMSG_HEAD_MAX) {
		c->result |= ES_CAPR_TRUNCATED; /* full: the array is cut here */
		return 1;
	}
	/* Below 48 KiB (a capture starts below 32 KiB, pos is below 16 KiB): a no-op mask. */
	at = (c->at + pos) & (2 * ES_SCRATCH_HALF - 1);
	item = (void *)(c->rec_buf->data + at);
	/* struct mmsghdr: 64 bytes, msg_len at 56 as in es_mmsg_item */
	if (bpf_probe_read_user(item, 64, (void *)(c->base + i * 64))) {
		c->result |= ES_CAPR_FAULT;
		return 1;
	}
	nlen = copy_user_at(c->rec_buf, at + sizeof(*item), item->hdr.name,
			    item->hdr.name ? clamp_u32(item->hdr.namelen, 128) : 0);
	clen = copy_user_at(c->rec_buf, at + sizeof(*item) + nlen, item->hdr.control,
			    item->hdr.control ? clamp_u32(item->hdr.controllen, ES_MMSG_CONTROL_MAX)
					      : 0);
	iov = capture_iovec_at(c->rec_buf, at + sizeof(*item) + nlen + clen, item->hdr.iov,
			       item->hdr.iovlen, c->filled ? item->msg_len : ~0ULL);
	item->hdr.name_copied = nlen;
	item->hdr.pad = 0;
	item->control_copied = clen;
	item->iov_bytes = iov & 0xffffff;
	item->iov_result = iov >> 24;
	item->pad[0] = item->pad[1] = item->pad[2] = 0;
	/* A no-op (a message adds less than 17 KiB) that lets the verifier see the loop converge. */
	c->pos = (pos + sizeof(*item) + nlen + clen + (iov & 0xffffff)) &
		 (4 * ES_MAX_CAPTURE_BYTES - 1);
	return 0;
}

/* Receives fill each message's iovecs with its msg_len bytes (capture_mmsg_at's `how`). */
#define ES_MMSG_FILLED (1u << 16)

/* struct mmsghdr[count] (sendmmsg, recvmmsg) written at offset `at` of the record, at most
 * `how & 0xffff` messages (strace prints no more), ES_MMSG_FILLED for a receive (BPF allows
 * five arguments). Global, like capture_iovec_at; returns the bytes written and the
 * ES_CAPR_* result packed the same way. */
__noinline __u32 capture_mmsg_at(struct scratch *rec_buf, __u32 at, __u64 uptr, __u64 count,
				 __u32 how)
{
	struct mmsg_ctx c;
	__u32 items = clamp_u32(count, clamp_u32(how & 0xffff, ES_MMSG_MAX));

	ES_LOOP_STATE(c);
	c.rec_buf = rec_buf;
	c.base = uptr;
	c.filled = !!(how & ES_MMSG_FILLED);
	if (optional_off & ES_OPT_MMSG)
		return 0;
	if (!rec_buf || at > ES_SCRATCH_HALF)
		return 0;
	c.at = at;
	bpf_loop(items, copy_mmsg, &c, 0);
	return (c.pos & 0xffffff) | (__u32)c.result << 24;
}

/* The open file behind fd `fd` of the current task, from its file table, or NULL. */
static __always_inline struct file *fd_file(int fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file **files, *file = 0;

	if (!fdt || fd < 0 || (unsigned int)fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	files = BPF_CORE_READ(fdt, fd);
	if (bpf_probe_read_kernel(&file, sizeof(file), &files[fd]))
		return 0;
	return file;
}

/* What fd `fd` of the current task refers to, from its file table. */
static __always_inline bool describe_fd(int fd, struct es_fd_file *out)
{
	struct file *file = fd_file(fd);

	if (!file)
		return false;
	out->fd = fd;
	out->ino = BPF_CORE_READ(file, f_inode, i_ino);
	out->mode = BPF_CORE_READ(file, f_inode, i_mode);
	bpf_probe_read_kernel_str(out->name, sizeof(out->name),
				  BPF_CORE_READ(file, f_path.dentry, d_name.name));
	if ((out->mode & 0170000) == 0140000) { /* S_IFSOCK: file->private_data is the socket */
		struct socket *sock = BPF_CORE_READ(file, private_data);
		struct sock *sk = BPF_CORE_READ(sock, sk);

		if (sk) {
			out->family = BPF_CORE_READ(sk, __sk_common.skc_family);
			out->type = BPF_CORE_READ(sk, sk_type);
			out->protocol = BPF_CORE_READ(sk, sk_protocol);
		}
	}
	return true;
}

/* describe_fd into the es_fd_file at offset `at` of the record; the fd is kept even when it
 * cannot be described (ino 0). A global function: callers in loops pass `at` without the
 * verifier tracking it, so their loops converge at once. */
__noinline int describe_fd_at(struct scratch *rec_buf, __u32 at, int fd)
{
	struct es_fd_file *f;

	if (optional_off & ES_OPT_RECV_FDS)
		return 0;
	if (!rec_buf || at > 2 * ES_SCRATCH_HALF)
		return 0;
	barrier_var(at);
	at &= 2 * ES_SCRATCH_HALF - 1;
	f = (void *)(rec_buf->data + at);
	__builtin_memset(f, 0, sizeof(*f));
	describe_fd(fd, f);
	f->fd = fd;
	return 1;
}

/* uapi <asm-generic/socket.h>, <linux/socket.h> */
#define ES_SOL_SOCKET 1
#define ES_SCM_RIGHTS 1

/* Walks the control messages of one or more received messages, one step per bpf_loop
 * iteration: a message's control buffer, a cmsghdr, or one descriptor of an SCM_RIGHTS. */
struct recv_fds_ctx {
	struct scratch *rec_buf;
	__u64 base;   /* the user's struct msghdr, or struct mmsghdr array */
	__u64 cmsg;   /* the next cmsghdr in the current control buffer; 0: next message */
	__u64 end;    /* the end of the current control buffer */
	__u64 fd_at;  /* the next descriptor of the current SCM_RIGHTS */
	__u32 at;     /* where the capture's data starts in rec_buf */
	__u32 stride; /* sizeof(struct mmsghdr), 0 for one struct msghdr */
	__u32 messages;
	__u32 msg;
	__u32 fd_left; /* descriptors left in the current SCM_RIGHTS */
	__u32 n;       /* descriptors described */
};

static long recv_fd_step(__u64 i, struct recv_fds_ctx *c)
{
	struct {
		__u64 len;
		__s32 level;
		__s32 type;
	} h;
	__u64 control[2]; /* msg_control, msg_controllen */
	int fd;

	if (c->n >= ES_RECV_FDS_MAX)
		return 1;
	if (c->fd_left) {
		if (bpf_probe_read_user(&fd, sizeof(fd), (void *)c->fd_at))
			return 1;
		c->fd_at += sizeof(fd);
		c->fd_left--;
		c->n += describe_fd_at(c->rec_buf, c->at + c->n * sizeof(struct es_fd_file), fd);
		return 0;
	}
	if (!c->cmsg) {
		if (c->msg >= c->messages ||
		    bpf_probe_read_user(
			    control, sizeof(control),
			    (void *)(c->base + (__u64)c->msg * c->stride + ES_MSG_CONTROL_AT)))
			return 1;
		c->msg++;
		if (control[0] && control[1] >= sizeof(h)) {
			c->cmsg = control[0];
			c->end = control[0] + control[1];
		}
		return 0;
	}
	if (c->cmsg + sizeof(h) > c->end || bpf_probe_read_user(&h, sizeof(h), (void *)c->cmsg) ||
	    h.len < sizeof(h)) {
		c->cmsg = 0;
		return 0;
	}
	if (h.level == ES_SOL_SOCKET && h.type == ES_SCM_RIGHTS) {
		c->fd_at = c->cmsg + sizeof(h);
		/* The kernel cuts the last message at the buffer's end (MSG_CTRUNC). */
		c->fd_left =
			((h.len < c->end - c->cmsg ? h.len : c->end - c->cmsg) - sizeof(h)) / 4;
	}
	c->cmsg += (h.len + 7) & ~7ULL;
	return 0;
}

/* The descriptors a receive brought (ES_CAP_FD_FILE_RECV) as es_fd_file[], at `at`. */
static __always_inline __u32 capture_received_fds(struct scratch *rec_buf, __u32 at, __u64 uptr,
						  __u32 stride, __u32 messages)
{
	struct recv_fds_ctx c;

	ES_LOOP_STATE(c);
	c.rec_buf = rec_buf;
	c.base = uptr;
	c.at = at;
	c.stride = stride;
	c.messages = messages;
	/* Each message takes a step, each cmsghdr one, each descriptor one. */
	bpf_loop(4 * ES_RECV_FDS_MAX, recv_fd_step, &c, 0);
	return c.n * sizeof(struct es_fd_file);
}

/* The user stack pointer (for captures relative to it: a signal frame). */
static __always_inline __u64 user_sp(void)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());

	return regs ? BPF_CORE_READ(regs, sp) : 0;
}

/* Copies `want` bytes of a buffer whose full length is `full`; flags a cut. */
static __always_inline __u32 capture_bytes(__u8 *data, __u64 uptr, __u64 full, __u32 want,
					   __u8 *result)
{
	/* 64-bit: the bound is then checked on the very register the helper gets (with a u32,
	 * clang checks a zero-extended copy, which the 6.1 verifier does not link back) */
	__u64 n = clamp_u32(full, want);

	barrier_var(n);
	if (n > ES_MAX_CAPTURE_BYTES)
		n = ES_MAX_CAPTURE_BYTES;
	if (full > n)
		*result |= ES_CAPR_TRUNCATED;
	if (n && bpf_probe_read_user(data, n, (void *)uptr)) {
		*result |= ES_CAPR_FAULT;
		return 0;
	}
	return n;
}

/* A struct msghdr's control messages (sendmsg, recvmsg): msg_controllen bytes of
 * msg_control, up to `want`. */
static __always_inline __u32 capture_msg_control(__u8 *data, __u64 msghdr, __u32 want, bool ptr32,
						 __u8 *result)
{
	__u64 control[2] = {}; /* msg_control, msg_controllen */

	if (ptr32 ? read_user_ptr(&control[0], msghdr + ES_MSG_CONTROL_AT32, 0, true) ||
			    read_user_ptr(&control[1], msghdr + ES_MSG_CONTROL_AT32, 1, true)
		  : bpf_probe_read_user(control, sizeof(control),
					(void *)(msghdr + ES_MSG_CONTROL_AT))) {
		*result |= ES_CAPR_FAULT;
		return 0;
	}
	if (!control[0])
		return 0;
	return capture_bytes(data, control[0], control[1], want, result);
}

/* Whether a capture kind belongs to a part left out of this load (optional_off): the slot is
 * then not captured at all, and the call prints its pointer. */
static __always_inline bool capture_kind_off(__u8 kind)
{
	switch (kind) {
	case ES_CAP_MMSGHDR_ARG:
	case ES_CAP_MMSGHDR_RET:
		return optional_off & ES_OPT_MMSG;
	case ES_CAP_FD_FILE_RECV:
		return optional_off & ES_OPT_RECV_FDS;
	case ES_CAP_IOVEC_ARG:
	case ES_CAP_IOVEC_RET:
	case ES_CAP_MSGHDR_ARG:
	case ES_CAP_MSGHDR_RET:
		return optional_off & ES_OPT_IOVEC;
	}
	return false;
}

/* Appends the capture for one spec slot at `off` of the record in `rec_buf`; returns the new
 * record length. Offsets are masked so the verifier sees every write in bounds. A global
 * function: the verifier checks it once, not once per call site (start-up time). */
__noinline __u32 capture_slot(struct scratch *rec_buf, __u32 off,
			      const struct es_capture_slot *slot, __u32 idx)
{
	__u8 *buf = rec_buf ? rec_buf->data : 0;
	const struct es_syscall_record *rec = (const void *)buf;
	struct es_capture *cap;
	__u8 *data;
	__u8 result = 0;
	__u32 len = 0, limit, ptr32;
	__u64 ptr, full;
	long n;

	const __u64 *args;
	__s64 ret;

	if (!buf || !slot || off > ES_SCRATCH_HALF - sizeof(*cap) || capture_kind_off(slot->kind))
		return off;
	args = rec->args;
	ret = rec->ret;
	barrier_var(off); /* keep the mask: the verifier needs it even where clang sees none */
	off &= ES_SCRATCH_HALF - 1;
	cap = (void *)(buf + off);
	data = buf + off + sizeof(*cap);
	if (slot->kind == ES_CAP_FD_FILE_RET || slot->kind == ES_CAP_FD_FILE_PAIR) {
		/* Describes the result: fds the call created, read from the file table. */
		struct es_fd_file *files = (void *)data;
		__s32 fds[2] = { (__s32)ret, -1 };
		int n = 1, i;

		if (ret < 0)
			return off;
		if (slot->kind == ES_CAP_FD_FILE_PAIR) {
			if (bpf_probe_read_user(fds, sizeof(fds),
						(void *)arg_at(args, slot->len_arg)))
				return off;
			n = 2;
		}
		for (i = 0; i < 2; i++) {
			if (i < n) {
				/* An fd that cannot be described keeps ino 0: userspace skips it. */
				__builtin_memset(&files[i], 0, sizeof(files[i]));
				describe_fd(fds[i], &files[i]);
			}
		}
		len = n * sizeof(*files);
		goto done;
	}
	if (slot->kind == ES_CAP_FD_FILE_RECV) {
		/* Describes the result too: the fds a receive's SCM_RIGHTS installed. */
		if (ret < 0 || (slot->size && ret == 0))
			return off;
		len = capture_received_fds(rec_buf, off + sizeof(*cap), arg_at(args, slot->len_arg),
					   slot->size, slot->size ? ret : 1);
		if (!len)
			return off;
		goto done;
	}
	ptr = slot->kind == ES_CAP_USER_SP ? user_sp() + 8 * (__u64)slot->len_arg
					   : arg_at(args, slot->arg);
	if (!ptr)
		return off; /* NULL: printed from the argument itself */
	if ((slot->flags & ES_CAPF_SUCCESS_ONLY) && ret < 0)
		return off; /* an output the failed call never wrote */
	limit = slot->size ? slot->size : string_limit;
	ptr32 = slot->flags & ES_CAPF_PTR32 ? ES_AT_PTR32 : 0;

	switch (slot->kind) {
	case ES_CAP_PATH:
		n = bpf_probe_read_user_str(data, ES_PATH_MAX, (void *)ptr);
		if (n <= 0) {
			result |= ES_CAPR_FAULT;
		} else {
			len = n - 1;
			if (n == ES_PATH_MAX)
				result |= ES_CAPR_TRUNCATED;
		}
		break;
	case ES_CAP_STRING:
		n = bpf_probe_read_user_str(data, clamp_u32((__u64)limit + 2, ES_MAX_CAPTURE_BYTES),
					    (void *)ptr);
		if (n <= 0) {
			result |= ES_CAPR_FAULT;
		} else {
			len = n - 1;
			if (len > limit) {
				len = limit;
				result |= ES_CAPR_TRUNCATED;
			}
		}
		break;
	case ES_CAP_BUF_ARG:
		len = capture_bytes(data, ptr, arg_at(args, slot->len_arg), limit, &result);
		break;
	case ES_CAP_BUF_RET:
		if (ret <= 0)
			return off;
		len = capture_bytes(data, ptr, ret, limit, &result);
		break;
	case ES_CAP_FIXED:
		len = capture_bytes(data, ptr, slot->size, slot->size, &result);
		break;
	case ES_CAP_BUF_ARG_FIXED:
		full = arg_at(args, slot->len_arg) * slot->size;
		len = capture_bytes(data, ptr, full, ES_MAX_CAPTURE_BYTES, &result);
		break;
	case ES_CAP_BUF_ARGPTR: {
		__u32 ulen = 0;
		__u64 lenptr = arg_at(args, slot->len_arg);

		if (!lenptr || bpf_probe_read_user(&ulen, sizeof(ulen), (void *)lenptr))
			return off;
		len = capture_bytes(data, ptr, ulen, limit, &result);
		break;
	}
	case ES_CAP_USER_SP:
		len = capture_bytes(data, ptr, slot->size, slot->size, &result);
		break;
	case ES_CAP_IOVEC_ARG:
		len = iovec_done(capture_iovec_at(rec_buf, (off + sizeof(*cap)) | ptr32, ptr,
						  arg_at(args, slot->len_arg), ~0ULL),
				 &result);
		break;
	case ES_CAP_IOVEC_RET:
		if (ret <= 0)
			return off;
		len = iovec_done(capture_iovec_at(rec_buf, (off + sizeof(*cap)) | ptr32, ptr,
						  arg_at(args, slot->len_arg), ret),
				 &result);
		break;
	case ES_CAP_MSGHDR_ARG:
	case ES_CAP_MSGHDR_RET: {
		/* struct user_msghdr as the caller laid it out (the kernel updated namelen and
		 * flags for a receive), its address, then its iovecs. */
		struct es_msghdr_head *head = (void *)data;
		__u32 nlen;

		if (read_msghdr(head, ptr, ptr32 != 0)) {
			result |= ES_CAPR_FAULT;
			break;
		}
		nlen = head->name ? clamp_u32(head->namelen, 128) : 0;
		barrier_var(nlen);
		if (nlen > 128)
			nlen = 128;
		if (nlen && bpf_probe_read_user(data + sizeof(*head), nlen, (void *)head->name))
			nlen = 0;
		head->name_copied = nlen;
		len = sizeof(*head) + nlen +
		      iovec_done(capture_iovec_at(
					 rec_buf,
					 (off + sizeof(*cap) + sizeof(*head) + nlen) | ptr32,
					 head->iov, head->iovlen,
					 slot->kind == ES_CAP_MSGHDR_RET ? (__u64)ret : ~0ULL),
				 &result);
		break;
	}
	case ES_CAP_MSG_CONTROL:
		len = capture_msg_control(data, ptr, limit, ptr32 != 0, &result);
		break;
	case ES_CAP_MMSGHDR_ARG:
		len = iovec_done(capture_mmsg_at(rec_buf, off + sizeof(*cap), ptr,
						 arg_at(args, slot->len_arg),
						 clamp_u32(limit, ES_MMSG_MAX)),
				 &result);
		break;
	case ES_CAP_MMSGHDR_RET:
		if (ret <= 0)
			return off;
		len = iovec_done(capture_mmsg_at(rec_buf, off + sizeof(*cap), ptr, ret,
						 clamp_u32(limit, ES_MMSG_MAX) | ES_MMSG_FILLED),
				 &result);
		break;
	case ES_CAP_STRING_ARRAY:
		len = capture_string_array(data, ptr, ptr32 != 0, &result);
		break;
	case ES_CAP_ARRAY_COUNT:
		len = capture_count(data, ptr, ptr32 != 0, &result);
		break;
	default:
		return off;
	}

done:
	cap->slot = idx;
	cap->arg = slot->arg;
	cap->kind = slot->kind;
	cap->result = result;
	cap->len = len;
	return off + sizeof(*cap) + ((len + 7) & ~7u);
}

/* Runs every slot of `spec` whose `when` matches; returns the record length. */
static __always_inline __u32 capture_all(struct es_syscall_record *rec,
					 const struct es_syscall_spec *spec, __u8 when)
{
	__u32 off = sizeof(*rec);
	__u32 before;
	int i;

	for (i = 0; i < ES_MAX_CAPTURES; i++) {
		const struct es_capture_slot *slot = &spec->slots[i];

		if (slot->kind == ES_CAP_NONE || !(slot->when & when))
			continue;
		before = off;
		off = capture_slot((struct scratch *)rec, off, slot, i);
		if (off != before)
			rec->ncaptures++;
	}
	return off;
}

#endif
