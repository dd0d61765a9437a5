#!/usr/bin/env bash
# Builds the busybox test image's root filesystem as a tar (for `docker import` / POST
# /images/create?fromSrc=-): the static busybox with every applet linked, users root, daemon,
# nobody and app (uid 1000), /tmp 1777, /root and /home. Needs no root: owners are set in the tar.
# Usage: scripts/make-busybox-rootfs.sh OUT.tar
set -euo pipefail

out=${1:?usage: $0 OUT.tar}
busybox=${BUSYBOX:-/usr/bin/busybox}
[[ -x $busybox ]] || busybox=/bin/busybox
[[ -x $busybox ]] || { echo "busybox not found (apt-get install busybox-static)" >&2; exit 1; }
# A dynamically linked busybox would not run inside an empty rootfs.
if ldd "$busybox" >/dev/null 2>&1; then
  echo "$busybox is dynamically linked; install busybox-static" >&2; exit 1
fi

work=$(mktemp -d /tmp/berth-rootfs.XXXXXX)
trap 'rm -rf "$work"' EXIT
r=$work/rootfs
mkdir -p "$r"/{bin,sbin,usr/bin,usr/sbin,etc,root,home/app,tmp,var/tmp,dev,proc,sys,run}
install -m 0755 "$busybox" "$r/bin/busybox"
"$busybox" --list-full | while read -r applet; do
  [[ $applet == bin/busybox ]] && continue
  mkdir -p "$r/$(dirname "$applet")"
  ln -sf /bin/busybox "$r/$applet"
done

cat >"$r/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
app:x:1000:1000:app:/home/app:/bin/sh
P
cat >"$r/etc/group" <<'G'
root:x:0:
daemon:x:1:
app:x:1000:
nogroup:x:65534:
nobody:x:65534:
G
chmod 1777 "$r/tmp" "$r/var/tmp"
chmod 0700 "$r/root"

# Fixed owners and mtimes make the tar, and so the image's layer digest, reproducible.
tar --sort=name --mtime='2024-01-01 00:00:00Z' --numeric-owner --owner=0 --group=0 \
    --exclude=./home/app -C "$r" -cf "$work/base.tar" .
tar --mtime='2024-01-01 00:00:00Z' --numeric-owner --owner=1000 --group=1000 \
    -C "$r" -rf "$work/base.tar" ./home/app
mv "$work/base.tar" "$out"
