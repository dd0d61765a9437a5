#!/usr/bin/env bash
# Networking, Berth vs Docker 20.10 side by side in one run (issue 5, "How it is shown"):
#  1. the cost of network setup in `run`: run --rm true through the API on the default bridge vs none;
#  2. 200 sequential 1 MB HTTP fetches from the host to a busybox httpd, through a port published on
#     127.0.0.1 vs straight to the container's address;
#  3. creating N networks and connecting 2N running containers to them (N=50, QUICK: 10).
# Both daemons get networking of their own, away from the host's and from the test slots
# (10.88.0.0/13): berthd the bridge bnb0 and 10.77.0.0/16, dockerd a bridge bnd0 made here with
# 10.78.0.1/24 and its pools in 10.79.0.0/16. dockerd runs with its defaults otherwise (iptables,
# userland proxy), as Docker 20.10 ships. Everything is removed afterwards: containers, networks,
# both bridges, dockerd's iptables rules. Traffic goes only to 127.0.0.1 and to the containers.
# Not part of CI. Run as root: sudo bench/network.sh   (QUICK=1 for fewer rounds; BERTHD=path for
# another berthd launcher, BERTH_DAEMON_LIB for its class path)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUICK=${QUICK:-0}
ROUNDS=$([[ $QUICK == 1 ]] && echo 7 || echo 30)
FETCHES=200
NETS=$([[ $QUICK == 1 ]] && echo 10 || echo 50)
BERTHD=${BERTHD:-/usr/local/bin/berthd}
ENGINES=${ENGINES:-berth docker}
has() { [[ " $ENGINES " == *" $1 "* ]]; }

[[ $(id -u) -eq 0 ]] || { echo "bench/network.sh must run as root" >&2; exit 1; }
[[ -x /usr/sbin/dockerd ]] || "$ROOT/scripts/setup-bench.sh"
command -v jq >/dev/null || "$ROOT/scripts/setup-bench.sh"
for net in 10.77. 10.78. 10.79.; do
  if ip -4 route | grep -q "^$net"; then echo "a route in ${net}0.0/16 exists already; not touching it" >&2; exit 1; fi
done

BASE=$(mktemp -d /tmp/berth-bench.XXXXXX)
DOCKER_CG_BEFORE=$(ls -d /sys/fs/cgroup/*/docker 2>/dev/null || true)
B_SOCK=$BASE/b/berth.sock D_SOCK=$BASE/d/docker.sock
mkdir -p "$BASE/b" "$BASE/d" "$BASE/berth-data" "$BASE/docker-data" "$ROOT/bench/results"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
B_PID= D_PID= FWD_POLICY= IPT_BEFORE_CHAINS=
B_BRIDGE=bnb0 D_BRIDGE=bnd0

log() { printf '[bench] %s\n' "$*" >&2; }
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "NaN"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
api() { local sock=$1 method=$2 path=$3; shift 3; curl -fsS --unix-socket "$sock" -X "$method" "$@" "http://d$path"; }
post() { local sock=$1 path=$2 body=$3; api "$sock" POST "$path" -H 'Content-Type: application/json' -d "$body"; }
sock() { [[ $1 == berth ]] && echo "$B_SOCK" || echo "$D_SOCK"; }

# dockerd's iptables rules, removed at the end: the rules and chains that appeared while it ran
# (compared with a snapshot taken before it started), so nobody else's rules are touched
IPT_BEFORE=
iptables_docker_cleanup() {
  local t line c
  for t in filter nat; do
    iptables-save -t "$t" | grep '^-A ' | grep -E "DOCKER|$D_BRIDGE|br-[0-9a-f]{12}|10\.7[89]\." | \
      grep -vxF -f <(grep "^$t " <<<"$IPT_BEFORE" | cut -d' ' -f2-) | tac | \
      while read -r line; do
        # shellcheck disable=SC2086
        iptables -w -t "$t" -D ${line#-A } 2>/dev/null || true
      done
    for c in DOCKER DOCKER-USER DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2; do
      if ! grep -qx "$t :$c" <<<"$IPT_BEFORE_CHAINS" && ! iptables-save -t "$t" | grep -qE "^-A .* -j $c( |$)"; then
        iptables -w -t "$t" -F "$c" 2>/dev/null || true
        iptables -w -t "$t" -X "$c" 2>/dev/null || true
      fi
    done
  done
  [[ -n $FWD_POLICY ]] && iptables -w -P FORWARD "$FWD_POLICY"
}

cleanup() {
  local t line
  for t in filter nat; do
    iptables-save -t "$t" | grep -E "^-A .*($D_BRIDGE|br-[0-9a-f]{12}|DOCKER)" | grep -vE '^-A (BERTH|CNI)' | \
      while read -r line; do
        # shellcheck disable=SC2086
        iptables -w -t "$t" -D ${line#-A } 2>/dev/null || true
      done
    for c in DOCKER DOCKER-USER DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2; do
      # only chains nobody else uses any more
      if ! iptables-save -t "$t" | grep -qE "^-A [^ ]+ .*-j $c( |$)"; then
        iptables -w -t "$t" -F "$c" 2>/dev/null || true
        iptables -w -t "$t" -X "$c" 2>/dev/null || true
      fi
    done
  done
}

cleanup() {
  set +e
  for e in $ENGINES; do
    s=$(sock "$e")
    [[ -S $s ]] || continue
    for id in $(api "$s" GET '/containers/json?all=1' 2>/dev/null | jq -r '.[].Id'); do
      api "$s" DELETE "/containers/$id?force=1" >/dev/null 2>&1; done
    api "$s" POST /networks/prune >/dev/null 2>&1
  done
  [[ -n $B_PID ]] && kill "$B_PID" 2>/dev/null
  [[ -n $D_PID ]] && kill "$D_PID" 2>/dev/null
  for p in $B_PID $D_PID; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done; kill -9 "$p" 2>/dev/null; done
  for p in $(pgrep -f "$BASE"); do kill -9 "$p" 2>/dev/null; done
  awk -v b="$BASE" '$5 ~ "^"b {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null
  if has docker; then
    iptables_docker_cleanup
    ip link del "$D_BRIDGE" 2>/dev/null
    for l in $(ip -o link show type bridge | awk -F': ' '{print $2}' | grep '^br-'); do
      ip -4 addr show dev "$l" | grep -q 'inet 10\.79\.' && ip link del "$l"
    done
  fi
  if has berth; then
    ip link del "$B_BRIDGE" 2>/dev/null
    for t in filter nat; do
      iptables-save -t "$t" | grep -E "^-A .*$B_BRIDGE( |$)" | while read -r line; do
        # shellcheck disable=SC2086
        iptables -w -t "$t" -D ${line#-A } 2>/dev/null; done
    done
  fi
  rm -rf "$BASE"
  [[ -n $DOCKER_CG_BEFORE ]] || rmdir /sys/fs/cgroup/*/docker 2>/dev/null
  true
}
trap cleanup EXIT

