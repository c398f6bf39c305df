#!/usr/bin/env bash
# The fuzz seed corpus: small real videos (<= 160x90, about a second) in every container and
# codec the core allows, plus a few files that are not video, made by the ffmpeg CLI into
# ${IMAJIN_FUZZ_DIR:-~/.cache/imajin-fuzz}/corpus (outside git). Small seeds keep each case fast
# and put the container headers within reach of the mutations.
set -euo pipefail
dir=${IMAJIN_FUZZ_DIR:-$HOME/.cache/imajin-fuzz}/corpus
mkdir -p "$dir"
cd "$dir"
ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }
# Two shots with a cut at 0.5 s, so scans have something to find.
src="testsrc2=s=160x90:r=30:d=0.5[a];smptebars=s=160x90:r=30:d=0.5[b];[a][b]concat=n=2:v=1:a=0"
x264=(-c:v libx264 -preset veryfast -pix_fmt yuv420p -bf 2 -g 12)
x265=(-c:v libx265 -preset ultrafast -x265-params log-level=error:keyint=12 -tag:v hvc1)
make() { [[ -s $1 ]] || { shift; ff "$@"; }; }

make h264.mp4 -filter_complex "$src" "${x264[@]}" h264.mp4
make h264-faststart.mp4 -filter_complex "$src" "${x264[@]}" -movflags +faststart h264-faststart.mp4
make h264-fragmented.mp4 -filter_complex "$src" "${x264[@]}" -movflags frag_keyframe+empty_moov h264-fragmented.mp4
make h264-aac.mov -filter_complex "$src" -f lavfi -i sine=d=1 "${x264[@]}" -c:a aac -b:a 32k -shortest h264-aac.mov
make h264-rot90.mp4 -i h264.mp4 -c copy -metadata:s:v:0 rotate=90 h264-rot90.mp4
make h264-one-frame.mp4 -f lavfi -i testsrc2=s=96x64:r=30:d=0.04 "${x264[@]}" -frames:v 1 h264-one-frame.mp4
make h264-vfr.mkv -filter_complex "$src,setpts='N/30/TB+if(gt(N,10),0.3/TB,0)'" "${x264[@]}" -fps_mode vfr h264-vfr.mkv
make h264.ts -filter_complex "$src" "${x264[@]}" h264.ts
make hevc.mp4 -filter_complex "$src" "${x265[@]}" hevc.mp4
make hevc10-hlg.mov -filter_complex "$src" "${x265[@]}" -pix_fmt yuv420p10le \
  -color_primaries bt2020 -color_trc arib-std-b67 -colorspace bt2020nc hevc10-hlg.mov
make hevc10-pq.mkv -filter_complex "$src" "${x265[@]}" -pix_fmt yuv420p10le \
  -color_primaries bt2020 -color_trc smpte2084 -colorspace bt2020nc hevc10-pq.mkv
make vp9.webm -filter_complex "$src" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -g 12 vp9.webm
make vp8.webm -filter_complex "$src" -c:v libvpx -deadline realtime -cpu-used 8 -g 12 vp8.webm
make av1.mkv -filter_complex "$src" -c:v libaom-av1 -cpu-used 8 -g 12 av1.mkv
# Long enough (2.5 s, a keyframe every 0.5 s, open GOPs) for the fast scan to split them into
# chunks decoded side by side (parallel_scan.h).
long="testsrc2=s=160x90:r=10:d=1.25[a];smptebars=s=160x90:r=10:d=1.25[b];[a][b]concat=n=2:v=1:a=0"
make h264-chunks.mp4 -filter_complex "$long" -c:v libx264 -preset veryfast -pix_fmt yuv420p -bf 2 \
  -x264-params keyint=5:min-keyint=5:scenecut=0:open-gop=1 h264-chunks.mp4
make hevc-chunks.mp4 -filter_complex "$long" -c:v libx265 -preset ultrafast -tag:v hvc1 \
  -x265-params log-level=error:keyint=5:min-keyint=5:scenecut=0:bframes=3:b-pyramid=1:open-gop=1 hevc-chunks.mp4
make mpeg4.avi -filter_complex "$src" -c:v mpeg4 -q:v 5 -g 12 mpeg4.avi
make h263.3gp -f lavfi -i testsrc2=s=176x144:r=15:d=1 -c:v h263 -g 8 h263.3gp
make mjpeg.avi -filter_complex "$src" -c:v mjpeg -q:v 8 -pix_fmt yuvj420p mjpeg.avi
make prores.mov -f lavfi -i testsrc2=s=64x36:r=30:d=0.3 -c:v prores_ks -profile:v 0 prores.mov
# Not video: audio only, a still image, a PDF-ish text file.
make audio-only.m4a -f lavfi -i sine=d=0.5 -c:a aac -b:a 32k audio-only.m4a
make image.png -f lavfi -i testsrc2=s=64x36 -frames:v 1 image.png
[[ -s not-video.pdf ]] || printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' > not-video.pdf
ls -l "$dir" | awk 'NR > 1 { n++; s += $5 } END { printf "corpus: %d files, %d bytes\n", n, s }'
