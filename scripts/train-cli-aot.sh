#!/usr/bin/env bash
# Trains the berth CLI's AOT cache (JDK 25, JEP 483/514): runs representative commands once in a
# training JVM and writes the loaded-and-linked classes to LIB/berth.aot, which dist/bin/berth
# uses when present. The cache is tied to the JDK and the exact class path, so run this again
# after every install of the CLI jars.
#
# usage: scripts/train-cli-aot.sh [LIB_DIR] [--socket /path/to/berth.sock]
#   LIB_DIR   the installed CLI jars (default /usr/local/lib/berth/cli)
#   --socket  train against a live daemon instead of the built-in canned responder
set -euo pipefail

lib=/usr/local/lib/berth/cli
socket=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --socket) socket="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) lib="$1"; shift ;;
  esac
done

java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$lib/berth.aot"
[[ -d "$lib" ]] || { echo "train-cli-aot: no such directory: $lib" >&2; exit 1; }

# The same flags and class path string as dist/bin/berth, or the JVM refuses the cache.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m
       --enable-native-access=ALL-UNNAMED)

env_args=()
if [[ -n "$socket" ]]; then
  env_args=(BERTH_HOST="unix://$socket")
else
  env_args=(BERTH_HOST=)
fi

rm -f "$out"
env "${env_args[@]}" "$java_home/bin/java" "${flags[@]}" -XX:AOTCacheOutput="$out" -Xlog:aot=warning \
  -cp "$lib/*" berth.cli.TrainingRun
ls -l "$out"
