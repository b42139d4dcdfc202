#!/usr/bin/env bash
# Issue 17's measure of Arabic a listener can follow: the share of Arabic words eSpeak NG reads with no vowel, or with
# three consonants in a row, judged from its own phonemes (espeak-ng -v ar -x) on each word exactly as `rawi spoken`
# gives it; with the diacritizer and without (--no-diacritize). In the phonemes, a consonant's marks ([ for emphatic,
# : for length) and a doubled consonant (shadda) count as one consonant, dZ is one sound, A is the consonant ain.
# Usage: bench/vowelless.sh [ARTICLE] [EXAMPLES]   (needs espeak-ng, python3)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
article=${1:-$root/../shared/samples/article-ar.txt}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$root/rawi" spoken --ids "$article" > "$tmp/vowelled.txt"
"$root/rawi" spoken --ids --no-diacritize "$article" > "$tmp/written.txt"
for kind in written vowelled; do
  printf '%-9s ' "$kind:"
  python3 - "$tmp/$kind.txt" "${2:-0}" <<'PY'
import re, subprocess, sys
lines = [l.split('\t', 1)[1] for l in open(sys.argv[1], encoding='utf-8').read().splitlines() if '\t' in l]
words = [w for l in lines for w in l.split() if re.search('[\u0621-\u064a]', w)]
unique = sorted(set(words))
out = subprocess.run(['espeak-ng', '-v', 'ar', '-x', '-q'], input='\n'.join(w + '.' for w in unique),
                     capture_output=True, text=True).stdout
phonemes = dict(zip(unique, [l.strip() for l in out.splitlines() if l.strip()]))
def sounds(p):
    p = re.sub(r"[',%=_|;!.\[:]", "", p).replace('dZ', 'J')
    return re.sub(r'(.)\1+', r'\1', p)
def unreadable(p):
    s = sounds(p)
    return not re.search('[aiueo]', s) or re.search('[^aiueo]{3}', s)
bad = [w for w in words if unreadable(phonemes[w])]
print(f"{len(bad)} of {len(words)} Arabic words ({100 * len(bad) / len(words):.1f} %) read with no vowel or three consonants in a row")
for w in sorted(set(bad))[:int(sys.argv[2])]:
    print('   ', w, phonemes[w])
PY
done
