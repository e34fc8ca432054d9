#!/usr/bin/env bash
# Benchmark: what each way of tracing costs a workload, in one run, rounds interleaved so
# that drift in this shared VM hits every configuration alike; medians of ROUNDS rounds.
# Not a test: it never fails because a tracer is missing or broken, that row says "n/a".
#
#   scripts/bench.sh                  # ~5 min on 2 cores; table on stdout and in build/bench.md
#   ROUNDS=1 QUICK=1 scripts/bench.sh # smoke run: one round, 10x fewer calls
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
# name|base calls|command, N standing for the number of calls
workloads=(
	"getppid x1|1000000|getppid_loop N"
	"getppid x2|1000000|getppid_loop N 2"
	"pipe self|500000|pipe_ping N self"
	"pipe fork|10000|pipe_ping N fork"
	"openat hit|200000|openat_loop N hit"
	"openat miss|200000|openat_loop N miss"
)
# name|divisor of the calls (ptrace costs ~1000x more per call; perf trace ~100x)
# estrace runs with -f like strace and floor_bare, so every row sees the same syscalls.
configs=(
	"untraced|1"
	"floor_empty|1"
	"floor_bare|1"
	"estrace -f|1"
	"estrace -f -e trace=openat|1"
	"estrace -f -c|1"
	"bystander (estrace -p idle)|1"
	"strace -f|1000"
	"strace -f --seccomp-bpf -e trace=openat|1000"
	"perf trace|100"
)

# tracer_cmd CONFIG -> the words to put before the workload (bystander: none)
tracer_cmd() {
	case $1 in
	untraced | bystander*) ;;
	floor_empty) echo "$BENCH_BIN/floor_empty" ;;
	floor_bare) echo "$BENCH_BIN/floor_bare" ;;
	"estrace -f") echo "$ESTRACE -f -o $tmp/trace.out --" ;;
	"estrace -f -e trace=openat") echo "$ESTRACE -f -e trace=openat -o $tmp/trace.out --" ;;
	"estrace -f -c") echo "$ESTRACE -f -c -o $tmp/trace.out --" ;;
	"strace -f") echo "strace -f -o /dev/null --" ;;
	"strace -f --seccomp-bpf -e trace=openat")
		echo "strace -f --seccomp-bpf -e trace=openat -o /dev/null --" ;;
	"perf trace") echo "perf trace -o /dev/null --" ;;
	esac
}

# --- bystander: an estrace attached to an idle process while the workload runs untraced ---
bystander_pid=
bystander_start() {
	[[ -x $ESTRACE ]] || return 1
	sleep 3600 &
	idle_pid=$!
	mkfifo "$tmp/by.fifo"
	"$ESTRACE" -p "$idle_pid" -o /dev/null 2>"$tmp/by.fifo" &
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
}

