#!/usr/bin/env bash
# Makes samples/sample.mp4, the clip the README's first quick-start command classifies:
# 6 s, 320x240 H.264, three shots (hard cuts at 2 s and 4 s) from ffmpeg's synthetic sources
# (testsrc2, mandelbrot, gradients). The result is committed; rerun this only to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x240:rate=30:duration=2" \
  -f lavfi -i "mandelbrot=size=320x240:rate=30,trim=duration=2" \
  -f lavfi -i "gradients=size=320x240:rate=30:duration=2:speed=0.02" \
  -filter_complex "[0:v][1:v][2:v]concat=n=3:v=1,format=yuv420p[v]" -map "[v]" \
  -c:v libx264 -preset medium -crf 30 -g 60 -movflags +faststart samples/sample.mp4
