# Shared by the benchmarks: paths, the article, the number of runs, a built rawi, and medians.
# Sourced with the benchmark's own arguments: [ARTICLE] [RUNS].
here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
root="$here/.."
article="${1:-$root/../shared/samples/article-ar.txt}"
runs="${2:-5}"
"$root/rawi" --version >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# rawi as a user runs it: through the launcher, with its JVM options and class-data archive.
rawi() { "$root/rawi" "$@" >/dev/null 2>&1; }
# median of whole numbers given as arguments (or one space-separated string)
median() { printf "%s\n" $* | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
