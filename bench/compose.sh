#!/usr/bin/env bash
# Compose, Berth vs Docker 20.10 side by side (issue 7, "How it is shown"): `up -d` and `down` of a
# 10-service stack (images already present), `berth compose` against berthd vs Debian's
# docker-compose v1 against Docker 20.10, in alternating rounds.
# Starts its own berthd and dockerd on private sockets, data roots and exec roots (dockerd with
# --bridge=none --iptables=false, so the host network is untouched), imports the same busybox
# rootfs into both, measures, prints a table of medians and the ratio, writes bench/results/, and
# stops both daemons. Not part of CI. Run as root: sudo bench/compose.sh
# (QUICK=1 for fewer rounds; BERTHD=path and BERTH=path for another berthd and berth)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=${QUICK:-0}
ROUNDS=$([[ $QUICK == 1 ]] && echo 3 || echo 10)
BERTHD=${BERTHD:-/usr/local/bin/berthd}
BERTH=${BERTH:-/usr/local/bin/berth}

[[ $(id -u) -eq 0 ]] || { echo "bench/compose.sh must run as root" >&2; exit 1; }
[[ -x /usr/sbin/dockerd ]] || "$ROOT/scripts/setup-bench.sh"
[[ -x $BERTHD ]] || "$ROOT/scripts/setup.sh"
command -v docker-compose >/dev/null || "$ROOT/scripts/setup.sh"
command -v jq >/dev/null || "$ROOT/scripts/setup-bench.sh"

BASE=$(mktemp -d /tmp/berth-bench.XXXXXX)
DOCKER_CG_BEFORE=$(ls -d /sys/fs/cgroup/*/docker 2>/dev/null || true)
B_SOCK=$BASE/b/berth.sock D_SOCK=$BASE/d/docker.sock
mkdir -p "$BASE/b" "$BASE/d" "$BASE/berth-data" "$BASE/docker-data" "$BASE/stack" "$ROOT/bench/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
B_PID= D_PID=

log() { printf '[bench] %s\n' "$*" >&2; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "NaN"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
api() { local sock=$1 method=$2 path=$3; shift 3; curl -fsS --unix-socket "$sock" -X "$method" "$@" "http://d$path"; }

cleanup() {
  set +e
  (cd "$BASE/stack" && "$BERTH" -H "unix://$B_SOCK" compose -p bench down -t 1 >/dev/null 2>&1)
  (cd "$BASE/stack" && DOCKER_HOST="unix://$D_SOCK" docker-compose -p bench down -t 1 >/dev/null 2>&1)
  for s in "$B_SOCK" "$D_SOCK"; do
    [[ -S $s ]] && for id in $(api "$s" GET '/containers/json?all=1' 2>/dev/null | jq -r '.[].Id'); do
      api "$s" DELETE "/containers/$id?force=1" >/dev/null 2>&1; done
  done
  [[ -n $B_PID ]] && kill "$B_PID" 2>/dev/null
  [[ -n $D_PID ]] && kill "$D_PID" 2>/dev/null
  for p in $B_PID $D_PID; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done; kill -9 "$p" 2>/dev/null; done
  for p in $(pgrep -f "$BASE"); do kill -9 "$p" 2>/dev/null; done
  awk -v b="$BASE" '$5 ~ "^"b {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null
  ip link show 2>/dev/null | awk -F': ' '/br-/ {print $2}' | cut -d@ -f1 | while read -r l; do
    [[ -n ${BR_BEFORE[$l]:-} ]] || ip link del "$l" 2>/dev/null; done
  rm -rf "$BASE"
  [[ -n $DOCKER_CG_BEFORE ]] || rmdir /sys/fs/cgroup/*/docker 2>/dev/null
  true
}
declare -A BR_BEFORE
for l in $(ip link show 2>/dev/null | awk -F': ' '/br-/ {print $2}' | cut -d@ -f1); do BR_BEFORE[$l]=1; done
trap cleanup EXIT

wait_sock() { for _ in $(seq 300); do curl -fsS --max-time 1 --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "$2 did not come up; log:" >&2; tail -20 "$3" >&2; exit 1; }

log "starting berthd and dockerd under $BASE"
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

# ten services on the project's network, each serving HTTP and leaving at once on SIGTERM (as a
# real service does; as PID 1 busybox httpd alone would ignore it and cost the 10 s stop timeout)
{
  echo "services:"
  for i in $(seq 1 10); do
    printf '  s%s:\n    image: busybox\n    command: ["sh", "-c", "trap \\"exit 0\\" TERM; httpd -f -p 80 & wait"]\n    environment: {INDEX: "%s"}\n' "$i" "$i"
  done
} >"$BASE/stack/compose.yaml"

