#!/usr/bin/env bash
# Build benchmark: bakes a content folder N times with the packaged jar and reports the median
# wall time, peak RSS and per-stage times. Usage:
#   scripts/bench-build.sh [CONTENT_DIR] [RUNS]
# Default: ../shared/corpus/cn-chat-arxiv/cs.CL, 3 runs. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-../shared/corpus/cn-chat-arxiv/cs.CL}
runs=${2:-3}
out=$(mktemp -d)/site
[ -f target/paperbake.jar ] || mvn -q package -DskipTests

for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  /usr/bin/time -f 'TIME %e %M' java -jar target/paperbake.jar build --content "$content" --output "$out" >"$log" 2>&1
  wall=$(awk '/^TIME/ {print $2}' "$log")
  rss=$(awk '/^TIME/ {print $3}' "$log")
  stages=$(sed -n 's/^  stages: //p' "$log")
  summary=$(grep -E '^(Built|FAILED)' "$log")
  pages=$(sed -n 's/^  pages //p' "$log")
  echo "run $i: wall ${wall}s, peak RSS $((rss / 1024)) MB; $stages"
  echo "$wall $rss" >>"$out.runs"
  rm -f "$log"
done
echo "summary: $summary"
echo "pages: $pages"
echo "site on disk: $(du -sb "$out" | cut -f1) bytes ($(du -sh "$out" | cut -f1)); $(find "$out" -type f | wc -l) files"
sort -n "$out.runs" | awk '{w[NR]=$1} END {print "median wall: " w[int((NR+1)/2)] " s"}'
sort -k2 -n "$out.runs" | awk '{r[NR]=$2} END {print "median peak RSS: " int(r[int((NR+1)/2)]/1024) " MB"}'
rm -rf "$(dirname "$out")"
