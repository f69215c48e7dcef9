#!/usr/bin/env bash
# Incremental build benchmark (issue #14): the README's build command run again over a site it
# built, after one new daily digest was added, against a full build of the same content, in the
# same run. Per round: copy the content without its newest digest, build it (clean), add the
# digest back, then time (a) the rebuild in place with its cache and (b) a --clean build into a
# new folder, in alternating order, a machine probe before each. Prints each round and the medians.
# Usage: scripts/bench-incremental.sh [CONTENT_DIR] [ROUNDS]
# Defaults: ../shared/corpus/cn-chat-arxiv/cs.CL, 3 rounds. Needs GNU time and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-../shared/corpus/cn-chat-arxiv/cs.CL}
rounds=${2:-3}
java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar target/paperbake.jar)
[ -f target/paperbake.jar ] || mvn -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/bench-common.sh
. scripts/bench-common.sh # probe, median

newest=$(cd "$content" && find . -name '*.md' -printf '%f %p\n' | sort | tail -1 | cut -d' ' -f2)
echo "content: $content; the new day: $newest"
timed() { # LABEL ARGS...: runs a build, prints "LABEL WALL_S RSS_MB WRITTEN"
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "${java[@]}" build --quiet "$@" >"$work/out" 2>"$work/err"
  local written
  written=$(grep -o 'wrote [0-9,]* \(of [0-9,]* \)\?files' "$work/out" | head -1)
  read -r wall rss <"$work/time"
  echo "$label $wall $((rss / 1024)) $written"
}
: >"$work/results"
for r in $(seq 1 "$rounds"); do
  c="$work/content-$r"; cp -r "$content" "$c"
  mv "$c/$newest" "$work/held-$r.md"
  "${java[@]}" build --quiet --content "$c" --output "$work/site-$r" >/dev/null 2>&1
  mv "$work/held-$r.md" "$c/$newest"
  p=$(probe "$work/probe-$r-a")
  if (( r % 2 )); then
    inc=$(timed incremental --content "$c" --output "$work/site-$r"); p2=$(probe "$work/probe-$r-b")
    full=$(timed full --content "$c" --output "$work/full-$r" --clean)
  else
    full=$(timed full --content "$c" --output "$work/full-$r" --clean); p2=$(probe "$work/probe-$r-b")
    inc=$(timed incremental --content "$c" --output "$work/site-$r")
  fi
  diff -rq "$work/site-$r" "$work/full-$r" >/dev/null || { echo "round $r: the sites differ" >&2; exit 1; }
  echo "round $r (probes $p / $p2, load $(cut -d' ' -f1-3 /proc/loadavg)): $inc | $full"
  echo "$inc" | awk '{print "inc", $2, $3}' >>"$work/results"
  echo "$full" | awk '{print "full", $2, $3}' >>"$work/results"
done
for k in inc full; do
  echo "$k: median wall $(awk -v k=$k '$1==k {print $2}' "$work/results" | median) s, peak RSS $(awk -v k=$k '$1==k {print $3}' "$work/results" | median) MB"
done
