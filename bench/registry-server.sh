#!/usr/bin/env bash
# The Berth registry vs Debian's docker-registry (distribution 2.8) serving the same image to 20
# concurrent pulls, in one run (issue 3, "the Berth registry serving 20 concurrent pulls vs
# docker-registry serving the same, >= 1.0x").
#
# Starts both registries on 127.0.0.1 (own ports, own storage under a temp dir, no auth, no TLS),
# pushes the same image to each with curl (a config and LAYERS random, incompressible layers of
# LAYER_MB MB), then runs ROUNDS rounds per registry of CLIENTS concurrent pulls; each client is one
# curl process that fetches the manifest and every blob over one keep-alive connection, as a
# pulling client does, and discards the bytes. Prints the median wall time and throughput of a
# round for each registry and the ratio Berth/docker-registry; writes bench/results/. Not part of CI.
#
# Usage: bench/registry-server.sh   (CLIENTS=20 LAYERS=5 LAYER_MB=20 ROUNDS=5)
# Needs: docker-registry (scripts/setup-bench.sh installs it, its service not started), curl, and
# the registry built (mvn -B -q -pl berth-registry -am -DskipTests package) or installed by
# scripts/setup.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLIENTS=${CLIENTS:-20} LAYERS=${LAYERS:-5} LAYER_MB=${LAYER_MB:-20} ROUNDS=${ROUNDS:-5}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
LIB=$ROOT/berth-registry/target/lib
[[ -d $LIB ]] || LIB=/usr/local/lib/berth/registry
[[ -d $LIB ]] || { echo "berth-registry not built: mvn -B -q -pl berth-registry -am -DskipTests package" >&2; exit 1; }
command -v docker-registry >/dev/null || "$ROOT/scripts/setup-bench.sh"

BASE=$(mktemp -d /tmp/berth-regbench.XXXXXX)
B_PID= D_PID=
cleanup() {
  set +e
  [[ -n $B_PID ]] && kill "$B_PID" 2>/dev/null
  [[ -n $D_PID ]] && kill "$D_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$BASE"
}
trap cleanup EXIT

log() { printf '[bench] %s\n' "$*" >&2; }
free_port() {
  local p
  while :; do p=$(shuf -i 20000-40000 -n 1); ss -ltn | grep -q ":$p " || { echo "$p"; return; }; done
}
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
wait_up() {
  for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$1/v2/" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "registry on port $1 did not come up" >&2; exit 1
}

B_PORT=$(free_port) D_PORT=$(free_port)
mkdir -p "$BASE/berth" "$BASE/distribution" "$BASE/image" "$ROOT/bench/results"

"$JAVA" --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -cp "$LIB/*" berth.registry.Main serve \
  --addr "127.0.0.1:$B_PORT" --storage "$BASE/berth" >"$BASE/berth.log" 2>&1 &
B_PID=$!
cat >"$BASE/distribution.yml" <<EOF
version: 0.1
log: {level: error}
storage:
  filesystem: {rootdirectory: $BASE/distribution}
  cache: {blobdescriptor: inmemory}
http: {addr: 127.0.0.1:$D_PORT}
EOF
docker-registry serve "$BASE/distribution.yml" >"$BASE/distribution.log" 2>&1 &
D_PID=$!
wait_up "$B_PORT"
wait_up "$D_PORT"

# --- the image: random layers (incompressible, so no transport can cheat), a config, a manifest
log "making an image of $LAYERS x $LAYER_MB MB layers"
layers_json=
for i in $(seq "$LAYERS"); do
  f=$BASE/image/layer$i
  head -c "$((LAYER_MB * 1024 * 1024))" /dev/urandom >"$f"
  d=sha256:$(sha256sum "$f" | cut -d' ' -f1)
  echo "$d" >"$f.digest"
  layers_json+="${layers_json:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$d\",\"size\":$(stat -c %s "$f")}"
done
printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' >"$BASE/image/config"
c=sha256:$(sha256sum "$BASE/image/config" | cut -d' ' -f1)
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},"layers":[%s]}' \
  "$c" "$(stat -c %s "$BASE/image/config")" "$layers_json" >"$BASE/image/manifest"

