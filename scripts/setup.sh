#!/usr/bin/env bash
# Installs what Berth needs at run time on Debian 12, builds the project and installs berthd and
# berth. Idempotent: packages already present are not reinstalled, the install dirs are replaced.
# Run as root from anywhere inside the repository: sudo scripts/setup.sh
# BERTH_SETUP_SKIP_BUILD=1 installs what the last build left in target/ without building again.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JDK=/usr/lib/jvm/temurin-25-jdk-amd64
LIB=/usr/local/lib/berth
BIN=/usr/local/bin

# Runtime pieces (runc/crun under conmon, CNI plugins and iptables for later networking, catatonit
# for --init, busybox-static for the test image) plus the tools the tests drive (tmux for -it,
# procps for ps/pgrep, uidmap, curl for raw API calls, git and maven for the build).
PACKAGES=(runc crun conmon containernetworking-plugins iptables catatonit busybox-static uidmap
          procps tmux curl ca-certificates git maven util-linux tar iproute2 kmod debootstrap
          skopeo
          docker-compose)

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root (containers need it): sudo $0"

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "Debian packages already installed"
    return
  fi
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
}

check_toolchain() {
  [[ -x $JDK/bin/java ]] || die "Temurin 25 not found at $JDK. Install the Temurin 25 JDK (Adoptium's temurin-25-jdk package) there, then re-run."
  "$JDK/bin/java" -version 2>&1 | grep -q '"25' || die "$JDK/bin/java is not Java 25"
  command -v mvn >/dev/null || die "Maven (mvn) not found"
  export JAVA_HOME=$JDK
}

build() {
  log "building (mvn package, tests skipped)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
}

# Copies one module's runtime classpath (target/lib, filled by maven-dependency-plugin) to LIB/$2,
# after checking that the main class ($3, as a path) is really in it.
install_lib() {
  local src=$ROOT/$1/target/lib dst=$LIB/$2 main=$3 j found=0
  compgen -G "$src/*.jar" >/dev/null || die "$src has no jars: the $1 build did not produce target/lib"
  for j in "$src"/*.jar; do
    "$JDK/bin/jar" tf "$j" | grep -qx "$main" && { found=1; break; }
  done
  ((found)) || die "no jar in $src contains $main"
  rm -rf "$dst.new" && mkdir -p "$dst.new" && cp "$src"/*.jar "$dst.new"/
  rm -rf "$dst" && mv "$dst.new" "$dst"
}

# dist/bin holds the real launchers; the fallback keeps an early checkout usable.
install_launcher() {
  local name=$1 libdir=$2 main=$3
  if [[ -f $ROOT/dist/bin/$name ]]; then
    install -m 0755 "$ROOT/dist/bin/$name" "$BIN/$name"
  else
    log "dist/bin/$name missing, writing a plain launcher"
    cat >"$BIN/$name" <<LAUNCHER
#!/bin/sh
exec $JDK/bin/java --enable-native-access=ALL-UNNAMED -cp '$LIB/$libdir/*' $main "\$@"
LAUNCHER
    chmod 0755 "$BIN/$name"
  fi
}

install_product() {
  install_lib berth-daemon daemon berth/daemon/Main.class
  install_lib berth-cli cli berth/cli/Main.class
  install_lib berth-registry registry berth/registry/Main.class
  install_launcher berthd daemon berth.daemon.Main
  install_launcher berth cli berth.cli.Main
  install_launcher berth-registry registry berth.registry.Main
  log "installed $BIN/berthd and $BIN/berth (jars in $LIB)"
  if [[ -x $ROOT/scripts/train-cli-aot.sh ]]; then
    log "training the CLI's AOT cache"
    local aotlog
    aotlog=$(mktemp /tmp/berth-aot.XXXXXX.log)
    if "$ROOT/scripts/train-cli-aot.sh" >"$aotlog" 2>&1; then
      rm -f "$aotlog"
    else
      tail -n 20 "$aotlog" >&2
      log "warning: train-cli-aot.sh failed (log: $aotlog); berth still works, it only starts slower"
    fi
  fi
}

# Published ports reached from a neighbouring container go through iptables only when bridged
# traffic is seen by netfilter (br_netfilter), as with Docker. Not fatal: a kernel may have it built in.
load_kernel_modules() {
  modprobe overlay 2>/dev/null || true
  modprobe br_netfilter 2>/dev/null || log "warning: could not load br_netfilter"
}

install_packages
load_kernel_modules
check_toolchain
if [[ ${BERTH_SETUP_SKIP_BUILD:-0} != 1 ]]; then
  build
fi
install_product
log "done"
