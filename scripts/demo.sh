#!/usr/bin/env bash
# The README's first quick-start command: set up, then classify the bundled sample video with
# the embedded scorer (no GPU, no network). Extra arguments go to `imajin-video classify`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec pnpm -s imajin-video classify samples/sample.mp4 "$@"
