#!/usr/bin/env bash
# Fuzzes the decoding core (the addon's own native/core sources) under ASan/LSan/UBSan, outside
# CI. Builds the programs and the seed corpus when missing (build.sh, corpus.sh).
#   bash fuzz/run.sh [--cases 5000] [--seed 1]     the mutation driver: N deterministic cases
#   bash fuzz/run.sh --libfuzzer [--cases 5000]      libFuzzer, coverage-guided, N executions
#   bash fuzz/run.sh --summary [--seed 1]            the numbers of a finished driver run again
# Everything lands in ${IMAJIN_FUZZ_DIR:-~/.cache/imajin-fuzz}: run-<seed>/ holds outcomes.tsv
# (one line per case), driver.log (sanitizer reports), and the reproducer of every crash,
# finding, leak and sanitizer report (crash-<case>.bin, finding-*, leak-*, report-*).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${IMAJIN_FUZZ_DIR:-$HOME/.cache/imajin-fuzz}
cases=5000 seed=1 mode=driver
while (($#)); do
  case $1 in
    --cases) cases=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --libfuzzer) mode=libfuzzer; shift ;;
    --summary) mode=summary; shift ;;
    *) echo "usage: $0 [--cases N] [--seed S] [--libfuzzer | --summary]" >&2; exit 2 ;;
  esac
done
# The numbers of a driver run, from its outcomes.tsv and driver.log.
summarize() {
  echo "fuzz run: seed $seed, $(wc -l < "$out/outcomes.tsv") cases ($(ls "$root/corpus" | wc -l) seed files), results in $out"
  awk -F'\t' '{ n[$2]++ } END { for (k in n) printf "  %-34s %d\n", k, n[k] }' "$out/outcomes.tsv" | sort
  echo "crashes: $(grep -c CRASH "$out/outcomes.tsv")"
  echo "leaks (cases): $(grep -c '+LEAK' "$out/outcomes.tsv")"
  echo "cases with sanitizer reports: $(grep -c '+SANITIZER' "$out/outcomes.tsv")"
  echo "invariant findings: $(grep -c 'INVARIANT\|std::exception' "$out/outcomes.tsv")"
  echo "distinct sanitizer report sites:"
  grep -E 'runtime error:|ERROR: (Address|Leak)Sanitizer' "$out/driver.log" | sed -E 's/0x[0-9a-f]+/0x…/g' | sort | uniq -c | sed 's/^/  /'
  awk -F'\t' '{ if ($3 > max) { max = $3; c = $1 } } END { printf "slowest case: %s (%d ms)\n", c, max }' "$out/outcomes.tsv"
}

if [[ $mode == summary ]]; then
  out=$root/run-$seed
  summarize
  exit 0
fi
bash "$here/build.sh" >/dev/null || exit 1
bash "$here/corpus.sh" >/dev/null || exit 1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:print_summary=1}

if [[ $mode == libfuzzer ]]; then
  out=$root/libfuzzer-$seed
  mkdir -p "$out/corpus" "$out/artifacts"
  cp -n "$root"/corpus/* "$out/corpus/"
  # UB stops libFuzzer (a crash artifact) unless UBSAN_OPTIONS says otherwise, e.g. to get past
  # a known report: UBSAN_OPTIONS=halt_on_error=0:print_stacktrace=1 bash fuzz/run.sh --libfuzzer
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} "$root/build/imajin_fuzz_libfuzzer" \
    -runs="$cases" -seed="$seed" -max_len=262144 -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/" "$out/corpus" 2>&1 | tee "$out/libfuzzer.log" | grep -E '^(#|==|SUMMARY|FINDING|stat::|Done)' | grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)' 
  echo "artifacts (crashes, leaks, timeouts): $(ls "$out/artifacts" | wc -l) in $out/artifacts"
  exit 0
fi

out=$root/run-$seed
mkdir -p "$out"
: > "$out/outcomes.tsv"
: > "$out/driver.log"
start=0 crashes=0
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=0:print_stacktrace=1}
while ((start < cases)); do
  "$root/build/imajin_fuzz_driver" --corpus "$root/corpus" --out "$out" --cases "$cases" --seed "$seed" \
    --start "$start" >>"$out/driver.log" 2>>"$out/driver.log"
  status=$?
  if [[ ! -f $out/current.txt ]]; then
    ((status <= 1)) && break  # finished (0: clean, 1: findings)
    echo "the driver did not run (exit status $status); see $out/driver.log" >&2
    exit 1
  fi
  # The driver died inside a case: keep the reproducer and carry on after it.
  read -r index seedfile mutations < "$out/current.txt"
  cp "$out/current.bin" "$out/crash-$index.bin"
  printf '%s\tCRASH(status %s)\t0\t%s\t%s\n' "$index" "$status" "$seedfile" "$mutations" >> "$out/outcomes.tsv"
  echo "CRASH in case $index ($seedfile, $mutations), exit status $status: $out/crash-$index.bin" | tee -a "$out/driver.log"
  rm -f "$out/current.txt" "$out/current.bin"
  crashes=$((crashes + 1))
  start=$((index + 1))
done

summarize
