#!/usr/bin/env bash
# Benchmark: what each way of tracing costs a workload, in one run, rounds interleaved so
# that drift in this shared VM hits every configuration alike; medians of ROUNDS rounds.
# Not a test: it never fails because a tracer is missing or broken, that row says "n/a".
#
#   scripts/bench.sh                  # ~4 min on 2 cores; table on stdout and in build/bench.md
#   ROUNDS=1 QUICK=1 scripts/bench.sh # smoke run: one round, 10x fewer calls
#
# Prints the per-configuration table, a start-up table, then issue 5's targets: each one's
# measured value (from the medians), the goal and whether it is met.
#
# Environment: BUILD_DIR (build), ESTRACE ($BUILD_DIR/estrace), BENCH_BIN
# ($BUILD_DIR/tests/bench), ROUNDS (5), QUICK (0), RUN_TIMEOUT seconds per run (60).
# Needs: strace, linux-perf, time (GNU /usr/bin/time), procps, coreutils; root for BPF.
# perf trace needs tracefs: mounted at /sys/kernel/tracing here if missing.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

BUILD_DIR=${BUILD_DIR:-build}
ESTRACE=${ESTRACE:-$BUILD_DIR/estrace}
BENCH_BIN=${BENCH_BIN:-$BUILD_DIR/tests/bench}
ROUNDS=${ROUNDS:-5}
QUICK=${QUICK:-0}
RUN_TIMEOUT=${RUN_TIMEOUT:-60}
# A cell whose first run is slower than this gets 10x fewer calls (keeps the run < 10 min).
SLOW_SECONDS=5

log() { echo "bench: $*" >&2; }

# --- build -------------------------------------------------------------------------------
if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
	cmake -S . -B "$BUILD_DIR" >/dev/null || { log "cmake configure failed"; exit 1; }
fi
cmake --build "$BUILD_DIR" --target bench_programs -j"$(nproc)" >/dev/null ||
	{ log "cannot build bench_programs"; exit 1; }
[[ -x $ESTRACE ]] || log "no estrace at $ESTRACE: its rows will say n/a"

if [[ ! -e /sys/kernel/tracing/events ]]; then
	log "mounting tracefs at /sys/kernel/tracing for perf trace"
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null || log "cannot mount tracefs"
fi

tmp=$(mktemp -d /tmp/estrace-bench.XXXXXX)
idle_pid=
cleanup() {
	[[ -n $idle_pid ]] && kill "$idle_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# --- workloads and configurations --------------------------------------------------------
# name|base calls|command, N standing for the number of calls. A command starting with @ is a
# whole program (command_words): N is how many times it runs back to back under tests/bench/timed,
# and its syscalls are counted once, before the rounds, with strace -f -c.
workloads=(
	"getppid x1|1000000|getppid_loop N"
	"getppid x2|1000000|getppid_loop N 2"
	"pipe self|500000|pipe_ping N self"
	"pipe fork|10000|pipe_ping N fork"
	"openat hit|200000|openat_loop N hit"
	"openat miss|200000|openat_loop N miss"
	"tar /usr/share/doc|20|@tar"
	"python3 walk|5|@pywalk"
)
# The python3 file walk: every file under /usr/share/doc, its first 4 KiB.
PYWALK='import os
for d, _, fs in os.walk("/usr/share/doc"):
    for f in fs:
        try:
            with open(os.path.join(d, f), "rb") as h:
                h.read(4096)
        except OSError:
            pass'
# command_words @NAME: sets cmd_words to the program's command line.
command_words() {
	case $1 in
	@tar) cmd_words=(tar -cf /dev/null /usr/share/doc) ;;
	@pywalk) cmd_words=(/usr/bin/python3 -S -c "$PYWALK") ;;
	*) cmd_words=() ;;
	esac
}
# name|divisor of the calls (ptrace costs ~1000x more per call; perf trace ~100x)
# estrace runs with -f like strace and floor_bare, so every row sees the same syscalls.
configs=(
	"untraced|1"
	"floor_empty|1"
	"floor_bare|1"
	"estrace -f|1"
	"estrace -f -e trace=openat|1"
	"estrace -f -c|1"
	"estrace -f --latency|1"
	"bystander (estrace -p idle)|1"
	"bystander (estrace --cgroup other)|1"
	"estrace --all -e trace=openat|1"
	"strace -f|1000"
	"strace -f --seccomp-bpf -e trace=openat|1000"
	"perf trace|100"
)

