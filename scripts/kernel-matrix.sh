#!/usr/bin/env bash
# The kernel matrix: boots Debian 12's stock kernels in qemu and runs estrace's BPF tests
# inside each, with the binaries built here (so CO-RE relocation against each kernel's own BTF
# is what is tested). The guest sees this machine's filesystem read-only over 9p, under a
# tmpfs overlay that is thrown away at power-off.
#
#   scripts/kernel-matrix.sh                 # every kernel, the matrix's test groups
#   scripts/kernel-matrix.sh --kernels 6.1   # one series
#   scripts/kernel-matrix.sh --run 6.1 -- CMD...   # boot 6.1 and run CMD in the repo (debugging)
#
# Kernels come from Debian's archive (`apt-get download` of linux-image-*-amd64-unsigned, the
# newest of each series, unpacked with `dpkg -x`: nothing is installed as this machine's
# kernel), cached in $ESTRACE_KERNEL_CACHE (default /var/cache/estrace/kernels).
# Exit status: 0 only when every group passed on every kernel. A kernel that cannot be had, or
# a guest that does not report, fails the matrix: it never passes by skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
build=${BUILD_DIR:-$repo/build}
cache=${ESTRACE_KERNEL_CACHE:-/var/cache/estrace/kernels}
series=(6.1 6.12)
run_cmd=()
guest_timeout=${ESTRACE_GUEST_TIMEOUT:-900}

while (($#)); do
  case $1 in
  --kernels) read -ra series <<<"$2"; shift 2 ;;
  --run) series=("$2"); shift 2; [[ ${1:-} == -- ]] && shift; run_cmd=("$@"); break ;;
  *) echo "kernel-matrix: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

# The tests each kernel runs, by group: "name:gtest filter" over integration_tests, or
# "name@binary:filter" over another test binary under build/tests. The probe's BTF tests
# compare against the build kernel's BTF and are not run in the guests.
groups=(
  "kernel-support@probe_tests:KernelSupportOnThisKernel.*"
  "launch:Launch.ExitZeroPassesThroughWithCallLines:Launch.FirstLineIsTheExecve:Launch.StringLimitTruncates:Launch.DurationIsTheCallsLength"
  "attach:Attach.ReadBlockedAtAttach:Attach.FlockBlockedAtAttach:Attach.DetachOnSigterm"
  "follow:Follow.ForkServerToFile:Follow.OneFilePerProcess"
  "summary:Summary.CallsAndErrorsEqualStraceC:Summary.PercentilesOfAKnownMix:Summary.SummaryOnlyPrintsNoTraceLines"
  "loss:Loss.TinyRingLosesButCountsEveryEvent:Loss.DefaultRingLosesNothing"
  "descriptors:Display.TracePathFollowsDescriptors:Display.DescriptorNamesSurviveANarrowTraceSet:Network.DoubleYShowsTcpAddresses"
  "messages:Network.SendmsgShowsScmRights:Network.RecvmmsgShowsContentsAndNamesReceivedFds:Network.CapturePartLeftOutPrintsThePointerAndSaysSo"
  "filters:Filters.CgroupTracesMembersAndTheirChildrenOnly:Filters.AllWithCommPicksExactlyThatName"
  "ia32:IA32.*"
  "signals:Signals.UserSignalAndChildExit:Signals.KilledBySigkill"
  "safety:Safety.SigkillOfEstraceLeavesTargetRunningAndNoBpfBehind"
)

need() { command -v "$1" >/dev/null || { echo "kernel-matrix: $1 not found ($2)" >&2; exit 1; }; }
need qemu-system-x86_64 "scripts/setup.sh installs qemu-system-x86"
need cpio "scripts/setup.sh installs cpio"
busybox=/bin/busybox
[[ -x $busybox ]] && file -L "$busybox" 2>/dev/null | grep -q 'statically linked' ||
  busybox=$(command -v busybox || true)
[[ -x $busybox ]] || { echo "kernel-matrix: busybox not found (busybox-static)" >&2; exit 1; }

# The newest linux-image-SERIES.N-...-amd64-unsigned package: its name.
kernel_package() {
  local s=$1 names
  names=$(apt-cache search --names-only "^linux-image-${s//./\\.}[.-][0-9.+a-z-]*-amd64-unsigned\$" |
    awk '{print $1}' | grep -v -e cloud -e '-rt-' || true)
  if [[ -z $names ]]; then
    apt-get update -qq >/dev/null 2>&1 || true
    names=$(apt-cache search --names-only "^linux-image-${s//./\\.}[.-][0-9.+a-z-]*-amd64-unsigned\$" |
      awk '{print $1}' | grep -v -e cloud -e '-rt-' || true)
  fi
  sort -V <<<"$names" | tail -n 1
}