# --- one run -----------------------------------------------------------------------------
declare -A calls_of elapsed serial lost rss failed
# run CONFIG WORKLOAD-INDEX: appends to elapsed[cell] etc.; marks the cell failed on error.
run() {
	local cfg=$1 w=${workloads[$2]} div=$3
	local wname=${w%%|*} rest=${w#*|}
	local base=${rest%%|*} template=${rest#*|}
	local cell="$cfg|$wname"
	[[ -n ${failed[$cell]:-} ]] && return
	if [[ $cfg == estrace* || $cfg == bystander* ]] && [[ ! -x $ESTRACE ]]; then
		failed[$cell]=1
		return
	fi
	local n=${calls_of[$cell]:-}
	if [[ -z $n ]]; then
		n=$((base / div / (QUICK ? 10 : 1)))
		((n < 1000)) && n=1000
		calls_of[$cell]=$n
	fi
	local wcmd=("$BENCH_BIN/${template/N/$n}")
	read -ra wcmd <<<"${wcmd[0]}"
	local pre
	pre=$(tracer_cmd "$cfg")
	read -ra pre <<<"$pre"
	local status=0
	if [[ $cfg == bystander* ]]; then
		bystander_start || { failed[$cell]=1; return; }
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
	if ((status != 0)) || [[ -z $ns ]]; then
		log "$cell: n/a (exit $status): $(head -c 200 "$tmp/err" | tr '\n' ' ')"
		failed[$cell]=1
		return
	fi
	# First run too slow for the time budget: fewer calls, start the cell again.
	if [[ -z ${elapsed[$cell]:-} ]] && ((ns > SLOW_SECONDS * 1000000000 && n >= 10000)); then
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
declare -A startup
startup_cmds=("true" "strace -f -o /dev/null -- true" "$ESTRACE -o /dev/null -- true")
startup_names=("true" "strace -f -- true" "estrace -- true")
time_once() { # prints ns, or nothing when the command failed
	local t0 t1
	t0=$(date +%s%N)
	timeout -k 5 "$RUN_TIMEOUT" "$@" >/dev/null 2>&1 || return
	t1=$(date +%s%N)
	echo $((t1 - t0))
}

# --- the rounds --------------------------------------------------------------------------
start=$(date +%s)
for ((r = 1; r <= ROUNDS; r++)); do
	log "round $r/$ROUNDS ($(($(date +%s) - start)) s so far)"
	for w in "${!workloads[@]}"; do
		for c in "${configs[@]}"; do
			run "${c%%|*}" "$w" "${c#*|}"
		done
	done
	for i in "${!startup_cmds[@]}"; do
		read -ra words <<<"${startup_cmds[$i]}"
		startup[$i]+="$(time_once "${words[@]}") "
	done
done

# --- report ------------------------------------------------------------------------------
fmt_ns() { awk -v v="$1" 'BEGIN {printf (v < 10 && v > -10) ? "%.1f" : "%.0f", v}'; }
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
{
	echo "# estrace benchmark"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), kernel $(uname -r), $cpu, $(nproc) CPUs;" \
		"median of $ROUNDS interleaved rounds."
	echo
	echo "seconds: the workload's own timed loop. ns/syscall: time added per syscall on the"
	echo "critical path (one thread's calls; the whole chain for pipe fork). Peak RSS: the"
	echo "tracer's, with the workload (a few MB) included by wait4's accounting."
	echo
	echo "| workload | configuration | calls | seconds | ratio | overhead ns/syscall | events lost | peak RSS KiB |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|"
	for w in "${workloads[@]}"; do
		wname=${w%%|*}
		base_cell="untraced|$wname"
		t0=$(median <<<"${elapsed[$base_cell]:-}")
		s0=${serial[$base_cell]:-1}
		for c in "${configs[@]}"; do
			cfg=${c%%|*}
			cell="$cfg|$wname"
			t=$(median <<<"${elapsed[$cell]:-}")
			if [[ -z $t || -z $t0 ]]; then
				echo "| $wname | $cfg | | n/a | n/a | n/a | n/a | n/a |"
				continue
			fi
			s=${serial[$cell]}
			per=$(awk -v t="$t" -v s="$s" 'BEGIN {print t / s}')
			per0=$(awk -v t="$t0" -v s="$s0" 'BEGIN {print t / s}')
			ratio=$(awk -v a="$per" -v b="$per0" 'BEGIN {printf "%.2f", a / b}')
			over=$(fmt_ns "$(awk -v a="$per" -v b="$per0" 'BEGIN {print a - b}')")
			secs=$(awk -v t="$t" 'BEGIN {printf "%.3f", t / 1e9}')
			l=$(max <<<"${lost[$cell]}")
			m=$(median <<<"${rss[$cell]}")
			[[ $cfg == untraced ]] && { over=0; m=-; }
			echo "| $wname | $cfg | ${calls_of[$cell]} | $secs | $ratio | $over | ${l:-0} | ${m:--} |"
		done
	done
	echo
	echo "| start-up | ms (median) |"
	echo "|---|---:|"
	for i in "${!startup_names[@]}"; do
		v=$(median <<<"${startup[$i]:-}")
		[[ -n $v ]] && v=$(awk -v v="$v" 'BEGIN {printf "%.1f", v / 1e6}') || v=n/a
		echo "| ${startup_names[$i]} | $v |"
	done
} | tee "$tmp/bench.md"
cp "$tmp/bench.md" "$BUILD_DIR/bench.md" && log "wrote $BUILD_DIR/bench.md in $(($(date +%s) - start)) s"
