#!/usr/bin/env bash
# Berth vs Docker 20.10, side by side in one run (issue 2, "How it is shown").
# Starts its own berthd and dockerd on private sockets, data roots and exec roots (dockerd with
# --bridge=none --iptables=false, so the host network is untouched), imports the same busybox
# rootfs into both, measures, prints a table of medians and ratios, writes bench/results/, and
# stops both daemons. Not part of CI. Run as root: sudo bench/run.sh   (QUICK=1 for fewer rounds)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=${QUICK:-0}
ROUNDS=$([[ $QUICK == 1 ]] && echo 5 || echo 30)       # samples for per-operation medians
CLI_ROUNDS=$([[ $QUICK == 1 ]] && echo 5 || echo 20)
CYCLES=50 PARALLEL=20 MANY=$([[ $QUICK == 1 ]] && echo 200 || echo 1000)
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
mkdir -p "$BASE/b" "$BASE/d" "$BASE/berth-data" "$BASE/docker-data" "$ROOT/bench/results"
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
  /usr/local/bin/berthd --data-root "$BASE/berth-data" --exec-root "$BASE/b" -H "unix://$B_SOCK" >"$BASE/berthd.log" 2>&1 &
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
CREATE='{"Image":"busybox","Cmd":["true"],"HostConfig":{"NetworkMode":"none"}}'
SLEEPER='{"Image":"busybox","Cmd":["sh","-c","trap \"exit 0\" TERM; sleep 300 & wait"],"HostConfig":{"NetworkMode":"none"}}'

run_rm_true() {  # create + start + wait + delete through the API, one container
  local s=$1 id
  id=$(api "$s" POST /containers/create -H 'Content-Type: application/json' -d "$CREATE" | jq -r .Id)
  api "$s" POST "/containers/$id/start" >/dev/null
  api "$s" POST "/containers/$id/wait" >/dev/null
  api "$s" DELETE "/containers/$id" >/dev/null
}

cycle() {  # create, start, stop, rm
  local s=$1 id
  id=$(api "$s" POST /containers/create -H 'Content-Type: application/json' -d "$SLEEPER" | jq -r .Id)
  api "$s" POST "/containers/$id/start" >/dev/null
  api "$s" POST "/containers/$id/stop?t=10" >/dev/null
  api "$s" DELETE "/containers/$id" >/dev/null
}

for e in $ENGINES; do
  s=$([[ $e == berth ]] && echo "$B_SOCK" || echo "$D_SOCK")
  log "$e: idle RSS"
  sleep 2
  if [[ $e == berth ]]; then idle_kb=$(rss_kb "$B_MAIN")
  else idle_kb=$(tree_rss_kb "$D_PID"); fi   # dockerd + the containerd it started
  R[idle_rss,$e]=$(( idle_kb / 1024 ))

  log "$e: run --rm true through the API x$ROUNDS"
  run_rm_true "$s"   # warm-up
  R[run_rm,$e]=$(for _ in $(seq "$ROUNDS"); do t=$(now); run_rm_true "$s"; ms "$t" "$(now)"; done | median)

  log "$e: $CYCLES sequential create/start/stop/rm cycles"
  t=$(now); for _ in $(seq $CYCLES); do cycle "$s"; done; R[cycles,$e]=$(ms "$t" "$(now)")

  log "$e: $PARALLEL parallel run -d"
  t=$(now)
  pids=()
  for _ in $(seq $PARALLEL); do DOCKER_HOST=unix://$s $DOCKER_CLI run -d --network none busybox sleep 300 >/dev/null & pids+=($!); done
  wait "${pids[@]}"   # not a bare wait: the daemons are our children too
  R[parallel,$e]=$(ms "$t" "$(now)")

  log "$e: per-container overhead with $PARALLEL running"
  sleep 2
  # daemon growth plus the per-container monitor processes (conmon / containerd-shim), per container
  monitors=0
  if [[ $e == berth ]]; then
    for p in $(pgrep -f "conmon.*$BASE/b"); do monitors=$((monitors + $(rss_kb "$p"))); done
    now_kb=$(rss_kb "$B_MAIN")
  else
    for p in $(pgrep -f "containerd-shim.*$BASE/d"); do monitors=$((monitors + $(rss_kb "$p"))); done
    now_kb=$(tree_rss_kb "$D_PID")
  fi
  R[per_ctr,$e]=$(( (now_kb - idle_kb + monitors) / PARALLEL ))
  for id in $(api "$s" GET /containers/json | jq -r '.[].Id'); do api "$s" DELETE "/containers/$id?force=1" >/dev/null; done

  log "$e: CLI wall time x$CLI_ROUNDS"
  if [[ $e == berth ]]; then cli=(env BERTH_HOST=unix://$s /usr/local/bin/berth); else cli=(env DOCKER_HOST=unix://$s $DOCKER_CLI); fi
  "${cli[@]}" version >/dev/null
  R[cli_version,$e]=$(for _ in $(seq "$CLI_ROUNDS"); do t=$(now); "${cli[@]}" version >/dev/null; ms "$t" "$(now)"; done | median)
  R[cli_ps,$e]=$(for _ in $(seq "$CLI_ROUNDS"); do t=$(now); "${cli[@]}" ps >/dev/null; ms "$t" "$(now)"; done | median)

  log "$e: ps with $MANY created containers through the API"
  for _ in $(seq "$MANY"); do api "$s" POST /containers/create -H 'Content-Type: application/json' -d "$CREATE" >/dev/null; done
  api "$s" GET '/containers/json?all=1' >/dev/null
  R[ps_many,$e]=$(for _ in $(seq 10); do t=$(now); api "$s" GET '/containers/json?all=1' >/dev/null; ms "$t" "$(now)"; done | median)
  api "$s" POST /containers/prune >/dev/null
done

row() {  # metric label unit target
  local b=${R[$1,berth]:--} d=${R[$1,docker]:--} ratio
  ratio=$(awk -v b="$b" -v d="$d" 'BEGIN { if (b == "-" || d == "-" || d + 0 == 0) print "-"; else printf "%.2f", b / d }')
  printf '%-44s %10s %10s %7s   %s\n' "$2" "$b $3" "$d $3" "$ratio" "$4"
}
{
  echo "Berth vs Docker 20.10 — $STAMP — $(nproc) CPUs, kernel $(uname -r)"
  printf '%-44s %10s %10s %7s   %s\n' metric berth docker ratio "target (issue 2)"
  row run_rm "run --rm busybox true via API (median)" ms "ratio <= 0.5"
  row cycles "$CYCLES create/start/stop/rm cycles (total)" ms "ratio <= 0.6"
  row parallel "$PARALLEL parallel run -d (total)" ms "ratio <= 0.6"
  row cli_version "CLI version (median wall)" ms "berth <= 100 ms"
  row cli_ps "CLI ps (median wall)" ms "berth <= 100 ms"
  row idle_rss "daemon idle RSS" MB "berth <= 80 MB"
  row per_ctr "per running container overhead" KB "berth <= 2048 KB"
  row ps_many "GET /containers/json?all=1, $MANY containers" ms "berth <= 100 ms"
} | tee "$OUT.txt"
for k in "${!R[@]}"; do printf '%s\t%s\n' "$k" "${R[$k]}"; done | sort >"$OUT.tsv"
log "results in $OUT.txt and $OUT.tsv"