# Configurations measured on getppid x1 only (issue 6's identity filters): the others' rows
# would say nothing new and cost minutes.
declare -A only_on=(
	["bystander (estrace --cgroup other)"]="getppid x1"
	["estrace --all -e trace=openat"]="getppid x1|openat hit"
)

# background_args CONFIG -> estrace's arguments when it runs beside the workload rather than
# in front of it (a bystander, or --all picking the workload up); nothing otherwise.
background_args() {
	case $1 in
	"bystander (estrace -p idle)") echo "-p $idle_pid -o /dev/null" ;;
	"bystander (estrace --cgroup other)") echo "--cgroup $bench_cgroup -o /dev/null" ;;
	"estrace --all -e trace=openat") echo "--all -e trace=openat -o $tmp/trace.out" ;;
	esac
}

# tracer_cmd CONFIG -> the words to put before the workload (background tracers: none)
tracer_cmd() {
	case $1 in
	untraced | bystander* | "estrace --all"*) ;;
	floor_empty) echo "$BENCH_BIN/floor_empty" ;;
	floor_bare) echo "$BENCH_BIN/floor_bare" ;;
	"estrace -f") echo "$ESTRACE -f -o $tmp/trace.out --" ;;
	"estrace -f -e trace=openat") echo "$ESTRACE -f -e trace=openat -o $tmp/trace.out --" ;;
	"estrace -f -c") echo "$ESTRACE -f -c -o $tmp/trace.out --" ;;
	"estrace -f --latency") echo "$ESTRACE -f --latency -o $tmp/trace.out --" ;;
	"strace -f") echo "strace -f -o /dev/null --" ;;
	"strace -f --seccomp-bpf -e trace=openat")
		echo "strace -f --seccomp-bpf -e trace=openat -o /dev/null --" ;;
	"perf trace") echo "perf trace -o /dev/null --" ;;
	esac
}

# --- background tracers: an estrace running beside the workload (attached to an idle process,
# tracing a cgroup the workload is not in, or --all), started before it ---------------------
# The cgroup of the --cgroup bystander: under the v2 mount, holding only the idle process.
bench_cgroup=
for mnt in /sys/fs/cgroup/unified /sys/fs/cgroup; do
	if [[ -f $mnt/cgroup.procs && $(stat -fc %T "$mnt") == cgroup2fs ]]; then
		bench_cgroup=$mnt/estrace-bench-$$
		break
	fi
done
bystander_pid=
bystander_start() { # CONFIG
	[[ -x $ESTRACE ]] || return 1
	sleep 3600 &
	idle_pid=$!
	if [[ $1 == *--cgroup* ]]; then
		[[ -n $bench_cgroup ]] && mkdir -p "$bench_cgroup" &&
			echo "$idle_pid" >"$bench_cgroup/cgroup.procs" || { kill "$idle_pid"; return 1; }
	fi
	local args
	read -ra args <<<"$(background_args "$1")"
	mkfifo "$tmp/by.fifo"
	"$ESTRACE" "${args[@]}" 2>"$tmp/by.fifo" &
	bystander_pid=$!
	exec {by_fd}<"$tmp/by.fifo"
	local line ok=1
	# Wait for its "attached" line: it is only then that its probes cost anything.
	while IFS= read -r -t 20 -u "$by_fd" line; do
		[[ ${line,,} == *attached* ]] && { ok=0; break; }
	done
	cat <&"$by_fd" >"$tmp/by.err" & # keep draining: a full pipe would stall it
	by_cat=$!
	exec {by_fd}<&-
	rm -f "$tmp/by.fifo"
	if ((ok)); then
		bystander_stop
		return 1
	fi
}
# stop_gently PID: SIGTERM (a background job of a script starts with SIGINT ignored), then
# INT and KILL if it lingers: a tracer that ignores signals costs seconds, not a hang.
stop_gently() {
	local sig
	for sig in TERM INT KILL; do
		kill -"$sig" "$1" 2>/dev/null || break
		for _ in {1..50}; do
			kill -0 "$1" 2>/dev/null || break 2
			sleep 0.1
		done
		log "bystander: still running after SIG$sig"
	done
	wait "$1" 2>/dev/null
}
bystander_stop() {
	[[ -n $bystander_pid ]] || return 0
	by_rss=$(awk '/^VmHWM/ {print $2}' "/proc/$bystander_pid/status" 2>/dev/null)
	stop_gently "$bystander_pid"
	kill "$idle_pid" 2>/dev/null
	wait "$idle_pid" "$by_cat" 2>/dev/null
	bystander_pid="" idle_pid=""
	[[ -n $bench_cgroup && -d $bench_cgroup ]] && rmdir "$bench_cgroup" 2>/dev/null
	return 0
}

