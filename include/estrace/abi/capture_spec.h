/* What the BPF side copies for each syscall: one row per syscall number, filled by userspace
 * from the signature table (src/syscalls) and loaded into the `specs` map before attach.
 * Shared by bpf/ and src/: plain C, fixed-width types, explicit padding, append-only. */
#ifndef ESTRACE_ABI_CAPTURE_SPEC_H
#define ESTRACE_ABI_CAPTURE_SPEC_H

#ifdef __BPF__
typedef __u8 es_u8;
typedef __u16 es_u16;
typedef __u32 es_u32;
typedef __u64 es_u64;
typedef __s64 es_s64;
typedef __s32 es_s32;
#else
#include <stdint.h>
typedef uint8_t es_u8;
typedef uint16_t es_u16;
typedef uint32_t es_u32;
typedef uint64_t es_u64;
typedef int64_t es_s64;
typedef int32_t es_s32;
#endif

/* Syscall numbers above this are not traced (x86_64 ends near 470). */
#define ES_MAX_SYSCALLS 512
/* ia32 calls (32-bit processes, int $0x80) have rows of their own after x86_64's: row and
 * record number ES_COMPAT_BASE + the i386 number. One spec map serves both tables. */
#define ES_COMPAT_BASE ES_MAX_SYSCALLS
#define ES_SPEC_ROWS   1024 /* 2 * ES_MAX_SYSCALLS */
/* Capture slots per syscall: execve needs 3 (path, argv, envp). */
#define ES_MAX_CAPTURES 4
/* Largest single capture: bounds every copy so the verifier can check it. */
#define ES_MAX_CAPTURE_BYTES 16384
/* Longest path copied (PATH_MAX): strace prints paths in full, ignoring -s. */
#define ES_PATH_MAX 4096
/* Strings copied per argv-like array before "..." (strace's default -s is 32). */
#define ES_MAX_ARRAY_ITEMS 64

enum es_capture_kind {
	ES_CAP_NONE = 0,
	ES_CAP_STRING = 1,	  /* NUL-terminated string, up to `size` bytes (0: string limit) */
	ES_CAP_BUF_ARG = 2,	  /* buffer, length in args[len_arg], clipped to the string limit */
	ES_CAP_BUF_RET = 3,	  /* buffer, length is the return value (exit only, ret > 0) */
	ES_CAP_FIXED = 4,	  /* fixed-size struct of `size` bytes */
	ES_CAP_STRING_ARRAY = 5,  /* NULL-terminated char *[]: items, see es_array_item */
	ES_CAP_ARRAY_COUNT = 6,	  /* NULL-terminated pointer array: only its length (u32) */
	ES_CAP_PATH = 7,	  /* NUL-terminated path, up to ES_PATH_MAX bytes */
	ES_CAP_BUF_ARG_FIXED = 8, /* array of args[len_arg] items of `size` bytes (pollfd, iovec) */
	ES_CAP_BUF_ARGPTR = 9,	  /* buffer, length in *(u32 *)args[len_arg] (socklen_t *) */
	ES_CAP_USER_SP = 10,	  /* `size` bytes at the user stack pointer + 8 * len_arg
				  * (rt_sigreturn's frame; captured at enter) */
	ES_CAP_IOVEC_ARG = 11,	  /* struct iovec[args[len_arg]] and up to the string limit of
				  * each base: writev (see es_iovec_item) */
	ES_CAP_IOVEC_RET = 12,	  /* the same, the return value's bytes spread over the items
				  * in order: readv */
	ES_CAP_FD_FILE_RET = 13,  /* what the returned fd refers to (es_fd_file), for -y */
	ES_CAP_FD_FILE_PAIR = 14, /* the same for the two fds in int[2] at args[len_arg] (pipe) */
	ES_CAP_MSGHDR_ARG = 15,	  /* struct msghdr, its name and its iovecs (sendmsg), see
				  * es_msghdr_head */
	ES_CAP_MSGHDR_RET = 16,	  /* the same, iovecs filled up to the return value (recvmsg) */
	ES_CAP_SOCKETS = 17,	  /* -yy: es_sock_info[] for the socket fd arguments (state at
				  * enter) and returned fds (at exit); not a slot: added after them
				  * when the spec names fd arguments or the call returns fds */
	ES_CAP_MSG_CONTROL = 18,  /* a struct msghdr's control buffer: up to `size` bytes of
				  * msg_controllen (for a receive, as the kernel set it) */
	ES_CAP_MMSGHDR_ARG = 19,  /* struct mmsghdr[args[len_arg]], read at exit (sendmmsg: the
				  * kernel wrote msg_len), see es_mmsg_item */
	ES_CAP_MMSGHDR_RET = 20,  /* the first `ret` of them, each message's iovecs filled up to
				  * its msg_len (recvmmsg) */
	ES_CAP_FD_FILE_RECV = 21, /* -y: es_fd_file[] for the descriptors a receive's SCM_RIGHTS
				  * messages brought, at exit: the struct msghdr at args[len_arg]
				  * (`size` 0: recvmsg) or the first `ret` of the struct mmsghdr
				  * array there (`size` is its stride, 64: recvmmsg) */
};

