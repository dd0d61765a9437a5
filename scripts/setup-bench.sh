#!/usr/bin/env bash
# Installs what bench/run.sh compares Berth with: Debian's Docker 20.10 (docker.io, which brings
# dockerd and containerd) and hyperfine. The packaged docker service is kept from starting: the
# bench starts its own dockerd on a private socket and data root, and stops it afterwards.
# Run as root: sudo scripts/setup-bench.sh
set -euo pipefail

[[ $(id -u) -eq 0 ]] || { echo "must run as root" >&2; exit 1; }
missing=()
for p in docker.io hyperfine jq docker-registry; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # policy-rc.d 101 = "do not start services from maintainer scripts"
  policy=/usr/sbin/policy-rc.d
  had_policy=0; [[ -e $policy ]] && had_policy=1
  [[ $had_policy == 1 ]] || { printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; }
  apt-get install -y -q --no-install-recommends "${missing[@]}" || { [[ $had_policy == 1 ]] || rm -f "$policy"; exit 1; }
  [[ $had_policy == 1 ]] || rm -f "$policy"
fi
/usr/sbin/dockerd --version
echo "bench tools ready (docker 20.10 CLI at /usr/bin/docker; /usr/local/bin/docker stays first in PATH)"