# Unpacks the kernel package of a series into the cache; prints its directory.
fetch_kernel() {
  local pkg=$1 dir=$cache/$1
  if [[ ! -f $dir/.unpacked ]]; then
    mkdir -p "$cache"
    (cd "$cache" && rm -f "$pkg"_*.deb && apt-get download "$pkg" >/dev/null 2>&1) ||
      { echo "kernel-matrix: cannot download $pkg" >&2; return 1; }
    rm -rf "$dir" && dpkg -x "$cache/$pkg"_*.deb "$dir" && rm -f "$cache/$pkg"_*.deb
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}

# The modules a guest needs to mount the host over 9p with an overlay, in load order: each
# module's `depends=` (its .modinfo) before it. The packages carry no modules.dep (their
# postinst runs depmod), and this needs no depmod.
guest_modules() {
  python3 - "$1" virtio_pci 9pnet_virtio 9p overlay <<'EOF'
import lzma, os, re, sys
moddir, want = sys.argv[1], sys.argv[2:]
paths = {}
for top, _, files in os.walk(os.path.join(moddir, "kernel")):
    for f in files:
        if ".ko" in f:
            paths[f.split(".ko")[0].replace("-", "_")] = os.path.join(top, f)
def depends(name):
    path = paths[name]
    data = open(path, "rb").read()
    if path.endswith(".xz"):
        data = lzma.decompress(data)
    m = re.search(rb"depends=([^\0]*)\0", data)
    return [d.replace("-", "_") for d in m.group(1).decode().split(",") if d] if m else []
order = []
def add(name):
    if name not in paths or name in order:  # not a module: built in
        return
    for d in depends(name):
        add(d)
    order.append(name)
for w in want:
    add(w)
print("\n".join(os.path.relpath(paths[n], moddir) for n in order))
EOF
}

# An initramfs: busybox, the modules, and an init that mounts the host and runs /cmd.
make_initramfs() {
  local kdir=$1 kver=$2 out=$3 cmdfile=$4 root
  root=$(mktemp -d)
  mkdir -p "$root"/{bin,dev,proc,sys,mnt/lower,mnt/rw,mnt/root,modules}
  cp "$busybox" "$root/bin/busybox"
  for a in sh mount umount mkdir insmod chroot poweroff cat echo sleep ip; do
    ln -s busybox "$root/bin/$a"
  done
  local i=0 m
  while read -r m; do
    [[ -z $m ]] && continue
    i=$((i + 1))
    case $m in
    *.xz) xz -dc "$kdir/lib/modules/$kver/$m" >"$root/modules/$(printf %02d $i).ko" ;;
    *.zst) zstd -qdc "$kdir/lib/modules/$kver/$m" >"$root/modules/$(printf %02d $i).ko" ;;
    *) cp "$kdir/lib/modules/$kver/$m" "$root/modules/$(printf %02d $i).ko" ;;
    esac
  done < <(guest_modules "$kdir/lib/modules/$kver")
  cp "$cmdfile" "$root/cmd"
  cat >"$root/init" <<'EOF'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in /modules/*.ko; do insmod "$m" || echo "estrace-matrix: insmod $m failed"; done
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot /mnt/lower ||
  echo "estrace-matrix: cannot mount the host"
ip link set lo up  # the network tests talk over loopback
mount -t tmpfs -o size=4g tmp /mnt/rw
mkdir -p /mnt/rw/upper /mnt/rw/work
mount -t overlay overlay -o lowerdir=/mnt/lower,upperdir=/mnt/rw/upper,workdir=/mnt/rw/work /mnt/root ||
  echo "estrace-matrix: cannot mount the overlay"
mount -t proc proc /mnt/root/proc
mount -t sysfs sys /mnt/root/sys
mount -t devtmpfs dev /mnt/root/dev
mount -t devpts devpts /mnt/root/dev/pts 2>/dev/null
# /tmp and /run stay the host's, written through the overlay: the repository (and CI's
# clone of it) may live under /tmp.
mount -t cgroup2 cgroup2 /mnt/root/sys/fs/cgroup
cp /cmd /mnt/root/tmp/estrace-matrix-cmd
echo "estrace-matrix: kernel $(cat /proc/sys/kernel/osrelease) up"
chroot /mnt/root /bin/sh /tmp/estrace-matrix-cmd
echo "estrace-matrix: exit $?"
poweroff -f
EOF
  chmod +x "$root/init"
  (cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$out"
  rm -rf "$root"
}

# Boots kernel directory `kdir` and runs the shell text in `cmdfile` in the repo; the console
# goes to `log`. Returns the command's exit status (99 when the guest never reported one).
boot() {
  local kdir=$1 cmdfile=$2 log=$3 kver initrd status
  kver=$(basename "$kdir"/lib/modules/*)
  initrd=$(mktemp)
  make_initramfs "$kdir" "$kver" "$initrd" "$cmdfile"
  timeout "$guest_timeout" qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m 3G \
    -nographic -no-reboot -kernel "$kdir/boot/vmlinuz-$kver" -initrd "$initrd" \
    -append "console=ttyS0 panic=-1 quiet loglevel=3" \
    -fsdev local,id=host,path=/,security_model=none,readonly=on,multidevs=remap \
    -device virtio-9p-pci,fsdev=host,mount_tag=hostroot </dev/null >"$log" 2>&1 || true
  rm -f "$initrd"
  status=$(sed -n 's/^estrace-matrix: exit \([0-9]*\).*/\1/p' "$log" | tr -d '\r' | tail -n 1)
  echo "${status:-99}"
}

