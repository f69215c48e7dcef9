#!/usr/bin/env bash
# Build benchmark: bakes a content folder RUNS times with each given variant (java arguments up to
# and including the jar; variants are interleaved, so those compared share the machine's moods),
# each build into an empty output folder with no build cache beside it (a full build), and reports per variant the median wall time, peak RSS,
# user+sys CPU seconds and time per stage (each run's line also has the load average). Before each
# build it times two fixed probes of the machine (a CPU loop, and creating 5,000 folders with a 5 KB file each, as pages are written),
# so figures from a noisy shared machine can be read against how fast it was at that moment.
# Nothing is deleted until all runs are done: on ext4 without a journal (this workplace's disk)
# the kernel skips inodes freed in the last 60-300 s when it creates a file, so creating files
# right after deleting a big tree (the previous run's site, a test suite's sites) slows it several
# times over. Start it 5 minutes after such deletions, or set SETTLE=seconds to wait first.
# CONTENT_DIR may be several folders joined by ':' (e.g. one with a topics.yml and one without):
# every variant then runs over each, interleaved, and is reported per folder.
# Usage:
#   scripts/bench-build.sh [CONTENT_DIR[:CONTENT_DIR...]] [RUNS] [VARIANT...]
# Defaults: ../shared/corpus/cn-chat-arxiv/cs.CL, 3 runs, and the README's command:
#   "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar target/paperbake.jar"
# Example, C2 against C1 only: scripts/bench-build.sh "" 3 "-XX:+UseSerialGC -Xms1g -jar target/paperbake.jar" \
#   "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar target/paperbake.jar"
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-}
content=${content:-../shared/corpus/cn-chat-arxiv/cs.CL}
runs=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
jvms=("$@")
[ ${#jvms[@]} -gt 0 ] || jvms=("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar target/paperbake.jar")
IFS=: read -r -a contents <<<"$content"
variants=(); variant_content=()
for c in "${contents[@]}"; do
  for v in "${jvms[@]}"; do variants+=("$v"); variant_content+=("$c"); done
done
[ -f target/paperbake.jar ] || mvn -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=scripts/bench-common.sh
. scripts/bench-common.sh # probe, median

sleep "${SETTLE:-0}" # let inodes freed by earlier deletions age (see above)
for i in $(seq 1 "$runs"); do
  for j in "${!variants[@]}"; do
    variant=${variants[$j]}; out="$work/v$j"; mkdir -p "$out"
    read -r cpu files < <(probe "$work/probe-$i-$j")
    # A folder of its own per build: the build cache sits beside the output, so every build starts cold.
    site="$work/run-$i-$j/site"
    # shellcheck disable=SC2086 # a variant is a list of java arguments
    /usr/bin/time -f 'TIME %e %M %U %S' java $variant build --content "${variant_content[$j]}" --output "$site" >"$out/log" 2>&1
    wall=$(awk '/^TIME/ {print $2}' "$out/log")
    rss=$(awk '/^TIME/ {print $3}' "$out/log")
    cpu_used=$(awk '/^TIME/ {print $4 + $5}' "$out/log") # user + sys: what a shared machine does not inflate as much
    stages=$(sed -n 's/^  stages: //p' "$out/log")
    echo "run $i, $variant, ${variant_content[$j]}: wall ${wall} s, user+sys ${cpu_used} s, peak RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg); $stages; probes: cpu ${cpu} s, files ${files} s"
    echo "$wall" >>"$out/wall"; echo "$cpu_used" >>"$out/used"; echo "$rss" >>"$out/rss"; echo "$cpu" >>"$out/cpu"; echo "$files" >>"$out/files"
    echo "$stages" | tr '·' '\n' | awk -v d="$out" 'NF==3 {print $2 >> (d "/stage-" $1)}'
    if [ "$i" -eq "$runs" ]; then
      cp "$out/log" "$out/last.log"
      echo "site: $(find "$site" -type f -printf '%s\n' | awk '{s+=$1} END {print s}') bytes in $(find "$site" -type f | wc -l) files, $(du -sh "$site" | cut -f1) on disk" >>"$out/last.log"
    fi
  done
done

for j in "${!variants[@]}"; do
  out="$work/v$j"
  echo
  echo "== ${variants[$j]}, ${variant_content[$j]}"
  grep -E '^(Built|FAILED)|^  (pages |search index:|output |entries )|^site: ' "$out/last.log"
  echo "median of $runs: wall $(median <"$out/wall") s, user+sys $(median <"$out/used") s, peak RSS $(( $(median <"$out/rss") / 1024 )) MB"
  printf 'median per stage:'
  for f in "$out"/stage-*; do printf ' %s %s s' "${f##*/stage-}" "$(median <"$f")"; done; echo
  echo "machine probes (median): cpu loop $(median <"$out/cpu") s, 5,000 folders+files $(median <"$out/files") s"
done
