#!/usr/bin/env bash
# Measures LAME quality levels on speech at 64 kbit/s mono: encoding time and signal-to-noise ratio after decoding,
# the figures behind Mp3Encoder's setting. The input is the seed, spoken by eSpeak NG. Needs espeak-ng, lame, ffmpeg.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seed="${1:-$here/../../shared/samples/article-ar.txt}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
espeak-ng -v ar -s 166 -w "$tmp/speech.wav" -f "$seed"
ffmpeg -v error -i "$tmp/speech.wav" -f s16le -ac 1 "$tmp/orig.raw"
secs=$(python3 -c "import os;print(round(os.path.getsize('$tmp/orig.raw')/2/22050,1))" 2>/dev/null || echo "?")
echo "input: $secs s of Arabic speech (eSpeak NG, 22050 Hz mono)"
printf "%-8s %-8s %10s %10s %10s\n" bitrate quality "median ms" "SNR dB" "size KiB"
for b in 64; do
  for q in 2 5 7 9; do
    times=()
    for run in 1 2 3 4 5; do
      start=$(date +%s%N)
      lame --silent --nohist --resample 22.05 -b $b -q $q "$tmp/speech.wav" "$tmp/out.mp3"
      times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    median=$(printf "%s\n" "${times[@]}" | sort -n | sed -n 3p)
    ffmpeg -v error -y -i "$tmp/out.mp3" -f s16le -ac 1 "$tmp/dec.raw"
    snr=$(java "$here/Snr.java" "$tmp/orig.raw" "$tmp/dec.raw")
    printf "%-8s %-8s %10s %10s %10s\n" "${b}k" "q$q" "$median" "$snr" "$(( $(stat -c %s "$tmp/out.mp3") / 1024 ))"
  done
done