cmdfile=$(mktemp)
logdir=$(mktemp -d)
trap 'rm -f "$cmdfile"' EXIT

if ((${#run_cmd[@]})); then
  pkg=$(kernel_package "${series[0]}")
  [[ -n $pkg ]] || { echo "kernel-matrix: no kernel package for ${series[0]}" >&2; exit 1; }
  kdir=$(fetch_kernel "$pkg")
  printf 'cd %q\n%s\n' "$repo" "$(printf '%q ' "${run_cmd[@]}")" >"$cmdfile"
  status=$(boot "$kdir" "$cmdfile" "$logdir/run.log")
  tr -d '\r' <"$logdir/run.log"
  exit "$status"
fi

[[ -x $build/tests/integration/integration_tests && -x $build/estrace ]] ||
  { echo "kernel-matrix: build first (scripts/setup.sh)" >&2; exit 1; }

# One guest per kernel runs every group, each group's gtest run reporting its own line.
{
  printf 'cd %q\n' "$repo"
  printf 'export ESTRACE_MATRIX_KERNEL=1\n'
  printf 'start=$(date +%%s%%N); %q/estrace -- true >/dev/null 2>&1; end=$(date +%%s%%N)\n' "$build"
  printf 'echo "estrace-matrix: startup $(( (end - start) / 1000000 )) ms"\n'
  printf 'all=0\n'
  for g in "${groups[@]}"; do
    name=${g%%:*}
    filter=${g#*:}
    binary=$build/tests/integration/integration_tests
    if [[ $name == *@* ]]; then
      binary=$build/tests/${name#*@}
      name=${name%@*}
    fi
    printf '%q --gtest_filter=%q --gtest_brief=1 >/tmp/group.log 2>&1; rc=$?\n' "$binary" "$filter"
    # A test that skipped in a guest did not pass there: the matrix exists to run them.
    printf 'grep -q "\\[  SKIPPED \\]" /tmp/group.log && rc=1\n'
    printf 'if [ $rc = 0 ]; then echo "estrace-matrix: group %s passed"; else cat /tmp/group.log; echo "estrace-matrix: group %s FAILED"; all=1; fi\n' "$name" "$name"
  done
  printf 'exit $all\n'
} >"$cmdfile"

overall=0
declare -A results
for s in "${series[@]}"; do
  pkg=$(kernel_package "$s")
  if [[ -z $pkg ]]; then
    echo "kernel-matrix: $s: no kernel package found in Debian's archive: FAILED"
    overall=1
    continue
  fi
  if ! kdir=$(fetch_kernel "$pkg"); then
    echo "kernel-matrix: $s: $pkg could not be fetched: FAILED"
    overall=1
    continue
  fi
  log=$logdir/$s.log
  t0=$(date +%s)
  status=$(boot "$kdir" "$cmdfile" "$log")
  t1=$(date +%s)
  # The console's lines, from the guest's first: the firmware's screen codes stripped.
  tr -d '\r' <"$log" | sed -n 's/.*\(estrace-matrix: kernel .* up\)/\1/; /^estrace-matrix: kernel/,$p' \
    >"$log.guest"
  kver=$(sed -n 's/^estrace-matrix: kernel \(.*\) up.*/\1/p' "$log.guest")
  echo "== kernel ${kver:-$pkg} ($((t1 - t0)) s in qemu) =="
  grep -v -e '^estrace-matrix: exit' -e '^estrace-matrix: kernel' -e 'reboot: Power down' \
    -e '^Running main' "$log.guest" || true
  if [[ $status != 0 ]]; then
    [[ $status == 99 ]] && { echo "kernel-matrix: the guest never reported (console below)"; tail -n 40 "$log"; }
    overall=1
  fi
  results[$s]=$status
done
# The table: kernel x group.
echo "kernel matrix (kernel: groups):"
passed=0 failed=0
for s in "${series[@]}"; do
  line="  $s:"
  case ${results[$s]:-none} in
  none) line+=" not run"; failed=$((failed + 1)) ;;
  99) line+=" no result"; failed=$((failed + 1)) ;;
  *)
    while read -r name verdict; do
      line+=" $name=$verdict"
      if [[ $verdict == passed ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    done < <(sed -n 's/^estrace-matrix: group \([^ ]*\) \(passed\|FAILED\)$/\1 \2/p' "$logdir/$s.log.guest")
    ;;
  esac
  echo "$line"
done
echo "kernel-matrix: $passed passed, $failed failed"
rm -rf "$logdir"
exit "$overall"