push() {  # port
  local port=$1 f d loc sep
  for f in $(seq -f "$BASE/image/layer%g" "$LAYERS") "$BASE/image/config"; do
    d=sha256:$(sha256sum "$f" | cut -d' ' -f1)
    # POST then PUT: distribution 2.8 ignores a monolithic POST's body
    loc=$(curl -fsS -o /dev/null -w '%header{location}' -X POST "http://127.0.0.1:$port/v2/bench/app/blobs/uploads/")
    [[ $loc == http* ]] || loc=http://127.0.0.1:$port$loc
    [[ $loc == *\?* ]] && sep='&' || sep='?'
    curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$f" "$loc${sep}digest=$d"
  done
  curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary "@$BASE/image/manifest" "http://127.0.0.1:$port/v2/bench/app/manifests/v1"
}
log "pushing to both registries"
push "$B_PORT"
push "$D_PORT"

# One client: the manifest, then every blob, over one connection.
pull_args() {  # port
  local port=$1 f
  printf -- '-H\nAccept: application/vnd.oci.image.manifest.v1+json\n-o\n/dev/null\nhttp://127.0.0.1:%s/v2/bench/app/manifests/v1\n' "$port"
  printf -- '-o\n/dev/null\nhttp://127.0.0.1:%s/v2/bench/app/blobs/%s\n' "$port" "$c"
  for f in "$BASE"/image/layer*.digest; do
    printf -- '-o\n/dev/null\nhttp://127.0.0.1:%s/v2/bench/app/blobs/%s\n' "$port" "$(cat "$f")"
  done
}
round() {  # port -> wall ms of CLIENTS concurrent pulls
  local port=$1 t0 pids=() i
  mapfile -t args < <(pull_args "$port")
  t0=$(now)
  for i in $(seq "$CLIENTS"); do curl -fsS "${args[@]}" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || { echo "a pull from port $port failed" >&2; exit 1; }; done
  echo $(( ($(now) - t0) / 1000000 ))
}

bytes_per_pull=$(( LAYERS * LAYER_MB * 1024 * 1024 ))
log "warm-up round each"
round "$B_PORT" >/dev/null
round "$D_PORT" >/dev/null
b_times=() d_times=()
for r in $(seq "$ROUNDS"); do   # interleaved, so machine noise hits both alike
  b_times+=("$(round "$B_PORT")")
  d_times+=("$(round "$D_PORT")")
  log "round $r: berth ${b_times[-1]} ms, docker-registry ${d_times[-1]} ms"
done
b_ms=$(printf '%s\n' "${b_times[@]}" | median)
d_ms=$(printf '%s\n' "${d_times[@]}" | median)
mbps() { awk -v b="$bytes_per_pull" -v n="$CLIENTS" -v ms="$1" 'BEGIN {printf "%.0f", b * n / 1048576 / (ms / 1000)}'; }

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/registry-server-$STAMP.txt
{
  echo "$CLIENTS concurrent pulls of $LAYERS x $LAYER_MB MB (+ manifest, config), median of $ROUNDS rounds, $(nproc) CPUs"
  printf '%-28s %10s %10s\n' registry "round ms" "MB/s"
  printf '%-28s %10s %10s\n' "berth-registry" "$b_ms" "$(mbps "$b_ms")"
  printf '%-28s %10s %10s\n' "docker-registry $(docker-registry --version 2>/dev/null | awk '{print $3}')" "$d_ms" "$(mbps "$d_ms")"
  awk -v b="$b_ms" -v d="$d_ms" 'BEGIN {printf "throughput ratio berth/docker-registry: %.2f (target >= 1.0)\n", d / b}'
  echo "berth RSS after: $(awk '/^VmRSS:/ {print $2}' /proc/$B_PID/status) kB, docker-registry RSS after: $(awk '/^VmRSS:/ {print $2}' /proc/$D_PID/status) kB"
} | tee "$OUT"
