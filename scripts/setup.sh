#!/usr/bin/env bash
# Installs every build and test dependency (Debian 12 packages), then configures and builds
# into build/. Idempotent: a machine that has everything only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  clang llvm libbpf-dev bpftool libelf-dev zlib1g-dev
  libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
  strace linux-perf python3 time
  libcap2-bin  # setcap: the file-capabilities tests
  gcc-multilib  # static -m32 test programs (32-bit processes, tests/programs/ia32)
  qemu-system-x86 busybox-static cpio xz-utils  # the kernel matrix (scripts/kernel-matrix.sh)
  man-db groff-base zsh  # packaging tests: the man page renders, zsh parses _estrace
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_type=${BUILD_TYPE:-RelWithDebInfo}
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type"
fi
cmake --build build -j"$(nproc)"
