#!/usr/bin/env bash
# Volumes, Berth vs Docker 20.10 side by side (issue 6, "How it is shown"): run with 5 named volumes vs none, and write throughput into a volume vs the host filesystem.
# Starts its own berthd and dockerd on private sockets, data roots and exec roots (dockerd with
# --bridge=none --iptables=false, so the host network is untouched), imports the same busybox
# rootfs into both, measures, prints a table of medians and ratios, writes bench/results/, and
# stops both daemons. Not part of CI. Run as root: sudo bench/volume.sh   (QUICK=1 for fewer rounds; BERTHD=path for another berthd)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=${QUICK:-0}
ROUNDS=$([[ $QUICK == 1 ]] && echo 5 || echo 30)       # samples for per-operation medians
CLI_ROUNDS=$([[ $QUICK == 1 ]] && echo 5 || echo 20)
WRITE_MB=$([[ $QUICK == 1 ]] && echo 64 || echo 256)
WRITE_ROUNDS=$([[ $QUICK == 1 ]] && echo 3 || echo 7)
BERTHD=${BERTHD:-/usr/local/bin/berthd}
DOCKER_CLI=/usr/local/bin/docker   # the same client drives both engines where a client is needed
ENGINES=${ENGINES:-berth docker}   # ENGINES=docker checks the harness alone
has() { [[ " $ENGINES " == *" $1 "* ]]; }

[[ $(id -u) -eq 0 ]] || { echo "bench/run.sh must run as root" >&2; exit 1; }
[[ -x /usr/sbin/dockerd ]] || "$ROOT/scripts/setup-bench.sh"
if has berth; then [[ -x /usr/local/bin/berthd ]] || "$ROOT/scripts/setup.sh"; fi
command -v jq >/dev/null || "$ROOT/scripts/setup-bench.sh"

BASE=$(mktemp -d /tmp/berth-bench.XXXXXX)
# dockerd makes /sys/fs/cgroup/<ctrl>/docker parents; remove them afterwards unless they were here before
DOCKER_CG_BEFORE=$(ls -d /sys/fs/cgroup/*/docker 2>/dev/null || true)
B_SOCK=$BASE/b/berth.sock D_SOCK=$BASE/d/docker.sock
mkdir -p "$BASE/hostfs" "$BASE/b" "$BASE/d" "$BASE/berth-data" "$BASE/docker-data" "$ROOT/bench/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
B_PID= D_PID=

log() { printf '[bench] %s\n' "$*" >&2; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "NaN"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
api() { local sock=$1 method=$2 path=$3; shift 3; curl -fsS --unix-socket "$sock" -X "$method" "$@" "http://d$path"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
tree_rss_kb() {  # a process and all its descendants
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null); do total=$((total + $(rss_kb "$p"))); done
  echo "$total"
}

cleanup() {
  set +e
  for s in "$B_SOCK" "$D_SOCK"; do
    [[ -S $s ]] && api "$s" POST /containers/prune >/dev/null 2>&1
    [[ -S $s ]] && for id in $(api "$s" GET '/containers/json?all=1' 2>/dev/null | jq -r '.[].Id'); do
      api "$s" DELETE "/containers/$id?force=1" >/dev/null 2>&1; done
  done
  [[ -n $B_PID ]] && kill "$B_PID" 2>/dev/null
  [[ -n $D_PID ]] && kill "$D_PID" 2>/dev/null
  for p in $B_PID $D_PID; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done; kill -9 "$p" 2>/dev/null; done
  # anything still holding our dirs (shims, conmon) goes too, then the mounts
  for p in $(pgrep -f "$BASE"); do kill -9 "$p" 2>/dev/null; done
  awk -v b="$BASE" '$5 ~ "^"b {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf "$BASE"
  [[ -n $DOCKER_CG_BEFORE ]] || rmdir /sys/fs/cgroup/*/docker 2>/dev/null
  true
}
trap cleanup EXIT

wait_sock() { for _ in $(seq 300); do curl -fsS --max-time 1 --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "$2 did not come up; log:" >&2; tail -20 "$3" >&2; exit 1; }

log "starting $ENGINES under $BASE"
if has berth; then
  "$BERTHD" --data-root "$BASE/berth-data" --exec-root "$BASE/b" -H "unix://$B_SOCK" >"$BASE/berthd.log" 2>&1 &
  B_PID=$!
  wait_sock "$B_SOCK" berthd "$BASE/berthd.log"
  B_MAIN=$(pgrep -f "berth.daemon.Main.*$BASE" | head -1 || echo "$B_PID")   # the JVM, if the launcher forked
fi
if has docker; then
/usr/sbin/dockerd --data-root "$BASE/docker-data" --exec-root "$BASE/d" -H "unix://$D_SOCK" --pidfile "$BASE/d/docker.pid" \
  --bridge=none --iptables=false --ip-masq=false --ip-forward=false --userland-proxy=false --storage-driver overlay2 \
  --log-level warn >"$BASE/dockerd.log" 2>&1 &
D_PID=$!
wait_sock "$D_SOCK" dockerd "$BASE/dockerd.log"
fi

log "importing the busybox rootfs into both"
"$ROOT/scripts/make-busybox-rootfs.sh" "$BASE/busybox.tar"
for e in $ENGINES; do
  s=$([[ $e == berth ]] && echo "$B_SOCK" || echo "$D_SOCK")
  api "$s" POST '/images/create?fromSrc=-&repo=busybox&tag=latest' -H 'Content-Type: application/x-tar' --data-binary "@$BASE/busybox.tar" >/dev/null
