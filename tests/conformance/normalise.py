"""Normalisation shared by both sides of the conformance comparison.

Only what legitimately differs between two runs of the same program is rewritten:
pids (numbered in order of first appearance), user-space addresses, times, inode and
device numbers, random bytes, and whether a call was split into "<unfinished ...>" and
"<... resumed>" (that depends on which other process printed in between). Everything
else, including strace's column alignment of " = ", must match byte for byte.
"""
import re

# strace pads " = result" to this column (counted over the whole line, pid included).
RESULT_COLUMN = 40

PREFIX = re.compile(r"^(\d+) +")
TIMESTAMP = re.compile(r"^(\d\d:\d\d:\d\d(\.\d+)?|\s*\d+\.\d+) +")
DURATION = re.compile(r" <\d+\.\d+>$")
RESULT = re.compile(r"\)( +)= ")
UNFINISHED = " <unfinished ...>"
RESUMED = re.compile(r"^<\.\.\. (\w+) resumed>")
NAME = re.compile(r"^(?:<\.\.\. )?(\w+)[( ]")
NUMBER = re.compile(r"(?<![\w.])\d+(?![\w.])")

# Calls whose return value is a pid, and calls that take pids as arguments.
PID_RETURNS = {"clone", "clone3", "fork", "vfork", "getpid", "gettid", "getppid",
               "set_tid_address", "wait4", "waitid", "getpgid", "getsid", "setsid"}
PID_ARGS = {"kill", "tkill", "tgkill", "wait4", "waitid", "setpgid", "getpgid", "getsid",
            "prlimit64", "pidfd_open", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "ptrace",
            "sched_setaffinity", "sched_getaffinity", "sched_setscheduler",
            "sched_getscheduler", "sched_setparam", "sched_getparam", "process_vm_readv",
            "process_vm_writev", "kcmp", "ioprio_get", "ioprio_set",
            # pthread_join waits on the thread's tid as a futex value
            "futex"}
PID_FIELDS = re.compile(r"(si_pid=|Process |nl_pid=|cmsg_data=\{pid=)(\d+)")
RETURN_VALUE = re.compile(r"\) = (\d+)$")

# Values that differ from run to run whoever traces: (pattern, replacement).
VOLATILE = [
    (re.compile(r"0x[0-9a-f]{6,}"), "ADDR"),
    (re.compile(r"\b(si_utime|si_stime)=\d+"), r"\1=N"),
    (re.compile(r"\bst_ino=\d+"), "st_ino=N"),
    (re.compile(r"\bst_dev=makedev\([^)]*\)"), "st_dev=N"),
    (re.compile(r"\b(st_[amc]time)=\d+( /\* [^*]* \*/)?"), r"\1=T"),
    (re.compile(r"\b(st_[amc]time_nsec)=\d+"), r"\1=N"),
    (re.compile(r"\b(stx_ino|stx_dev_major|stx_dev_minor|stx_mnt_id)=\d+"), r"\1=N"),
    (re.compile(r"\b(stx_[abcm]time)=\{[^}]*\}( /\* [^*]* \*/)?"), r"\1=T"),
    (re.compile(r"\b(socket|pipe|anon_inode|UNIX|UNIX-STREAM|TCP|TCPv6|UDP|UDPv6|UDPLITE|"
                r"UDPLITEv6|NETLINK|RAW|RAWv6|PING|PINGv6|PACKET):\[(\d+)(?=\]|,|->)"), r"\1:[INO"),
    # -yy's socket details: a unix peer's inode, the ports the kernel picks, netlink port ids
    # (the process id by default).
    (re.compile(r"(:\[INO)->\d+"), r"\1->INO"),
    (re.compile(r"((?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-fA-F:.]*\]):\d+(?=\]|->)"), r"\1:PORT"),
    (re.compile(r"\b(NETLINK:\[\w+):\d+\]"), r"\1:PORTID]"),
    (re.compile(r'^getrandom\("(?:[^"\\]|\\.)*"(\.\.\.)?'), 'getrandom("RANDOM"'),
    # Ephemeral ports the kernel picks, and the machine's state as sysinfo reports it.
    (re.compile(r"\bsin6?_port=htons\(\d+\)"), "sin_port=htons(PORT)"),
    (re.compile(r"\b(uptime|loads|freeram|sharedram|bufferram|procs)=(\[[^]]*\]|\d+)"), r"\1=N"),
    # The time a timeout had left when the call returned (recvmmsg's "(left {...})").
    (re.compile(r"\bleft \{tv_sec=\d+, tv_nsec=\d+\}"), "left {tv_sec=N, tv_nsec=N}"),
]


