#!/usr/bin/env bash
# Build benchmark: bakes a content folder RUNS times with the packaged jar, each run into an empty
# output folder, and reports the median wall time, peak RSS and time per stage. Before each build
# it times two fixed probes of this machine (a CPU loop, and creating 5,000 folders with a 5 KB
# file each, as a site's pages are written), so figures from a noisy shared machine can be read
# against how fast it was at that moment. Usage:
#   scripts/bench-build.sh [CONTENT_DIR] [RUNS]
# Default: ../shared/corpus/cn-chat-arxiv/cs.CL, 3 runs. Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-../shared/corpus/cn-chat-arxiv/cs.CL}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f target/paperbake.jar ] || mvn -q package -DskipTests

probe() {
  python3 - "$work/probe" <<'PY'
import os, sys, time, shutil
t = time.perf_counter(); x = 0
for i in range(10_000_000): x += i
cpu = time.perf_counter() - t
root = sys.argv[1]; os.makedirs(root)
t = time.perf_counter()
for i in range(5000):
    os.mkdir(f"{root}/{i}")
    with open(f"{root}/{i}/index.html", "wb") as f: f.write(b"x" * 5000)
files = time.perf_counter() - t
shutil.rmtree(root)
print(f"{cpu:.2f} {files:.2f}")
PY
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

for i in $(seq 1 "$runs"); do
  read -r cpu files < <(probe)
  log="$work/run$i.log"
  rm -rf "$work/site"
  /usr/bin/time -f 'TIME %e %M' java -jar target/paperbake.jar build --content "$content" --output "$work/site" >"$log" 2>&1
  wall=$(awk '/^TIME/ {print $2}' "$log")
  rss=$(awk '/^TIME/ {print $3}' "$log")
  echo "run $i: wall ${wall} s, peak RSS $((rss / 1024)) MB; $(sed -n 's/^  stages: //p' "$log"); probes: cpu ${cpu} s, files ${files} s"
  echo "$wall" >>"$work/wall"; echo "$rss" >>"$work/rss"; echo "$cpu" >>"$work/cpu"; echo "$files" >>"$work/files"
  sed -n 's/^  stages: //p' "$log" | tr '·' '\n' | awk -v w="$work" 'NF==3 {print $2 >> (w "/stage-" $1)}'
done
echo "summary: $(grep -E '^(Built|FAILED)' "$log")"
echo "pages: $(sed -n 's/^  pages //p' "$log")"
echo "search index: $(sed -n 's/^  search index: //p' "$log")"
echo "site on disk: $(du -sb "$work/site" | cut -f1) bytes in $(find "$work/site" -type f | wc -l) files; $(sed -n 's/^  output //p' "$log")"
echo "median of $runs: wall $(median <"$work/wall") s, peak RSS $(( $(median <"$work/rss") / 1024 )) MB"
for f in "$work"/stage-*; do printf '  %s %s s' "${f##*/stage-}" "$(median <"$f")"; done; echo
echo "machine probes (median): cpu loop $(median <"$work/cpu") s, 5,000 folders+files $(median <"$work/files") s"