done


declare -A R   # R[metric,engine] = value
sock() { [[ $1 == berth ]] && echo "$B_SOCK" || echo "$D_SOCK"; }

run_with() {  # create + start + wait + delete through the API with the given Binds (JSON array)
  local s=$1 binds=$2 id
  id=$(api "$s" POST /containers/create -H 'Content-Type: application/json' \
    -d "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\",\"Binds\":$binds}}" | jq -r .Id)
  api "$s" POST "/containers/$id/start" >/dev/null
  api "$s" POST "/containers/$id/wait" >/dev/null
  api "$s" DELETE "/containers/$id" >/dev/null
}

# busybox time's "real<TAB>0m 0.39s" line in seconds (busybox dd prints no rate)
real_secs() { awk '/real/ { sub(/.*real[[:space:]]*/, ""); split($0, p, "m"); sub(/s.*/, "", p[2]); print p[1] * 60 + p[2] }' || true; }

FIVE='["bv1:/v1","bv2:/v2","bv3:/v3","bv4:/v4","bv5:/v5"]'
for e in $ENGINES; do
  s=$(sock "$e")
  for i in 1 2 3 4 5; do api "$s" POST /volumes/create -H 'Content-Type: application/json' -d "{\"Name\":\"bv$i\"}" >/dev/null; done
  run_with "$s" '[]'; run_with "$s" "$FIVE"   # warm-up
  for k in none five; do
    binds=$([[ $k == none ]] && echo '[]' || echo "$FIVE")
    R[run_$k,$e]=$(for _ in $(seq "$ROUNDS"); do t0=$(now); run_with "$s" "$binds"; ms "$t0" "$(now)"; done | median)
  done
  log "$e: run none ${R[run_none,$e]} ms, 5 volumes ${R[run_five,$e]} ms"
done

# Write throughput: dd with fsync into a named volume from inside a container, timed by dd itself
# (the container's start and stop are not part of the figure), and the same busybox dd on the host
# into the same filesystem. One sample is at the mercy of writeback, so rounds alternate host,
# berth and docker, and the medians are compared.
write_in() {  # socket -> seconds
  local s=$1 id
  id=$(api "$s" POST /containers/create -H 'Content-Type: application/json' \
    -d "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"time dd if=/dev/zero of=/v/f bs=1M count=$WRITE_MB conv=fsync 2>&1; rm /v/f\"],\"HostConfig\":{\"NetworkMode\":\"none\",\"Binds\":[\"bw:/v\"]}}" | jq -r .Id)
  api "$s" POST "/containers/$id/start" >/dev/null; api "$s" POST "/containers/$id/wait" >/dev/null
  api "$s" GET "/containers/$id/logs?stdout=1&stderr=1" | tr -cd '[:print:]\n\t' | real_secs
  api "$s" DELETE "/containers/$id?v=1" >/dev/null
}
write_host() {
  busybox time dd if=/dev/zero of="$BASE/hostfs/f" bs=1M count="$WRITE_MB" conv=fsync 2>&1 | real_secs
  rm -f "$BASE/hostfs/f"
}
mbs() { awk -v mb="$WRITE_MB" '$1 + 0 > 0 {printf "%.0f\n", mb / $1}'; }
declare -A W
for _ in $(seq "$WRITE_ROUNDS"); do
  W[host]+="$(write_host | mbs) "
  for e in $ENGINES; do W[$e]+="$(write_in "$(sock "$e")" | mbs) "; done
done
for e in $ENGINES; do R[write_vol,$e]=$(tr ' ' '\n' <<<"${W[$e]}" | grep . | median); done
HOST_MBS=$(tr ' ' '\n' <<<"${W[host]}" | grep . | median)
log "write MB/s per round: host ${W[host]}| berth ${W[berth]:-}| docker ${W[docker]:-}"

row() {  # metric label unit target
  local b=${R[$1,berth]:--} d=${R[$1,docker]:--} ratio
  ratio=$(awk -v b="$b" -v d="$d" 'BEGIN { if (b == "-" || d == "-" || d + 0 == 0) print "-"; else printf "%.2f", b / d }')
  printf '%-44s %10s %10s %7s   %s\n' "$2" "$b $3" "$d $3" "$ratio" "$4"
}
{
  printf '%-44s %10s %10s %7s   %s\n' metric berth docker ratio "target (issue 6)"
  row run_none "run --rm true, no volumes (median)" ms ""
  row run_five "run --rm true, 5 named volumes (median)" ms "berth <= docker"
  row write_vol "write ${WRITE_MB} MB + fsync into a volume (median)" MB/s "within 5% of host fs"
  printf '%-44s %10s\n' "write ${WRITE_MB} MB + fsync, host fs (median)" "$HOST_MBS MB/s"
  printf '%-44s %10s\n' "berth volume / host fs" "$(awk -v b="${R[write_vol,berth]:-0}" -v h="${HOST_MBS:-0}" 'BEGIN { if (h + 0 == 0) print "-"; else printf "%.2f", b / h }')"
} | tee "$OUT-volume.txt"
for k in "${!R[@]}"; do printf '%s\t%s\n' "$k" "${R[$k]}"; done | sort >"$OUT-volume.tsv"
log "results in $OUT-volume.txt and $OUT-volume.tsv"