/* Capture parts that an older kernel's verifier may refuse. estrace loads without them when
 * it must (or when ESTRACE_CAPTURE_OFF names them), traces everything else, and says once
 * what is off; a call whose capture is off prints its pointer as strace does for memory it
 * cannot read. Bits of the programs' `optional_off`. */
enum es_optional_capture {
	ES_OPT_MMSG = 1 << 0,	  /* sendmmsg/recvmmsg message contents */
	ES_OPT_RECV_FDS = 1 << 1, /* descriptors received with SCM_RIGHTS, for -y */
	ES_OPT_SOCKETS = 1 << 2,  /* -yy socket addresses */
	ES_OPT_IOVEC = 1 << 3,	  /* readv/writev/sendmsg/recvmsg buffer contents */
};
#define ES_OPT_ALL 0xf

/* ES_CAP_FD_FILE_RECV describes at most this many descriptors per call. */
#define ES_RECV_FDS_MAX 16

/* ES_CAP_MSGHDR_* data: this header, `name_copied` bytes of the address, then the iovec
 * items as for ES_CAP_IOVEC_* (es_iovec_item), no padding. */
struct es_msghdr_head {
	es_u64 name;
	es_u32 namelen;
	es_u32 name_copied;
	es_u64 iov;
	es_u64 iovlen;
	es_u64 control;
	es_u64 controllen;
	es_u32 flags;
	es_u32 pad;
};

/* ES_CAP_MMSGHDR_* data: per message this header, `hdr.name_copied` bytes of the address,
 * `control_copied` bytes of msg_control, then `iov_bytes` of es_iovec_item records (as for
 * ES_CAP_IOVEC_*), no padding. At most the slot's `size` messages are copied (strace shows -s
 * of them, all under -v); the capture is ES_CAPR_TRUNCATED when it ran out of room before. */
struct es_mmsg_item {
	struct es_msghdr_head hdr;
	es_u32 msg_len;
	es_u32 control_copied;
	es_u32 iov_bytes;
	es_u8 iov_result; /* ES_CAPR_* of this message's iovecs */
	es_u8 pad[3];
};
/* Bytes of one message's control buffer copied (SCM_RIGHTS with 58 fds fits). */
#define ES_MMSG_CONTROL_MAX 256
/* Messages copied at most, whatever the string limit (the array's room runs out first). */
#define ES_MMSG_MAX 256

/* Captures that describe the result rather than an argument carry this argument index. */
#define ES_ARG_RESULT 6
/* ES_CAP_SOCKETS carries this one: it describes several fds, arguments and result. */
#define ES_ARG_SOCKETS 7

