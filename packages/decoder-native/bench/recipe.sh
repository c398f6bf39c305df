#!/usr/bin/env bash
# Bench variant (d): the usual subprocess recipe for keyframes. An ffmpeg scene-select pass that
# prints the pts of the selected frames, then one ffmpeg seek per keyframe, each writing a JPEG
# scaled like ours (long side 640). The keyframe times are given (the same ones our variant
# grabs), so both do the same work.
#   bash bench/recipe.sh video outDir t1 t2 ...
set -euo pipefail
video=$1 out=$2
shift 2
ffmpeg -hide_banner -nostdin -i "$video" -map 0:v:0 -vf "select='gt(scene,0.3)',showinfo" \
  -fps_mode vfr -f null - 2>&1 | grep -o 'pts_time:[0-9.]*' > "$out/scenes.txt" || true
i=0
for t in "$@"; do
  ffmpeg -hide_banner -loglevel error -nostdin -y -ss "$t" -i "$video" -frames:v 1 \
    -vf 'scale=640:640:force_original_aspect_ratio=decrease' -q:v 2 "$out/kf-$i.jpg"
  i=$((i + 1))
done