wait_sock() { for _ in $(seq 300); do curl -fsS --max-time 1 --unix-socket "$1" http://d/_ping >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "$2 did not come up; log:" >&2; tail -20 "$3" >&2; exit 1; }

log "starting $ENGINES under $BASE"
if has berth; then
  printf '{"bip": "10.77.0.1/24", "bridge": "%s", "default-address-pools": [{"base": "10.77.0.0/16", "size": 24}]}\n' \
    "$B_BRIDGE" >"$BASE/berth-daemon.json"
  "$BERTHD" --data-root "$BASE/berth-data" --exec-root "$BASE/b" -H "unix://$B_SOCK" \
    --config-file "$BASE/berth-daemon.json" >"$BASE/berthd.log" 2>&1 &
  B_PID=$!
  wait_sock "$B_SOCK" berthd "$BASE/berthd.log"
fi
if has docker; then
  IPT_BEFORE=$(for t in filter nat; do iptables-save -t "$t" | { grep '^-A ' || true; } | sed "s/^/$t /"; done)
  IPT_BEFORE_CHAINS=$(for t in filter nat; do iptables-save -t "$t" | { grep '^:' || true; } | cut -d' ' -f1 | sed "s/^/$t /"; done)
  FWD_POLICY=$(iptables -S FORWARD | awk '$1 == "-P" {print $3}')
  ip link add "$D_BRIDGE" type bridge
  ip addr add 10.78.0.1/24 dev "$D_BRIDGE"
  ip link set "$D_BRIDGE" up
  /usr/sbin/dockerd --data-root "$BASE/docker-data" --exec-root "$BASE/d" -H "unix://$D_SOCK" --pidfile "$BASE/d/docker.pid" \
    --bridge="$D_BRIDGE" --ip-forward=false --default-address-pool base=10.79.0.0/16,size=24 --storage-driver overlay2 \
    --log-level warn >"$BASE/dockerd.log" 2>&1 &
  D_PID=$!
  wait_sock "$D_SOCK" dockerd "$BASE/dockerd.log"
fi

log "importing the busybox rootfs into both"
"$ROOT/scripts/make-busybox-rootfs.sh" "$BASE/busybox.tar"
for e in $ENGINES; do
  api "$(sock "$e")" POST '/images/create?fromSrc=-&repo=busybox&tag=latest' -H 'Content-Type: application/x-tar' \
    --data-binary "@$BASE/busybox.tar" >/dev/null
done

declare -A R

run_rm_true() {  # create + start + wait + delete through the API on network $2
  local s=$1 id
  id=$(post "$s" /containers/create "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"$2\"}}" | jq -r .Id)
  api "$s" POST "/containers/$id/start" >/dev/null
  api "$s" POST "/containers/$id/wait" >/dev/null
  api "$s" DELETE "/containers/$id" >/dev/null
}

fetch_all() {  # $FETCHES sequential GETs of the 1 MB file in one curl process; prints ms
  local url=$1 urls=() t
  for _ in $(seq "$FETCHES"); do urls+=("$url"); done
  t=$(now)
  curl -fsS --max-time 120 "${urls[@]}" >/dev/null
  ms "$t" "$(now)"
}

SERVE='mkdir -p /www && dd if=/dev/urandom of=/www/f bs=1M count=1 2>/dev/null && exec httpd -f -p 80 -h /www'
for e in $ENGINES; do
  s=$(sock "$e")
  log "$e: run --rm true, bridge vs none, x$ROUNDS each"
  run_rm_true "$s" none; run_rm_true "$s" bridge   # warm-up
  for mode in none bridge; do
    R[run_$mode,$e]=$(for _ in $(seq "$ROUNDS"); do t=$(now); run_rm_true "$s" "$mode"; ms "$t" "$(now)"; done | median)
  done
  R[setup,$e]=$(( ${R[run_bridge,$e]%.*} - ${R[run_none,$e]%.*} ))

  log "$e: $FETCHES x 1 MB through a published port vs direct"
  id=$(post "$s" /containers/create "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"$SERVE\"],\"ExposedPorts\":{\"80/tcp\":{}},
    \"HostConfig\":{\"NetworkMode\":\"bridge\",\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]}}}" | jq -r .Id)
  api "$s" POST "/containers/$id/start" >/dev/null
  info=$(api "$s" GET "/containers/$id/json")
  port=$(jq -r '.NetworkSettings.Ports["80/tcp"][0].HostPort' <<<"$info")
  cip=$(jq -r '.NetworkSettings.Networks.bridge.IPAddress' <<<"$info")
  for _ in $(seq 50); do curl -fsS -o /dev/null "http://$cip/f" 2>/dev/null && break; sleep 0.1; done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/f"   # warm-up, and fails the run if the port does not work
  direct=() published=()
  for _ in 1 2 3; do   # interleaved, best of three
    direct+=("$(fetch_all "http://$cip/f")")
    published+=("$(fetch_all "http://127.0.0.1:$port/f")")
  done
  R[direct,$e]=$(printf '%s\n' "${direct[@]}" | sort -n | head -1)
  R[published,$e]=$(printf '%s\n' "${published[@]}" | sort -n | head -1)
  R[pub_vs_direct,$e]=$(awk -v p="${R[published,$e]}" -v d="${R[direct,$e]}" 'BEGIN {printf "%.2f", d / p}')
  api "$s" DELETE "/containers/$id?force=1" >/dev/null

  log "$e: $NETS networks, $((NETS * 2)) running containers connected to them"
  ids=()
  for i in $(seq $((NETS * 2))); do
    ids+=("$(post "$s" /containers/create '{"Image":"busybox","Cmd":["sleep","600"],"HostConfig":{"NetworkMode":"bridge"}}' | jq -r .Id)")
  done
  for id in "${ids[@]}"; do api "$s" POST "/containers/$id/start" >/dev/null; done
  t=$(now)
  for i in $(seq "$NETS"); do post "$s" /networks/create "{\"Name\":\"bn$i\"}" >/dev/null; done
  for k in "${!ids[@]}"; do
    post "$s" "/networks/bn$(( k / 2 + 1 ))/connect" "{\"Container\":\"${ids[$k]}\"}" >/dev/null
  done
  R[nets,$e]=$(ms "$t" "$(now)")
  for id in "${ids[@]}"; do api "$s" DELETE "/containers/$id?force=1" >/dev/null; done
  api "$s" POST /networks/prune >/dev/null
done

row() {  # metric label unit target
  local b=${R[$1,berth]:--} d=${R[$1,docker]:--} ratio
  ratio=$(awk -v b="$b" -v d="$d" 'BEGIN { if (b == "-" || d == "-" || d + 0 == 0) print "-"; else printf "%.2f", b / d }')
  printf '%-52s %10s %10s %7s   %s\n' "$2" "$b $3" "$d $3" "$ratio" "$4"
}
{
  echo "Networking, Berth vs Docker 20.10 — $STAMP — $(nproc) CPUs, kernel $(uname -r)"
  printf '%-52s %10s %10s %7s   %s\n' metric berth docker ratio "target (issue 5)"
  row run_none "run --rm true, --network none (median)" ms ""
  row run_bridge "run --rm true, default bridge (median)" ms "berth <= docker"
  row setup "  network setup (bridge - none)" ms ""
  row direct "$FETCHES x 1 MB GET, direct to container IP" ms ""
  row published "$FETCHES x 1 MB GET, published port on 127.0.0.1" ms "berth <= docker"
  row pub_vs_direct "  published-port speed / direct speed" "" "berth >= 0.9"
  row nets "create $NETS networks + connect $((NETS * 2)) containers" ms "ratio <= 0.7"
} | tee "$OUT-network.txt"
for k in "${!R[@]}"; do printf '%s\t%s\n' "$k" "${R[$k]}"; done | sort >"$OUT-network.tsv"
log "results in $OUT-network.txt and $OUT-network.tsv"
