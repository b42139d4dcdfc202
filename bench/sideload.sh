#!/usr/bin/env bash
# Issue 20.1's check: rawi sideload copies a large book to a Kobo with constant memory. Builds a book of SIZE_MIB
# (default 1024): the project's sample article converted without audio, plus stored random "audio" entries;
# sideloads it to a folder shaped like a Kobo with a 64 MB heap (RAWI_JAVA_OPTS), then with the launcher's own heap;
# prints each run's time and peak resident memory, and checks both files arrived (the EPUB byte for byte).
# Usage: bench/sideload.sh [SIZE_MIB] [RUNS]   (needs GNU time)
set -euo pipefail
size="${1:-1024}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "" "${2:-3}"
[[ -x /usr/bin/time ]] || { echo "bench/sideload.sh needs GNU time: apt-get install -y time" >&2; exit 1; }

"$root/rawi" convert "$root/src/test/resources/samples/library-ar.txt" -o "$tmp/small" \
  --no-audio -q >/dev/null
python3 - "$tmp/small/library-ar/library-ar.epub" "$tmp/big.epub" "$size" <<'PY'
import os, sys, zipfile
src, dst, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
with zipfile.ZipFile(src) as i, zipfile.ZipFile(dst, 'w') as o:
    for e in i.infolist():
        o.writestr(e, i.read(e.filename))
    for k in range((mib + 15) // 16):
        o.writestr(zipfile.ZipInfo(f'OEBPS/audio/extra-{k:04d}.mp3'), os.urandom(16 << 20), zipfile.ZIP_STORED)
PY
echo "book: $(( $(stat -c %s "$tmp/big.epub") >> 20 )) MiB"
for opts in "-Xmx64m -XX:+UseSerialGC" ""; do
  label=${opts:-"launcher heap"}
  times=(); rss=()
  for r in $(seq "$runs"); do
    rm -rf "$tmp/kobo"; mkdir -p "$tmp/kobo/.kobo"
    s=$(date +%s%N)
    RAWI_JAVA_OPTS="$opts" /usr/bin/time -f '%M' -o "$tmp/rss" "$root/rawi" sideload "$tmp/big.epub" --to "$tmp/kobo" \
      >/dev/null
    times+=($(ms_since "$s")); rss+=($(( $(cat "$tmp/rss") / 1024 )))
    cmp -s "$tmp/big.epub" "$tmp/kobo/big.epub" || { echo "the EPUB on the Kobo differs" >&2; exit 1; }
    [[ -s "$tmp/kobo/big.kepub.epub" ]] || { echo "no kepub on the Kobo" >&2; exit 1; }
  done
  echo "$label: median $(median "${times[@]}") ms, peak RSS median $(median "${rss[@]}") MB (runs: ${times[*]} ms; ${rss[*]} MB)"
done
