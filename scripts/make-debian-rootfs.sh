#!/usr/bin/env bash
# Builds a Debian bookworm root filesystem (debootstrap --variant=minbase, ~45 s) as a tar for
# `berth import` (POST /images/create?fromSrc=-): the base of the images the tests build for the
# seeds (apt-get works inside it through the bridge network's NAT). Extra packages: INCLUDE=a,b.
# Needs root. Usage: scripts/make-debian-rootfs.sh OUT.tar
set -euo pipefail

out=${1:?usage: $0 OUT.tar}
command -v debootstrap >/dev/null || { echo "debootstrap not found (apt-get install debootstrap)" >&2; exit 1; }
mirror=${DEBIAN_MIRROR:-}
if [[ -z $mirror ]]; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d /var/tmp/berth-debian.XXXXXX)
cleanup() {
  # debootstrap mounts proc and sys in the target; never delete through a mount
  { findmnt -rn -o TARGET | grep "^$work/" | sort -r | while read -r m; do umount -l "$m"; done; } || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
args=(--variant=minbase)
[[ -n ${INCLUDE:-} ]] && args+=("--include=$INCLUDE")
if ! debootstrap "${args[@]}" bookworm "$work/rootfs" "$mirror" >"$work/log" 2>&1; then
  tail -20 "$work/log" >&2
  exit 1
fi
rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*_Packages
tar -C "$work/rootfs" --numeric-owner --xattrs -cf "$out.tmp" .
mv "$out.tmp" "$out"