/* ES_CAP_FD_FILE_*: one per fd, from the kernel's file table at exit, so -y can name a pipe
 * or socket of a process that is gone from /proc by the time its calls are decoded. */
struct es_fd_file {
	es_u64 ino;
	es_u32 mode; /* the inode's i_mode: S_IFIFO, S_IFSOCK, 0 for anonymous inodes */
	es_s32 fd;
	char name[32]; /* the dentry's name: "[eventfd]" for an anonymous inode */
	es_u16 family; /* sockets: AF_*, SOCK_*, IPPROTO_* (for -yy's "TCP:[...]") */
	es_u16 type;
	es_u16 protocol;
	es_u16 pad;
};

/* ES_CAP_IOVEC_* data: per item this header, then `copied` bytes, no padding. The capture
 * is ES_CAPR_TRUNCATED when items were left out. */
struct es_iovec_item {
	es_u64 base;
	es_u64 len;    /* iov_len as the caller set it */
	es_u32 copied; /* bytes that follow */
	es_u32 result; /* ES_CAPR_FAULT: the base could not be read */
};

enum es_capture_when {
	ES_AT_ENTER = 1, /* what the call consumes and may destroy (execve's argv) */
	ES_AT_EXIT = 2,	 /* default: what the call used or produced, pages now faulted in */
};

enum es_capture_flags {
	ES_CAPF_SUCCESS_ONLY = 1 << 0, /* skip when the call failed (output buffers) */
	ES_CAPF_PTR32 = 1 << 1,	       /* an ia32 call's array: 4-byte pointers (char *[]) and
					* iovecs of two u32 (ES_CAP_STRING_ARRAY, _ARRAY_COUNT,
					* _IOVEC_*) */
};

struct es_capture_slot {
	es_u8 kind;    /* enum es_capture_kind */
	es_u8 arg;     /* which argument holds the pointer */
	es_u8 len_arg; /* for ES_CAP_BUF_ARG / _BUF_ARG_FIXED / _BUF_ARGPTR */
	es_u8 when;    /* enum es_capture_when */
	es_u16 size;   /* fixed size, item size, or max string bytes */
	es_u16 flags;  /* enum es_capture_flags */
};

enum es_spec_flags {
	ES_SPEC_TRACED = 1 << 0,       /* in the -e trace= set: emit records for it */
	ES_SPEC_ENTER_RECORD = 1 << 1, /* may block: also emit a record at enter (unfinished) */
	ES_SPEC_NO_RETURN = 1 << 2,    /* exit, exit_group: never returns, printed as "= ?" */
	ES_SPEC_FD_TRACK = 1 << 3,     /* -y, -P: changes the descriptor table; when it succeeds
					* but is not shown (not traced, or -Z), sent as a hidden
					* record so the table stays right */
};

struct es_syscall_spec {
	struct es_capture_slot slots[ES_MAX_CAPTURES];
	es_u32 flags;  /* enum es_spec_flags */
	es_u8 fd_args; /* -yy: bit i set when args[i] is a descriptor (its socket is described) */
	es_u8 pad[3];
};

#ifndef __BPF__
#ifdef __cplusplus
static_assert(sizeof(struct es_capture_slot) == 8, "ABI");
static_assert(sizeof(struct es_syscall_spec) == 40, "ABI");
static_assert(ES_SPEC_ROWS == 2 * ES_MAX_SYSCALLS, "x86_64 rows, then as many ia32 rows");
static_assert(sizeof(struct es_mmsg_item) == 72, "ABI");
#endif
#else
_Static_assert(sizeof(struct es_capture_slot) == 8, "ABI");
_Static_assert(sizeof(struct es_syscall_spec) == 40, "ABI");
_Static_assert(ES_SPEC_ROWS == 2 * ES_MAX_SYSCALLS, "x86_64 rows, then as many ia32 rows");
_Static_assert(sizeof(struct es_mmsg_item) == 72, "ABI");
#endif

#endif
