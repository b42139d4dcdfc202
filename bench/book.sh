#!/usr/bin/env bash
# Issue 6's benchmark, in one run, on a workload of 140 distinct Arabic paragraphs (43,468 characters) built from the
# reference article in ../shared (each paragraph joins two different paragraphs of it; nothing is committed):
#   (a) the raw chain: espeak-ng -v ar -w on the whole text, then lame -b 64 -q 7
#   (b) a naive per-paragraph script: espeak-ng and lame for each paragraph, then pandoc for the EPUB
#   (c) rawi convert with an empty cache
#   (d) rawi convert again after one paragraph changed
#   (e) rawi convert on ten times the workload, with its peak resident memory
# (c), (d) and (e) are run twice: as one-shot processes (the default), and with RAWI_DAEMON=1, where conversions run in
# a background server that stays warm between runs (started before the runs are timed, as it is after a user's first
# conversion). It also times (c) with --sample-rate 11025, the setting that trades audio bandwidth for speed.
# Prints medians of RUNS runs (E_RUNS for e) and the ratios c/a, b/c, d/c with the issue's targets, for each mode.
# Then the profile of one more (c) and (d), one-shot, with RAWI_TIMING=1: (c)'s processor time by phase against what
# b/c >= 3 leaves once eSpeak NG and LAME have taken theirs, and (d)'s stages.
# Usage: bench/book.sh [ARTICLE] [RUNS]   (E_RUNS=1 by default; needs espeak-ng, lame, pandoc, GNU time)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
e_runs="${E_RUNS:-1}"
command -v pandoc >/dev/null || { echo "bench/book.sh needs pandoc: apt-get install -y pandoc" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench/book.sh needs GNU time: apt-get install -y time" >&2; exit 1; }

python3 - "$article" "$tmp" <<'PY'
import sys
src = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
pairs = [(a, b) for a in range(len(src)) for b in range(len(src)) if a != b][:140]
work = [src[a] + ' ' + src[b] for a, b in pairs]
open(sys.argv[2] + '/work.txt', 'w', encoding='utf-8').write('\n'.join(work) + '\n')
big = [w + ' (' + str(k + 1) + ')' for k in range(10) for w in work]
open(sys.argv[2] + '/work10.txt', 'w', encoding='utf-8').write('\n'.join(big) + '\n')
PY
paragraphs=$(wc -l < "$tmp/work.txt"); chars=$(python3 -c "import sys;print(sum(len(l.rstrip('\n')) for l in open('$tmp/work.txt',encoding='utf-8')))")

chain() {
  espeak-ng -v ar -s 166 -w "$tmp/chain.wav" -f "$tmp/work.txt"
  lame --silent -b 64 -q 7 "$tmp/chain.wav" "$tmp/chain.mp3"
}
naive() {
  rm -rf "$tmp/naive"; mkdir -p "$tmp/naive"
  local i=0
  while IFS= read -r line; do
    i=$((i + 1))
    espeak-ng -v ar -s 166 -w "$tmp/naive/p$i.wav" "$line"
    lame --silent -b 64 -q 7 "$tmp/naive/p$i.wav" "$tmp/naive/p$i.mp3"
  done < "$tmp/work.txt"
  pandoc -f markdown -t epub3 --metadata title=bench --metadata lang=ar -o "$tmp/naive/book.epub" "$tmp/work.txt"
}
# the background server of the daemon runs: its own (RAWI_BENCH makes its key unique), gone a minute after the bench
daemon() { RAWI_DAEMON=1 RAWI_DAEMON_IDLE=1 RAWI_BENCH=$$ "$root/rawi" "$@" >/dev/null 2>&1; }
daemon convert "$root/src/test/resources/samples/library-ar.txt" -o "$tmp/warm" --no-cache
a=(); b=(); c=(); d=(); cd_=(); dd=(); c11=()
for r in $(seq "$runs"); do
  s=$(date +%s%N); chain; a+=($(ms_since "$s"))
  s=$(date +%s%N); naive; b+=($(ms_since "$s"))
  rm -rf "$tmp/cache" "$tmp/out"; cp "$tmp/work.txt" "$tmp/book.txt"
  s=$(date +%s%N); rawi convert "$tmp/book.txt" -o "$tmp/out" --cache "$tmp/cache"; c+=($(ms_since "$s"))
  sed -i "70s/\$/ وانتهى $r./" "$tmp/book.txt"
  s=$(date +%s%N); rawi convert "$tmp/book.txt" -o "$tmp/out" --cache "$tmp/cache"; d+=($(ms_since "$s"))
  rm -rf "$tmp/cache" "$tmp/out"; cp "$tmp/work.txt" "$tmp/book.txt"
  s=$(date +%s%N); daemon convert "$tmp/book.txt" -o "$tmp/out" --cache "$tmp/cache"; cd_+=($(ms_since "$s"))
  sed -i "70s/\$/ وانتهى $r./" "$tmp/book.txt"
  s=$(date +%s%N); daemon convert "$tmp/book.txt" -o "$tmp/out" --cache "$tmp/cache"; dd+=($(ms_since "$s"))
  rm -rf "$tmp/cache" "$tmp/out"
  s=$(date +%s%N); rawi convert "$tmp/work.txt" -o "$tmp/out" --cache "$tmp/cache" --sample-rate 11025; c11+=($(ms_since "$s"))
done
# the bench's server: the daemon process whose environment has this bench's RAWI_BENCH
daemon_pid=""
for pid in $(pgrep -f "io.rawi.cli.Daemon" || true); do
  grep -qx "RAWI_BENCH=$$" < <(tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null) && daemon_pid=$pid
done
daemon_rss=""
[[ -n $daemon_pid ]] && daemon_rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$daemon_pid/status" 2>/dev/null || true)
e=(); rss=()
for r in $(seq "$e_runs"); do
  rm -rf "$tmp/cache10" "$tmp/out10"
  s=$(date +%s%N)
  # the launcher execs java, so GNU time sees the JVM's own peak
  /usr/bin/time -f "%M" -o "$tmp/rss" "$root/rawi" convert "$tmp/work10.txt" -o "$tmp/out10" \
    --cache "$tmp/cache10" -q >/dev/null
  e+=($(ms_since "$s")); rss+=($(tail -n 1 "$tmp/rss"))
done
# the profile: one more (c) and (d), one-shot, with RAWI_TIMING=1 (stages, and processor time by thread and phase)
rm -rf "$tmp/cache" "$tmp/out"; cp "$tmp/work.txt" "$tmp/book.txt"
s=$(date +%s%N); RAWI_TIMING=1 "$root/rawi" convert "$tmp/book.txt" -o "$tmp/out" --cache "$tmp/cache" 2>"$tmp/prof-c" >/dev/null
pc=$(ms_since "$s")
sed -i "70s/\$/ وانتهى./" "$tmp/book.txt"
s=$(date +%s%N); RAWI_TIMING=1 "$root/rawi" convert "$tmp/book.txt" -o "$tmp/out" --cache "$tmp/cache" 2>"$tmp/prof-d" >/dev/null
pd=$(ms_since "$s")
ma=$(median "${a[@]}"); mb=$(median "${b[@]}"); mc=$(median "${c[@]}"); md=$(median "${d[@]}")
mcd=$(median "${cd_[@]}"); mdd=$(median "${dd[@]}"); mc11=$(median "${c11[@]}")
me=$(median "${e[@]}"); mr=$(median "${rss[@]}")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); workload: $paragraphs paragraphs, $chars characters"
echo "medians of $runs runs (e: $e_runs), in ms:"
echo "  (a) espeak-ng -w + lame, whole text       : $ma   (${a[*]})"
echo "  (b) naive per-paragraph script + pandoc   : $mb   (${b[*]})"
echo "  one-shot (each run starts a JVM, as by default):"
echo "  (c) rawi convert, empty cache             : $mc   (${c[*]})"
echo "  (d) rawi convert, one paragraph changed   : $md   (${d[*]})"
echo "  (e) rawi convert, ten times the workload  : $me   (${e[*]}), peak RSS $((mr / 1024)) MB (${rss[*]} KiB)"
echo "  with RAWI_DAEMON=1 (a warm background server):"
echo "  (c) rawi convert, empty cache             : $mcd   (${cd_[*]})"
echo "  (d) rawi convert, one paragraph changed   : $mdd   (${dd[*]})"
[[ -n $daemon_rss ]] && echo "      the server's peak resident memory over all its runs: $daemon_rss MB"
echo "  with --sample-rate 11025 (one-shot; 5.5 kHz of audio bandwidth instead of 8):"
echo "  (c) rawi convert, empty cache             : $mc11   (${c11[*]})"
ratios() {
  awk -v a="$ma" -v b="$mb" -v c="$2" -v d="$3" -v m="$((mr / 1024))" -v mode="$1" 'BEGIN {
    printf "%s:\n", mode
    printf "  c/a = %.2f (target <= 0.6)  %s\n", c / a, (c / a <= 0.6 ? "met" : "NOT met")
    printf "  b/c = %.2f (target >= 3)    %s\n", b / c, (b / c >= 3 ? "met" : "NOT met")
    if (d > 0) printf "  d/c = %.3f (target <= 0.1) %s\n", d / c, (d / c <= 0.1 ? "met" : "NOT met")
    if (m > 0) printf "  peak RSS of (e) = %d MB (target <= 300)  %s\n", m, (m <= 300 ? "met" : "NOT met")
  }'
}
ratios "one-shot" "$mc" "$md"
mr=0 ratios "RAWI_DAEMON=1" "$mcd" "$mdd"
mr=0 ratios "--sample-rate 11025 (c only)" "$mc11" 0
# what bounds (c): eSpeak NG and LAME are native and cannot be sped up from rawi; on this machine's cores, what does
# b/c >= 3 leave for everything else?
awk -v wall="$pc" -v b="$mb" -v cores="$(nproc)" '
  /processor time, process/ {
    match($0, /process [0-9]+ ms;/); total = substr($0, RSTART + 8, RLENGTH - 12)
    match($0, /speak [0-9]+/); speak = substr($0, RSTART + 6, RLENGTH - 6)
    match($0, /, process [0-9]+ ms, encode/); split(substr($0, RSTART, RLENGTH), f, " "); proc = f[3]
    match($0, /encode [0-9]+/); enc = substr($0, RSTART + 7, RLENGTH - 7)
    match($0, /cache keys\) [0-9]+/); split(substr($0, RSTART, RLENGTH), g, " "); plan = g[3]
    match($0, /diacritize \(on a cache miss\) [0-9]+/); split(substr($0, RSTART, RLENGTH), h, " "); vowels = h[6]
  }
  END {
    if (total == "") { print "profile of (c): no RAWI_TIMING output"; exit }
    rest = total - speak - proc - enc; native = speak + enc; budget = b / 3
    printf "profile of one more (c), one-shot: %.1f s, %.1f s of processor time on %d cores:\n", wall / 1000, total / 1000, cores
    printf "  speak (eSpeak NG) %.1f s, resample and level %.1f s, encode (LAME) %.1f s, the rest %.1f s\n", \
      speak / 1000, proc / 1000, enc / 1000, rest / 1000
    printf "  of the rest: the spoken form as written (numbers, signs, abbreviations) and cache keys %.2f s, the\n", \
      plan / 1000
    printf "  diacritizer %.2f s\n", vowels / 1000
    printf "  (JVM, compiling, reading, cleaning, cache, EPUB). b/c >= 3 needs (c) <= %.1f s: %d cores give at most\n", \
      budget / 1000, cores
    printf "  %.1f s of processor time in it, eSpeak NG and LAME take %.1f s of that, leaving %.1f s for the %.1f s\n", \
      cores * budget / 1000, native / 1000, (cores * budget - native) / 1000, (proc + rest) / 1000
    printf "  of everything else (and only if both cores are busy from start to end)\n"
  }' "$tmp/prof-c"
echo "profile of one more (d), one-shot: $pd ms"
sed -n 's/^timing: /  /p' "$tmp/prof-d" | grep -v "processor time"
