#!/usr/bin/env bash
# From a fresh Debian 12 machine to a first container: installs and builds Berth (setup.sh),
# starts berthd in the background on the default socket, imports the busybox test image and runs
# a container. Run as root: sudo scripts/quickstart.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SOCK=${BERTH_SOCK:-/run/berth/berth.sock}
LOGFILE=/var/log/berthd.log

log() { printf '[quickstart] %s\n' "$*"; }
die() { printf '[quickstart] ERROR: %s\n' "$*" >&2; exit 1; }
ping_ok() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; }

"$ROOT/scripts/setup.sh"

if ping_ok; then
  log "berthd already answering on $SOCK"
else
  log "starting berthd (log: $LOGFILE)"
  mkdir -p "$(dirname "$SOCK")"
  nohup /usr/local/bin/berthd -H "unix://$SOCK" >>"$LOGFILE" 2>&1 </dev/null &
  for _ in $(seq 1 150); do ping_ok && break; sleep 0.2; done
  ping_ok || { tail -n 30 "$LOGFILE" >&2; die "berthd did not answer on $SOCK within 30 s"; }
fi
export BERTH_HOST=unix://$SOCK

if [[ $(curl -fsS --unix-socket "$SOCK" 'http://d/images/json?filters=%7B%22reference%22%3A%5B%22busybox%3Alatest%22%5D%7D') == "[]" ]]; then
  log "importing busybox:latest"
  tar=$(mktemp /tmp/berth-busybox.XXXXXX.tar)
  "$ROOT/scripts/make-busybox-rootfs.sh" "$tar"
  curl -fsS --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' \
       --data-binary "@$tar" 'http://d/images/create?fromSrc=-&repo=busybox&tag=latest' >/dev/null
  rm -f "$tar"
fi

log "berth run --rm --network none busybox echo \"Hello from Berth\""
berth run --rm --network none busybox echo "Hello from Berth"
log "berthd keeps running; try: berth ps -a, or DOCKER_HOST=unix://$SOCK docker ps"
