#!/usr/bin/env bash
# Issue 3's benchmark: the time to speak and encode the seed article with rawi (the whole `rawi convert`, JVM start,
# cleaning and EPUB included) against the plain chain `espeak-ng -w` then `lame -b 64 -q 7` on the same text, both
# measured in this run, interleaved, RUNS times each; prints medians and their ratio.
# Usage: bench/speak.sh [ARTICLE] [RUNS]   (needs espeak-ng, lame; builds rawi if needed)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# The same text for both: what rawi speaks is the cleaned article.
java -jar "$root/target/rawi.jar" clean "$article" > "$tmp/text.txt" 2>/dev/null
chain=(); times=()
for i in $(seq "$runs"); do
  t=$(date +%s%N)
  espeak-ng -v ar -s 166 -w "$tmp/chain.wav" -f "$tmp/text.txt"
  lame --silent -b 64 -q 7 "$tmp/chain.wav" "$tmp/chain.mp3"
  chain+=($(ms_since "$t"))
  rm -rf "$tmp/out"
  t=$(date +%s%N)
  rawi convert "$article" -o "$tmp/out"
  times+=($(ms_since "$t"))
done
mc=$(median "${chain[@]}"); mr=$(median "${times[@]}")
speech=$(python3 -c "import json;print(round(json.load(open('$tmp/out/'+__import__('os').listdir('$tmp/out')[0]+'/timings.json'))['durationMs']/1000,1))" 2>/dev/null || echo "?")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "article: $article ($speech s of narration); $runs runs each, interleaved"
echo "espeak-ng -w + lame -b 64 -q 7 : median ${mc} ms  (runs: ${chain[*]})"
echo "rawi convert (whole book)      : median ${mr} ms  (runs: ${times[*]})"
awk -v r="$mr" -v c="$mc" 'BEGIN {printf "ratio rawi / chain             : %.2f\n", r / c}'