def canonical_alignment(raw):
    """Replaces the padding before the result by one space when it is what strace would
    print for this very line; wrong padding is kept, so it cannot match the oracle."""
    last = None
    for last in RESULT.finditer(raw):
        pass
    if not last:
        return raw
    before = last.start() + 1  # up to and including ')'
    if len(last.group(1)) == max(1, RESULT_COLUMN - before):
        return raw[:before] + " = " + raw[last.end():]
    return raw


def split(lines):
    """Yields (pid or None, text) with timestamps, durations and padding normalised."""
    for raw in lines:
        raw = canonical_alignment(raw.rstrip("\n"))
        pid, text = None, raw
        m = PREFIX.match(text)
        if m:
            pid, text = m.group(1), text[m.end():]
        text = TIMESTAMP.sub("", text, count=1)
        text = DURATION.sub("", text)
        yield pid, text


def merge_resumed(items):
    """Joins "call(args <unfinished ...>" with the same task's next "<... call resumed>"
    line, at the position of the first part."""
    out, held = [], {}  # held: pid -> index in out of its unfinished line
    for pid, text in items:
        m = RESUMED.match(text)
        i = held.pop(pid, None)
        if m and i is not None:
            first = out[i][1]
            if NAME.match(first) and NAME.match(first).group(1) == m.group(1):
                out[i] = (pid, first[: -len(UNFINISHED)] + text[m.end():])
                continue
        if text.endswith(UNFINISHED):
            held[pid] = len(out)
        out.append((pid, text))
    return out


def pid_numbers(items):
    """The numbers that are pids: line prefixes, pid-returning calls, si_pid fields."""
    pids = set()
    for pid, text in items:
        if pid:
            pids.add(pid)
        name = NAME.match(text)
        ret = RETURN_VALUE.search(text)
        if name and ret and name.group(1) in PID_RETURNS:
            pids.add(ret.group(1))
        pids.update(m.group(2) for m in PID_FIELDS.finditer(text))
    # 0 is "the caller" (prlimit64(0, ...)) or a kernel-made siginfo, never a task of ours.
    pids.discard("0")
    return pids


def map_pids(items):
    """Renames pids P1, P2... in order of first appearance, only where a pid can be."""
    pids, names = pid_numbers(items), {}

    def rename(num):
        if num not in names:
            names[num] = f"P{len(names) + 1}"
        return names[num]

    def in_context(text):
        name = NAME.match(text)
        if name and name.group(1) in PID_ARGS | PID_RETURNS:
            return NUMBER.sub(lambda m: rename(m.group()) if m.group() in pids else m.group(), text)
        return PID_FIELDS.sub(lambda m: m.group(1) + (rename(m.group(2)) if m.group(2) in pids else m.group(2)), text)

    out = []
    for pid, text in items:
        key = rename(pid) if pid else ""
        out.append((key, in_context(text)))
    return out


def normalise(lines):
    """strace-format lines -> [(task key, text)], the key "" when lines carry no pid."""
    items = merge_resumed(list(split(lines)))
    items = map_pids(items)
    result = []
    for key, text in items:
        for pattern, repl in VOLATILE:
            text = pattern.sub(repl, text)
        result.append((key, text))
    return result