berth_c() { (cd "$BASE/stack" && "$BERTH" -H "unix://$B_SOCK" compose -p bench --progress quiet "$@"); }
v1_c() { (cd "$BASE/stack" && DOCKER_HOST="unix://$D_SOCK" docker-compose -p bench --no-ansi "$@" 2>/dev/null); }
running() { api "$1" GET '/containers/json?filters=%7B%22label%22%3A%5B%22com.docker.compose.project%3Dbench%22%5D%7D' | jq length; }

# The same stack through berth compose against Docker 20.10 (issue 7: "berth compose against Docker
# 20.10 ... reaching the same state"): services reach each other by name, and down -v leaves nothing.
mkdir -p "$BASE/names"
cat >"$BASE/names/compose.yaml" <<'YAML'
services:
  web:
    image: busybox
    command: sh -c "mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 80 -h /www"
  client:
    image: busybox
    command: sleep 300
    stop_grace_period: 1s
    depends_on: [web]
    volumes: ["data:/data"]
volumes:
  data:
YAML
on_docker() { (cd "$BASE/names" && "$BERTH" -H "unix://$D_SOCK" compose -p names --progress quiet "$@"); }
on_docker up -d
for _ in $(seq 50); do [[ $(on_docker exec -T client wget -qO- http://web/ 2>/dev/null) == hello-from-web ]] && break; sleep 0.2; done
[[ $(on_docker exec -T client wget -qO- http://web/) == hello-from-web ]] || { log "berth compose on Docker: web not reachable by name"; exit 1; }
[[ $(cd "$BASE/names" && DOCKER_HOST="unix://$D_SOCK" docker-compose -p names ps -q 2>/dev/null | wc -l) == 2 ]] \
  || { log "docker-compose v1 does not see berth compose's project on Docker"; exit 1; }
on_docker down -v
left=$(api "$D_SOCK" GET /containers/json?all=1 | jq length)/$(api "$D_SOCK" GET /networks | jq '[.[] | select(.Name | startswith("names_"))] | length')/$(api "$D_SOCK" GET /volumes | jq '[.Volumes[]? | select(.Name | startswith("names_"))] | length')
[[ $left == 0/0/0 ]] || { log "berth compose down -v on Docker left containers/networks/volumes $left"; exit 1; }
SAME_STATE="berth compose on Docker $(api "$D_SOCK" GET /version | jq -r .Version): up, reach by name, seen by docker-compose v1, down -v leaves nothing: ok"
log "$SAME_STATE"

declare -A S
one_round() {  # engine runner socket
  local e=$1 run=$2 s=$3 t0 n
  t0=$(now); $run up -d >/dev/null; S[up,$e]+="$(ms "$t0" "$(now)") "
  n=$(running "$s"); [[ $n == 10 ]] || { log "$e: $n containers running after up, expected 10"; exit 1; }
  t0=$(now); $run down >/dev/null; S[down,$e]+="$(ms "$t0" "$(now)") "
  n=$(running "$s"); [[ $n == 0 ]] || { log "$e: $n containers left after down"; exit 1; }
}
log "warm-up"
one_round berth berth_c "$B_SOCK"; one_round docker v1_c "$D_SOCK"
S=()
for r in $(seq "$ROUNDS"); do
  one_round berth berth_c "$B_SOCK"
  one_round docker v1_c "$D_SOCK"
  log "round $r: up ${S[up,berth]}| ${S[up,docker]}; down ${S[down,berth]}| ${S[down,docker]}"
done

declare -A R
for k in up down; do for e in berth docker; do R[$k,$e]=$(tr ' ' '\n' <<<"${S[$k,$e]}" | grep . | median); done; done
row() {
  local b=${R[$1,berth]} d=${R[$1,docker]}
  printf '%-52s %9s %9s %7s   %s\n' "$2" "$b ms" "$d ms" "$(awk -v b="$b" -v d="$d" 'BEGIN { printf "%.2f", b / d }')" "$3"
}
{
  printf '%-52s %9s %9s %7s   %s\n' metric berth docker ratio "target (issue 7)"
  row up "up -d, 10 services (median of $ROUNDS)" "<= 0.50"
  row down "down, 10 services (median of $ROUNDS)" "<= 0.50"
  printf '%s\n' "$SAME_STATE"
  printf '%s\n' "berth: berth compose -> berthd; docker: docker-compose $(docker-compose version --short 2>/dev/null) -> dockerd $(api "$D_SOCK" GET /version | jq -r .Version)"
} | tee "$OUT-compose.txt"
for k in "${!R[@]}"; do printf '%s\t%s\n' "$k" "${R[$k]}"; done | sort >"$OUT-compose.tsv"
log "results in $OUT-compose.txt and $OUT-compose.tsv"
