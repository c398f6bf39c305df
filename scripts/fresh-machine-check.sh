#!/usr/bin/env bash
# Proves the README's quick start on a fresh machine: builds a clean Debian 12 root with
# mmdebstrap, copies in only what a machine of this kind comes with (Node.js 20 + npm and npm's
# config), clones this repo's HEAD into it, and runs the two quick-start commands inside a chroot.
# Not part of CI (needs root and a few minutes). Usage: sudo scripts/fresh-machine-check.sh [--keep]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${FRESH_CACHE:-$HOME/.cache/imajin-fresh}
root=$(mktemp -d /tmp/imajin-fresh.XXXXXX)
keep=${1:-}
mkdir -p "$cache"

cleanup() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
  [ "$keep" = --keep ] && { echo "kept $root" >&2; return; }
  rm -rf "$root"
}
trap cleanup EXIT

# 1. A minimal Debian 12 root (cached as a tarball; rebuild with FRESH_REBUILD=1).
if [ ! -s "$cache/bookworm.tar" ] || [ -n "${FRESH_REBUILD:-}" ]; then
  command -v mmdebstrap >/dev/null || apt-get install -y -qq mmdebstrap
  mmdebstrap --variant=minbase --include=ca-certificates,git bookworm "$cache/bookworm.tar"
fi
tar -xf "$cache/bookworm.tar" -C "$root"

# 2. What a machine of this kind has before any project runs: Node.js 20 with npm, npm's config,
#    and the workplace's CA certificates (its registries are reached through a TLS proxy).
tar -C / -cf - usr/bin/node usr/lib/node_modules/npm usr/include/node usr/etc/npmrc root/.npmrc \
  usr/local/share/ca-certificates 2>/dev/null | tar -C "$root" -xf -
chroot "$root" update-ca-certificates >/dev/null 2>&1 || cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/bin/npx"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# 3. The repo as committed (a clone: nothing untracked or ignored comes along).
git clone -q "$repo" "$root/work/imajin-video"

mount -t proc proc "$root/proc"; mount --rbind /sys "$root/sys"; mount --rbind /dev "$root/dev"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 CI=true bash -lc "$*"; }

echo "== quick start 1: scripts/demo.sh" >&2
t0=$(date +%s)
in_root "cd /work/imajin-video && ./scripts/demo.sh"
echo "== quick start 2: scripts/test.sh" >&2
t1=$(date +%s)
in_root "cd /work/imajin-video && ./scripts/test.sh"
t2=$(date +%s)
echo "== fresh machine: demo $((t1 - t0)) s, tests $((t2 - t1)) s: OK" >&2
