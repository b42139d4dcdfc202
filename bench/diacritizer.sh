#!/usr/bin/env bash
# Issue 17's diacritizer: (re)build the shipped model from ../shared/data/tashkeel/train.txt, then score it.
#   bench/diacritizer.sh train   learn voices/diacritizer/ar.model from train.txt (about 25 s,
#                                deterministic: the same text gives the same bytes), then score it
#   bench/diacritizer.sh         score the shipped model only
# Scores are DER and WER with and without case endings on test.txt (never trained on) and on the news set, beside
# the published systems' figures on test.txt, and the speed on one core (words a second, single thread).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${RAWI_TASHKEEL:-$root/../shared/data/tashkeel}
model=$root/voices/diacritizer/ar.model
cd "$root"
"$root/mvnw" -B -q -Dstyle.color=never -DskipTests compile
if [[ ${1:-} == train ]]; then
  java -Xmx4g -cp target/classes io.rawi.diacritize.Trainer "$data/train.txt" "$model"
fi
echo "model: $model ($(stat -c %s "$model") bytes)"
java -Xmx64m -XX:+UseSerialGC -cp target/classes io.rawi.diacritize.Evaluation "$data/test.txt" "$model" | head -1
java -Xmx64m -XX:+UseSerialGC -cp target/classes io.rawi.diacritize.Evaluation "$data/news-dev.multiref.txt" "$model"
cat <<'TABLE'
published systems on test.txt (Fadel et al. 2019), DER / WER with case endings, and without:
  Mishkal    16.09 % / 39.78 %    13.78 % / 26.42 %
  Harakat    18.37 %
  Farasa     21.43 %
  Shakkala    3.73 % / 11.19 %     2.88 % /  6.53 %
TABLE
