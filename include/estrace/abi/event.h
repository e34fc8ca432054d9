/* Records the BPF programs write into the ring buffers, read by src/ingest and src/decode.
 * Shared by bpf/ and src/: plain C, fixed-width types, explicit padding, append-only.
 * Every record starts with es_header; `size` covers the whole record, captures included. */
#ifndef ESTRACE_ABI_EVENT_H
#define ESTRACE_ABI_EVENT_H

#include "capture_spec.h"

enum es_record_kind {
	ES_REC_SYSCALL = 1, /* a completed call (or one that never returns: exit_group) */
	ES_REC_ENTER = 2,   /* a possibly-blocking call has started */
	ES_REC_FORK = 3,    /* a traced task created a traced child (-f) */
	ES_REC_EXEC = 4,    /* a traced task exec'd: comm changed, old pid may vanish */
	ES_REC_EXIT = 5,    /* a traced task exited */
	ES_REC_SIGNAL = 6,  /* a signal is delivered to a traced task */
};

struct es_header {
	es_u16 kind; /* enum es_record_kind */
	es_u16 flags;
	es_u32 size; /* whole record in bytes */
	es_u64 ts;   /* CLOCK_MONOTONIC ns when the record was made */
	es_u32 tid;
	es_u32 tgid;
};

enum es_syscall_flags {
	ES_SYSF_NO_ENTER = 1 << 0,  /* exit without a matching enter (traced mid-call) */
	ES_SYSF_NO_RETURN = 1 << 1, /* the task exited inside the call: "= ?" */
	ES_SYSF_COMPAT = 1 << 2,    /* ia32 task: nr is an i386 number */
	ES_SYSF_HIDDEN = 1 << 3, /* not shown: sent for the descriptor table (ES_SPEC_FD_TRACK) */
};

/* ES_REC_SYSCALL and ES_REC_ENTER: followed by `ncaptures` captures. */
struct es_syscall_record {
	struct es_header h;
	es_u64 enter_ts;
	es_s64 ret;
	es_u64 args[6];
	es_u32 nr;
	es_u16 ncaptures;
	es_u16 flags; /* enum es_syscall_flags */
};

enum es_capture_result {
	ES_CAPR_TRUNCATED = 1 << 0, /* more data (or items) existed than was copied */
	ES_CAPR_FAULT = 1 << 1,	    /* the pointer could not be read */
};

/* One capture: header then `len` bytes, the next capture at the next 8-byte boundary. */
struct es_capture {
	es_u8 slot;   /* index in es_syscall_spec.slots */
	es_u8 arg;    /* argument index the data belongs to */
	es_u8 kind;   /* enum es_capture_kind */
	es_u8 result; /* enum es_capture_result */
	es_u32 len;   /* bytes of data that follow */
};

/* ES_CAP_STRING_ARRAY data: a sequence of items, each a u16 length then the bytes,
 * no padding; the array is complete unless ES_CAPR_TRUNCATED is set. Each string is cut at
 * the string limit and its length has ES_ITEM_CUT set when it was longer. */
#define ES_ITEM_CUT 0x8000

struct es_fork_record {
	struct es_header h; /* tid/tgid: the parent */
	es_u32 child_tid;
	es_u32 child_tgid;
};

struct es_exec_record {
	struct es_header h;
	es_u32 old_tid; /* a non-leader thread that exec'd takes over the leader's pid */
	es_u32 pad;
	char comm[16];
};

struct es_exit_record {
	struct es_header h;
	es_s32 exit_code;  /* wait(2) status layout: (code << 8) | termsig | 0x80 if core */
	es_u32 group_dead; /* the last thread of its process */
};

/* When to show a signal the kernel reported at generation rather than delivery. */
enum es_signal_timing {
	ES_SIG_DELIVERED = 0,  /* delivered: show now */
	ES_SIG_NOW = 1,	       /* the target was not in a call: show now */
	ES_SIG_AFTER_CALL = 2, /* the target was in a call: show after that call's line */
};

/* ES_REC_SIGNAL: the kernel's siginfo as delivered (struct kernel_siginfo, 48 bytes). */
struct es_signal_record {
	struct es_header h;
	es_s32 sig;
	es_u32 ignored; /* never delivered (ignored, or fatal): enum es_signal_timing */
	es_u8 siginfo[48];
};

#ifdef __BPF__
_Static_assert(sizeof(struct es_header) == 24, "ABI");
_Static_assert(sizeof(struct es_syscall_record) == 96, "ABI");
_Static_assert(sizeof(struct es_capture) == 8, "ABI");
_Static_assert(sizeof(struct es_exit_record) == 32, "ABI");
_Static_assert(sizeof(struct es_signal_record) == 80, "ABI");
#elif defined(__cplusplus)
static_assert(sizeof(struct es_header) == 24, "ABI");
static_assert(sizeof(struct es_syscall_record) == 96, "ABI");
static_assert(sizeof(struct es_capture) == 8, "ABI");
static_assert(sizeof(struct es_exit_record) == 32, "ABI");
static_assert(sizeof(struct es_signal_record) == 80, "ABI");
#endif

#endif
