#!/usr/bin/env bash
# Builds the fuzz programs from the SAME core sources the addon links (native/core/*.cpp), with
# AddressSanitizer (+ LeakSanitizer) and UndefinedBehaviorSanitizer, into
# ${IMAJIN_FUZZ_DIR:-~/.cache/imajin-fuzz}/build, outside git:
#   imajin_fuzz_driver     the standalone mutation driver (driver.cpp)
#   imajin_fuzz_libfuzzer  a libFuzzer target (libfuzzer.cpp), coverage-guided
# Needs clang and its sanitizer runtimes: apt-get install clang-14 libclang-rt-14-dev
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
out=${IMAJIN_FUZZ_DIR:-$HOME/.cache/imajin-fuzz}/build
CXX=${CXX:-clang++-14}
if ! command -v "$CXX" >/dev/null; then
  echo "fuzz/build.sh: $CXX not found; install it with: apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 1
fi
libav="libavformat libavcodec libavutil libswscale libavfilter"
if ! pkg-config --exists $libav; then
  echo "fuzz/build.sh: libav -dev packages missing (see scripts/setup.sh)" >&2
  exit 1
fi
# UB reports are recoverable, so one run lists every distinct UB site (UBSan reports each once);
# run.sh sets UBSAN_OPTIONS=halt_on_error=1 for libFuzzer, which must stop at the first.
san="-fsanitize=address,undefined -fsanitize-recover=undefined"
cflags="-std=c++17 -g -O1 -fno-omit-frame-pointer $san -I$pkg/native $(pkg-config --cflags $libav)"
libs="$(pkg-config --libs $libav) -lpthread"

# compile <objdir> <extra flags> <sources...>: objects rebuilt when their source (or any
# header of the core or of fuzz/) is newer, two at a time.
compile() {
  local dir=$1 extra=$2
  shift 2
  mkdir -p "$dir"
  # Objects of sources that no longer exist must not be linked.
  for obj in "$dir"/*.o; do
    [[ -e $obj ]] || continue
    local name
    name=$(basename "${obj%.o}")
    local found=0
    for src in "$@"; do [[ $(basename "${src%.cpp}") == "$name" ]] && found=1; done
    ((found)) || rm -f "$obj"
  done
  local newest_header
  newest_header=$(ls -t "$pkg"/native/core/*.h "$here"/*.h | head -1)
  for src in "$@"; do
    local obj="$dir/$(basename "${src%.cpp}").o"
    if [[ ! -f $obj || $src -nt $obj || $newest_header -nt $obj || $here/build.sh -nt $obj ]]; then
      echo "$CXX $cflags $extra -c $src -o $obj"
    fi
  done | xargs -P 2 -I{} sh -c '{}'
}

# link <binary> <objdir> <extra flags>: only when an object is newer than the binary (a run of
# the other program may be starting it meanwhile), through a temporary name.
link() {
  local bin=$1 dir=$2 extra=$3
  if [[ -f $bin && -z $(find "$dir" -name '*.o' -newer "$bin" | head -1) ]]; then return; fi
  $CXX $san $extra -o "$bin.tmp" "$dir"/*.o $libs && mv -f "$bin.tmp" "$bin"
}

core=("$pkg"/native/core/*.cpp)
compile "$out/driver" "" "${core[@]}" "$here/target.cpp" "$here/mutate.cpp" "$here/driver.cpp"
link "$out/imajin_fuzz_driver" "$out/driver" ""
compile "$out/libfuzzer" "-fsanitize=fuzzer-no-link" "${core[@]}" "$here/target.cpp" "$here/mutate.cpp" "$here/libfuzzer.cpp"
link "$out/imajin_fuzz_libfuzzer" "$out/libfuzzer" "-fsanitize=fuzzer"
echo "built $out/imajin_fuzz_driver and $out/imajin_fuzz_libfuzzer from ${#core[@]} core sources"
