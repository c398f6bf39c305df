#!/usr/bin/env bash
# Installs everything imajin-video needs on Debian 12 and builds the workspace.
# Idempotent: each step checks first, so a second run takes seconds.
# Assumes Node.js >= 20.19 with npm (what a machine of this kind comes with).
set -euo pipefail
cd "$(dirname "$0")/.."

export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# --- system packages (libav headers for the addon, ffmpeg for test fixtures, redis for the queue)
APT_PACKAGES=(
  ca-certificates git g++ make python3 pkg-config cmake
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libavfilter-dev
  ffmpeg redis-server fonts-dejavu-core fontconfig
  chromium  # headless, for the CLI report's browser test (driven by playwright-core, never downloaded)
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install: ${missing[*]}"; exit 1; }
    SUDO=sudo
  fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node.js
command -v node >/dev/null || { log "Node.js >= 20.19 is required (not found)"; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { log "Node.js >= 20.19 is required (found $(node -v))"; exit 1; }

# --- pnpm, at the version package.json pins
want_pnpm=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm -v 2>/dev/null || true)" != "$want_pnpm" ]; then
  log "npm install -g pnpm@$want_pnpm"
  npm install -g --silent "pnpm@$want_pnpm" >/dev/null
fi

# --- node modules (fast no-op when the lockfile is satisfied)
log "pnpm install"
CI=true pnpm install --frozen-lockfile --reporter=silent

# --- build every package (turbo caches: a no-op when nothing changed)
log "build"
pnpm -s turbo run build --output-logs=errors-only >&2
log "ready"