# --- one run -----------------------------------------------------------------------------
declare -A calls_of elapsed serial lost rss failed syscalls_of
# run CONFIG WORKLOAD-INDEX: appends to elapsed[cell] etc.; marks the cell failed on error.
run() {
	local cfg=$1 w=${workloads[$2]} div=$3
	local wname=${w%%|*} rest=${w#*|}
	local base=${rest%%|*} template=${rest#*|}
	local cell="$cfg|$wname"
	[[ -n ${failed[$cell]:-} ]] && return
	if [[ -n ${only_on[$cfg]:-} && "|${only_on[$cfg]}|" != *"|$wname|"* ]]; then
		failed[$cell]=skip
		return
	fi
	if [[ $cfg == estrace* || $cfg == bystander* ]] && [[ ! -x $ESTRACE ]]; then
		failed[$cell]=1
		return
	fi
	local min=1000 wcmd
	if [[ $template == @* ]]; then
		min=1
		[[ -n ${syscalls_of[$template]:-} ]] || { failed[$cell]=1; return; }
	fi
	local n=${calls_of[$cell]:-}
	if [[ -z $n ]]; then
		n=$((base / div / (QUICK ? 10 : 1)))
		((n < min)) && n=$min
		calls_of[$cell]=$n
	fi
	if [[ $template == @* ]]; then
		command_words "$template"
		wcmd=("$BENCH_BIN/timed" "$n" "${cmd_words[@]}")
	else
		read -ra wcmd <<<"$BENCH_BIN/${template/N/$n}"
	fi
	local pre
	pre=$(tracer_cmd "$cfg")
	read -ra pre <<<"$pre"
	local status=0
	if [[ -n $(background_args "$cfg") ]]; then
		bystander_start "$cfg" || { failed[$cell]=1; return; }
		timeout -k 5 "$RUN_TIMEOUT" "${wcmd[@]}" >"$tmp/out" 2>"$tmp/err" || status=$?
		bystander_stop
		cat "$tmp/by.err" >>"$tmp/err" 2>/dev/null
		echo "${by_rss:-0}" >"$tmp/rss"
	else
		/usr/bin/time -f %M -o "$tmp/rss" timeout -k 5 "$RUN_TIMEOUT" "${pre[@]}" "${wcmd[@]}" \
			>"$tmp/out" 2>"$tmp/err" || status=$?
	fi
	rm -f "$tmp/trace.out"
	local ns s
	ns=$(sed -n 's/^elapsed_ns=\([0-9]*\) .*/\1/p' "$tmp/out")
	s=$(sed -n 's/.*serial_syscalls=\([0-9]*\).*/\1/p' "$tmp/out")
	[[ $template == @* ]] && s=$((n * syscalls_of[$template]))
	if ((status != 0)) || [[ -z $ns ]]; then
		log "$cell: n/a (exit $status): $(head -c 200 "$tmp/err" | tr '\n' ' ')"
		failed[$cell]=1
		return
	fi
	# First run too slow for the time budget: fewer calls, start the cell again.
	if [[ -z ${elapsed[$cell]:-} ]] && ((ns > SLOW_SECONDS * 1000000000 && n >= 10 * min)); then
		calls_of[$cell]=$((n / 10))
		log "$cell: slow, using ${calls_of[$cell]} calls"
		run "$@"
		return
	fi
	elapsed[$cell]+="$ns "
	serial[$cell]=$s
	local l
	l=$(grep -oE '[0-9]+ events lost' "$tmp/err" | awk '$1 > m {m = $1} END {print m + 0}')
	lost[$cell]+="$l "
	rss[$cell]+="$(tail -n1 "$tmp/rss" 2>/dev/null | tr -dc 0-9) "
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }
max() { tr ' ' '\n' | grep . | sort -n | tail -n1; }

# --- start-up: estrace -- true vs true ---------------------------------------------------
# STARTUP_SAMPLES runs of each per round, interleaved like the rest; the median of them all.
STARTUP_SAMPLES=3
declare -A startup
startup_cmds=("true" "$ESTRACE -o /dev/null -- true" "strace -o /dev/null -- true")
startup_names=("true" "estrace -o /dev/null -- true" "strace -o /dev/null -- true")
time_once() { # prints ns, or nothing when the command failed
	local t0 t1
	t0=$(date +%s%N)
	timeout -k 5 "$RUN_TIMEOUT" "$@" >/dev/null 2>&1 || return
	t1=$(date +%s%N)
	echo $((t1 - t0))
}

# --- syscalls of the whole-program workloads, counted once (this also warms the page cache) ---
# count_syscalls @NAME: strace -f -c's total, or estrace -f -c's when strace is missing.
count_syscalls() {
	local tracer n
	command_words "$1"
	for tracer in "strace -f -c -o $tmp/count --" "$ESTRACE -f -c -o $tmp/count --"; do
		read -ra tracer <<<"$tracer"
		rm -f "$tmp/count"
		timeout -k 5 "$RUN_TIMEOUT" "${tracer[@]}" "${cmd_words[@]}" >/dev/null 2>&1 || continue
		n=$(awk '$NF == "total" {print $4}' "$tmp/count" 2>/dev/null)
		[[ $n =~ ^[0-9]+$ ]] && ((n > 0)) && { echo "$n ${tracer[0]##*/}"; return; }
	done
}
start=$(date +%s)
declare -A counted_by decode_ns
for w in "${workloads[@]}"; do
	template=${w##*|}
	[[ $template == @* && -z ${syscalls_of[$template]:-} ]] || continue
	read -r n by < <(count_syscalls "$template")
	if [[ -n ${n:-} ]]; then
		syscalls_of[$template]=$n counted_by[$template]=$by
		log "${w%%|*}: $n syscalls per run (counted by $by -f -c)"
	else
		log "${w%%|*}: cannot count its syscalls: its rows will say n/a"
	fi
done

# --- the rounds --------------------------------------------------------------------------
for ((r = 1; r <= ROUNDS; r++)); do
	log "round $r/$ROUNDS ($(($(date +%s) - start)) s so far)"
	for w in "${!workloads[@]}"; do
		for c in "${configs[@]}"; do
			run "${c%%|*}" "$w" "${c#*|}"
		done
	done
	for ((k = 0; k < STARTUP_SAMPLES; k++)); do
		for i in "${!startup_cmds[@]}"; do
			read -ra words <<<"${startup_cmds[$i]}"
			startup[$i]+="$(time_once "${words[@]}") "
		done
	done
	# Userspace alone: merge, decode and format of synthetic records into a file.
	if [[ -x $BENCH_BIN/decode_rate ]]; then
		while read -r name nsrec _; do
			decode_ns[$name]+="$nsrec "
		done < <("$BENCH_BIN/decode_rate" "$((QUICK ? 200000 : 2000000))" "$tmp/decoded" 2>/dev/null)
		rm -f "$tmp/decoded"
	fi
done

# --- report ------------------------------------------------------------------------------
fmt_ns() { awk -v v="$1" 'BEGIN {printf (v < 10 && v > -10) ? "%.1f" : "%.0f", v}'; }
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
ncpu=$(nproc)
RING_MIB=8 # estrace's default ring buffer per CPU
# Medians per cell, kept for the targets: over (ns/syscall added), rss_m (KiB), lost_m (max).
declare -A over rss_m lost_m
{
	echo "# estrace benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), kernel $(uname -r), $cpu, $ncpu CPUs;" \
		"median of $ROUNDS interleaved rounds."
	echo
	echo "seconds: the workload's own timed loop; for tar and python3, the wall time of the"
	echo "whole command run several times back to back (the tracer's start-up excluded); calls:"
	echo "runs x syscalls per run, counted once before the rounds:"
	for w in "${workloads[@]}"; do
		t=${w##*|}
		[[ -n ${syscalls_of[$t]:-} ]] && echo "${w%%|*}: ${syscalls_of[$t]} (${counted_by[$t]} -f -c)."
	done
	echo "ns/syscall: time added per syscall on the critical path (one thread's calls; the whole"
	echo "chain for pipe fork). events lost: the most in any round. Peak RSS: the tracer's, with"
	echo "the workload's included by wait4's accounting (the larger of the two)."
	echo
	echo "| workload | configuration | calls | seconds | ratio | overhead ns/syscall | events lost | peak RSS KiB |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|"
	for w in "${workloads[@]}"; do
		wname=${w%%|*}
		template=${w##*|}
		base_cell="untraced|$wname"
		t0=$(median <<<"${elapsed[$base_cell]:-}")
		s0=${serial[$base_cell]:-1}
		for c in "${configs[@]}"; do
			cfg=${c%%|*}
			cell="$cfg|$wname"
			[[ ${failed[$cell]:-} == skip ]] && continue
			t=$(median <<<"${elapsed[$cell]:-}")
			if [[ -z $t || -z $t0 ]]; then
				echo "| $wname | $cfg | | n/a | n/a | n/a | n/a | n/a |"
				continue
			fi
			s=${serial[$cell]}
			per=$(awk -v t="$t" -v s="$s" 'BEGIN {print t / s}')
			per0=$(awk -v t="$t0" -v s="$s0" 'BEGIN {print t / s}')
			ratio=$(awk -v a="$per" -v b="$per0" 'BEGIN {printf "%.2f", a / b}')
			over[$cell]=$(awk -v a="$per" -v b="$per0" 'BEGIN {print a - b}')
			o=$(fmt_ns "${over[$cell]}")
			secs=$(awk -v t="$t" 'BEGIN {printf "%.3f", t / 1e9}')
			l=$(max <<<"${lost[$cell]}")
			lost_m[$cell]=${l:-0}
			m=$(median <<<"${rss[$cell]}")
			rss_m[$cell]=$m
			calls=${calls_of[$cell]}
			[[ $template == @* ]] && calls="$calls x ${syscalls_of[$template]}"
			[[ $cfg == untraced ]] && { o=0; m=-; over[$cell]=0; }
			echo "| $wname | $cfg | $calls | $secs | $ratio | $o | ${l:-0} | ${m:--} |"
		done
	done
	echo
	echo "| start-up and tear-down | ms (median of $((ROUNDS * STARTUP_SAMPLES))) |"
	echo "|---|---:|"
	declare -a startup_ms
	for i in "${!startup_names[@]}"; do
		v=$(median <<<"${startup[$i]:-}")
		[[ -n $v ]] && v=$(awk -v v="$v" 'BEGIN {printf "%.1f", v / 1e6}') || v=n/a
		startup_ms[i]=$v
		echo "| ${startup_names[$i]} | $v |"
	done

	echo
	echo "| decoding alone (tests/bench/decode_rate: merge, decode, lines into a file) | ns/record | M records/s |"
	echo "|---|---:|---:|"
	declare -A decode_rate_m
	for name in getppid file-walk; do
		v=$(median <<<"${decode_ns[$name]:-}")
		if [[ -n $v ]]; then
			decode_rate_m[$name]=$(awk -v v="$v" 'BEGIN {printf "%.1f", 1000 / v}')
			echo "| $name | $v | ${decode_rate_m[$name]} |"
		else
			echo "| $name | n/a | n/a |"
		fi
	done

	# --- targets (issue 5), from the medians above -----------------------------------------
	# target LABEL VALUE GOAL VERDICT: one row; VALUE empty means the cells were n/a.
	target() {
		if [[ -z $2 ]]; then
			echo "| $1 | n/a | $3 | n/a |"
		else
			echo "| $1 | $2 | $3 | $4 |"
		fi
	}
	# verdict A OP B: "met" or "NOT met" (awk does the arithmetic; A or B empty: nothing).
	verdict() {
		[[ -n $1 && -n $3 ]] || return
		awk -v a="$1" -v b="$3" -v op="$2" \
			'BEGIN {ok = op == "<=" ? a <= b : a >= b; print ok ? "met" : "NOT met"}'
	}
	ns() { [[ -n ${over[$1]:-} ]] && fmt_ns "${over[$1]}"; }
	mul() { [[ -n $2 ]] && awk -v k="$1" -v v="$2" 'BEGIN {print k * v}'; }
	echo
	echo "## Targets (issues 4, 5 and 6)"
	echo
	echo "Overheads in ns per syscall, from the table above."
	echo
	echo "| target | measured | goal | verdict |"
	echo "|---|---:|---|---|"
	for wname in "getppid x1" "getppid x2"; do
		v=$(ns "estrace -f|$wname") f=$(ns "floor_bare|$wname")
		target "full tracing to a file, $wname" "$v" "<= floor_bare ($f)" "$(verdict "$v" "<=" "$f")"
	done
	fe=${over[floor_empty|getppid x1]:-}
	lim=$(mul 2 "$fe")
	[[ -n $lim ]] && lim=$(fmt_ns "$lim")
	for cfg in "estrace -f -c" "estrace -f --latency"; do
		v=$(ns "$cfg|getppid x1")
		target "summary \`${cfg#estrace -f }\`, getppid x1" "$v" "<= 2 x floor_empty ($lim)" \
			"$(verdict "$v" "<=" "$lim")"
	done
	lim=$(mul 1.3 "$fe")
	[[ -n $lim ]] && lim=$(fmt_ns "$lim")
	v=$(ns "bystander (estrace -p idle)|getppid x1")
	target "bystander, getppid x1" "$v" "<= 1.3 x floor_empty ($lim)" "$(verdict "$v" "<=" "$lim")"
	v=$(ns "bystander (estrace --cgroup other)|getppid x1")
	target "bystander of \`--cgroup\` (issue 6), getppid x1" "$v" "<= 1.3 x floor_empty ($lim)" \
		"$(verdict "$v" "<=" "$lim")"
	# "Close to the narrow set alone": read here as within 1.25x of -f -e trace=openat's cost.
	for wname in "getppid x1" "openat hit"; do
		v=$(ns "estrace --all -e trace=openat|$wname") f=${over[estrace -f -e trace=openat|$wname]:-}
		lim=$(mul 1.25 "$f")
		[[ -n $lim ]] && lim=$(fmt_ns "$lim")
		target "\`--all -e trace=openat\` (issue 6), $wname" "$v" \
			"<= 1.25 x \`-f -e trace=openat\` ($lim)" "$(verdict "$v" "<=" "$lim")"
	done
	for wname in "getppid x1" "getppid x2"; do
		a=${over[strace -f|$wname]:-} b=${over[estrace -f|$wname]:-} v=
		[[ -n $a && -n $b ]] && v=$(awk -v a="$a" -v b="$b" 'BEGIN {if (b > 0) printf "%.0f", a / b}')
		target "strace -f / estrace -f overhead, $wname" "${v:+${v}x}" ">= 300x" "$(verdict "$v" ">=" 300)"
	done
	a=${over[perf trace|getppid x1]:-} b=${over[estrace -f|getppid x1]:-} v=
	[[ -n $a && -n $b ]] && v=$(awk -v a="$a" -v b="$b" 'BEGIN {if (b > 0) printf "%.0f", a / b}')
	target "perf trace / estrace -f overhead, getppid x1" "${v:+${v}x}" "far below perf trace (no number)" \
		"${v:+$(verdict "$v" ">=" 10) (taking 10x)}"
	for wname in "getppid x2" "tar /usr/share/doc" "python3 walk"; do
		v=${lost_m[estrace -f|$wname]:-}
		target "events lost, estrace -f -o FILE, $wname" "$v" "0" "$(verdict "$v" "<=" 0)"
	done
	for name in getppid file-walk; do
		v=${decode_rate_m[$name]:-}
		target "decoding keeps up: $name records, M/s" "$v" ">= 3 (several million)" \
			"$(verdict "$v" ">=" 3)"
	done
	v=
	[[ ${startup_ms[1]} != n/a && ${startup_ms[0]} != n/a ]] &&
		v=$(awk -v a="${startup_ms[1]}" -v b="${startup_ms[0]}" 'BEGIN {printf "%.1f", a - b}')
	target "\`estrace -o /dev/null -- true\` minus \`true\`, ms" "$v" "<= 30" "$(verdict "$v" "<=" 30)"
	# The largest median peak RSS of any estrace row, less the rings (default size, each CPU) as
	# RSS counts them: twice, because the kernel maps a ring's data pages twice, back to back
	# (a record that wraps around reads contiguously), and every mapped page counts (smaps shows
	# 16388 kB of Rss per 8 MiB ring).
	ring_rss_mib=$((2 * RING_MIB * ncpu))
	best='' where=''
	for cell in "${!rss_m[@]}"; do
		[[ $cell == estrace* || $cell == bystander* ]] || continue
		[[ -n ${rss_m[$cell]} ]] || continue
		if [[ -z $best ]] || ((rss_m[$cell] > best)); then best=${rss_m[$cell]} where=$cell; fi
	done
	v=
	[[ -n $best ]] && v=$(awk -v k="$best" -v r=$ring_rss_mib 'BEGIN {printf "%.1f", k / 1024 - r}')
	target "peak RSS minus the rings' $ring_rss_mib MiB of RSS ($RING_MIB MiB x $ncpu CPUs, mapped twice), MiB: ${where/|/, }" "$v" "<= 40" \
		"$(verdict "$v" "<=" 40)"
} | tee "$tmp/bench.md"
cp "$tmp/bench.md" "$BUILD_DIR/bench.md" && log "wrote $BUILD_DIR/bench.md in $(($(date +%s) - start)) s"
