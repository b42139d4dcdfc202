#!/usr/bin/env bash
# Issue 7's measure: what the whole-book audiobook costs next to what the per-paragraph audio costs, in one run.
#   text   = rawi convert --no-audio                (the book without narration)
#   files  = rawi convert                           (plus speech and the per-paragraph MP3 files)
#   mp3/m4b = rawi convert --audiobook mp3|m4b      (plus the audiobook)
# per-paragraph cost = files - text; audiobook cost = mp3 - files (or m4b - files). Medians of RUNS interleaved runs.
# Usage: bench/audiobook.sh [ARTICLE] [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
declare -A t
for i in $(seq "$runs"); do
  for mode in text files mp3 m4b; do
    rm -rf "$tmp/out"
    case $mode in
      text) args=(--no-audio) ;; files) args=() ;; *) args=(--audiobook "$mode") ;;
    esac
    s=$(date +%s%N); rawi convert "$article" -o "$tmp/out" "${args[@]}"; t[$mode]+="$(ms_since "$s") "
  done
done
text=$(median "${t[text]}"); files=$(median "${t[files]}"); mp3=$(median "${t[mp3]}"); m4b=$(median "${t[m4b]}")
echo "machine: $(nproc) cores; article: $article; $runs runs each, interleaved; medians in ms"
echo "text only: $text   with audio files: $files   + mp3 audiobook: $mp3   + m4b audiobook: $m4b"
per=$(( files - text ))
echo "per-paragraph audio costs ${per} ms"
awk -v a="$(( mp3 - files ))" -v p="$per" 'BEGIN {printf "mp3 audiobook costs %d ms: %.2f of the per-paragraph audio\n", a, a / p}'
awk -v a="$(( m4b - files ))" -v p="$per" 'BEGIN {printf "m4b audiobook costs %d ms: %.2f of the per-paragraph audio\n", a, a / p}'
