#!/usr/bin/env bash
# Issue 7's measure: what the whole-book audiobook costs next to what the per-paragraph audio costs, in one run.
#   text   = rawi convert --no-audio                (the book without narration)
#   files  = rawi convert                           (plus speech and the per-paragraph MP3 files)
#   mp3/m4b = rawi convert --audiobook mp3|m4b      (plus the audiobook)
# per-paragraph cost = files - text; audiobook cost = mp3 - files (or m4b - files). Medians of RUNS interleaved runs.
# Usage: bench/audiobook.sh [ARTICLE] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
article="${1:-$root/../shared/samples/article-ar.txt}"
runs="${2:-5}"
"$root/rawi" --version >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
rawi() { java -Djava.awt.headless=true -Drawi.voices="$root/voices" -jar "$root/target/rawi.jar" "$@" >/dev/null 2>&1; }
declare -A t
for i in $(seq "$runs"); do
  for mode in text files mp3 m4b; do
    rm -rf "$tmp/out"
    case $mode in
      text) args=(--no-audio) ;; files) args=() ;; *) args=(--audiobook "$mode") ;;
    esac
    s=$(date +%s%N); rawi convert "$article" -o "$tmp/out" "${args[@]}"; t[$mode]+="$(( ($(date +%s%N) - s) / 1000000 )) "
  done
done
median() { printf "%s\n" $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
text=$(median "${t[text]}"); files=$(median "${t[files]}"); mp3=$(median "${t[mp3]}"); m4b=$(median "${t[m4b]}")
echo "machine: $(nproc) cores; article: $article; $runs runs each, interleaved; medians in ms"
echo "text only: $text   with audio files: $files   + mp3 audiobook: $mp3   + m4b audiobook: $m4b"
per=$(( files - text ))
echo "per-paragraph audio costs ${per} ms"
awk -v a="$(( mp3 - files ))" -v p="$per" 'BEGIN {printf "mp3 audiobook costs %d ms: %.2f of the per-paragraph audio\n", a, a / p}'
awk -v a="$(( m4b - files ))" -v p="$per" 'BEGIN {printf "m4b audiobook costs %d ms: %.2f of the per-paragraph audio\n", a, a / p}'
