#!/usr/bin/env bash
# The builder, Berth vs Docker 20.10's classic builder, side by side in one run (issue 4):
# (a) a 6-step Dockerfile with a 50 MB COPY, uncached (--no-cache each round);
# (b) the same build fully cached (nothing changed: no container, no layer).
# Both engines are driven by the same client (the docker CLI, DOCKER_BUILDKIT=0), so the context
# upload and output handling are the same code. Starts a private berthd and dockerd as
# bench/run.sh does (dockerd with --bridge=none --iptables=false; RUN steps use --network none),
# stops both at the end.
# Run as root: sudo bench/build.sh   (QUICK=1 for fewer rounds; BERTHD=path for another berthd;
# by default the daemon built in this tree, berth-daemon/target/lib, when it exists)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=${QUICK:-0}
UNCACHED=$([[ $QUICK == 1 ]] && echo 3 || echo 7)
CACHED=$([[ $QUICK == 1 ]] && echo 5 || echo 15)
DOCKER_CLI=/usr/local/bin/docker
if [[ -z ${BERTHD:-} && -d $ROOT/berth-daemon/target/lib ]]; then
  export BERTH_DAEMON_LIB=$ROOT/berth-daemon/target/lib
  BERTHD=$ROOT/dist/bin/berthd
fi
BERTHD=${BERTHD:-/usr/local/bin/berthd}

[[ $(id -u) -eq 0 ]] || { echo "bench/build.sh must run as root" >&2; exit 1; }
[[ -x /usr/sbin/dockerd ]] || "$ROOT/scripts/setup-bench.sh"
command -v jq >/dev/null || "$ROOT/scripts/setup-bench.sh"

BASE=$(mktemp -d /tmp/berth-bbench.XXXXXX)
DOCKER_CG_BEFORE=$(ls -d /sys/fs/cgroup/*/docker 2>/dev/null || true)
B_SOCK=$BASE/b/berth.sock D_SOCK=$BASE/d/docker.sock
mkdir -p "$BASE/b" "$BASE/d" "$BASE/berth-data" "$BASE/docker-data" "$ROOT/bench/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/build-$STAMP
B_PID= D_PID=

log() { printf '[bench] %s\n' "$*" >&2; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "NaN"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
api() { local sock=$1 method=$2 path=$3; shift 3; curl -fsS --unix-socket "$sock" -X "$method" "$@" "http://d$path"; }

cleanup() {
  set +e
  [[ -n $B_PID ]] && kill "$B_PID" 2>/dev/null
  [[ -n $D_PID ]] && kill "$D_PID" 2>/dev/null
  for p in $B_PID $D_PID; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done; kill -9 "$p" 2>/dev/null; done
  for p in $(pgrep -f "$BASE"); do kill -9 "$p" 2>/dev/null; done
  awk -v b="$BASE" '$5 ~ "^"b {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf "$BASE"
  [[ -n $DOCKER_CG_BEFORE ]] || rmdir /sys/fs/cgroup/*/docker 2>/dev/null
  true
}
trap cleanup EXIT
wait_sock() { for _ in $(seq 300); do curl -fsS --max-time 1 --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "$2 did not come up; log:" >&2; tail -20 "$3" >&2; exit 1; }

log "starting berthd ($BERTHD) and dockerd under $BASE"
"$BERTHD" --data-root "$BASE/berth-data" --exec-root "$BASE/b" -H "unix://$B_SOCK" >"$BASE/berthd.log" 2>&1 &
B_PID=$!
wait_sock "$B_SOCK" berthd "$BASE/berthd.log"
/usr/sbin/dockerd --data-root "$BASE/docker-data" --exec-root "$BASE/d" -H "unix://$D_SOCK" --pidfile "$BASE/d/docker.pid" \
  --bridge=none --iptables=false --ip-masq=false --ip-forward=false --userland-proxy=false --storage-driver overlay2 \
  --log-level warn >"$BASE/dockerd.log" 2>&1 &
D_PID=$!
wait_sock "$D_SOCK" dockerd "$BASE/dockerd.log"

log "importing the busybox rootfs into both"
"$ROOT/scripts/make-busybox-rootfs.sh" "$BASE/busybox.tar"
for s in "$B_SOCK" "$D_SOCK"; do
  api "$s" POST '/images/create?fromSrc=-&repo=busybox&tag=latest' -H 'Content-Type: application/x-tar' --data-binary "@$BASE/busybox.tar" >/dev/null
done

CTX=$BASE/context
mkdir -p "$CTX"
head -c $((50 * 1024 * 1024)) /dev/urandom >"$CTX/big.bin"
cat >"$CTX/Dockerfile" <<'DF'
FROM busybox
ENV APP=/app
WORKDIR /app
COPY big.bin /app/
RUN echo built > /app/stamp && wc -c < /app/big.bin
CMD ["cat", "/app/stamp"]
DF

declare -A R
build() {  # engine socket, extra flags
  local s=$1; shift
  DOCKER_HOST=unix://$s DOCKER_BUILDKIT=0 $DOCKER_CLI build -q --network none -t bench:latest "$@" "$CTX" >/dev/null 2>"$BASE/build.err" \
    || { cat "$BASE/build.err" >&2; exit 1; }
}
for e in berth docker; do
  s=$([[ $e == berth ]] && echo "$B_SOCK" || echo "$D_SOCK")
  log "$e: uncached build x$UNCACHED (--no-cache)"
  build "$s" --no-cache   # warm-up (JIT, page cache)
  R[uncached,$e]=$(for _ in $(seq "$UNCACHED"); do t=$(now); build "$s" --no-cache; ms "$t" "$(now)"; done | median)
  log "$e: fully cached build x$CACHED"
  build "$s"
  R[cached,$e]=$(for _ in $(seq "$CACHED"); do t=$(now); build "$s"; ms "$t" "$(now)"; done | median)
  [[ $(DOCKER_HOST=unix://$s $DOCKER_CLI run --rm --network none bench:latest) == built ]] || { echo "$e: image does not run" >&2; exit 1; }
done

row() {
  local b=${R[$1,berth]:--} d=${R[$1,docker]:--} ratio
  ratio=$(awk -v b="$b" -v d="$d" 'BEGIN { if (b == "-" || d == "-" || d + 0 == 0) print "-"; else printf "%.2f", b / d }')
  printf '%-52s %10s %10s %7s   %s\n' "$2" "$b $3" "$d $3" "$ratio" "$4"
}
{
  echo "Berth builder vs Docker 20.10 classic builder — $STAMP — $(nproc) CPUs, kernel $(uname -r)"
  printf '%-52s %10s %10s %7s   %s\n' metric berth docker ratio "target (issue 4)"
  row uncached "6-step build, 50 MB COPY, uncached (median)" ms "ratio <= 0.8"
  row cached "the same, fully cached (median)" ms "ratio <= 0.3"
} | tee "$OUT.txt"
for k in "${!R[@]}"; do printf '%s\t%s\n' "$k" "${R[$k]}"; done | sort >"$OUT.tsv"
log "results in $OUT.txt and $OUT.tsv"
