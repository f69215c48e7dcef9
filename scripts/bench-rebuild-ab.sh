#!/usr/bin/env bash
# Rebuilds in place by two builds of Paperbake, interleaved (issue #14): what a change did to the
# rebuild after one new day. Each jar first builds the content without its newest digest into a
# folder of its own (a cache is only used by the code that made it), which is kept as a copy;
# then, per round, each jar's site and cache are restored from its copy, the digest is back, and
# the README's build command runs over it: before, after, before, after... Prints each run
# (wall, user, sys, peak RSS, stages) and the medians of each jar.
# Usage: scripts/bench-rebuild-ab.sh JAR_BEFORE JAR_AFTER [ROUNDS] [CONTENT_DIR]
# Defaults: 5 rounds, ../shared/corpus/cn-chat-arxiv/cs.CL. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
rounds=${3:-5}
content=$(realpath "${4:-../shared/corpus/cn-chat-arxiv/cs.CL}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/bench-common.sh
. scripts/bench-common.sh # median

newest=$(cd "$content" && find . -name '*.md' -printf '%f %p\n' | sort | tail -1 | cut -d' ' -f2)
echo "content: $content; the new day: $newest"
prepare() { # NAME JAR
  local d="$work/$1"
  mkdir -p "$d"; cp -r "$content" "$d/content"
  mv "$d/content/$newest" "$d/held.md"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$2" build --quiet --content "$d/content" --output "$d/site" >/dev/null 2>&1
  mv "$d/held.md" "$d/content/$newest"
  (cd "$d" && tar cf base.tar site .paperbake-cache)
}
rebuild() { # NAME JAR
  local d="$work/$1"
  (cd "$d" && rm -rf site .paperbake-cache && tar xf base.tar)
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$d/time" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$2" build \
    --content "$d/content" --output "$d/site" >"$d/out" 2>&1
  read -r wall user sys rss <"$d/time"
  echo "$1 $wall $(echo "$user + $sys" | bc) $((rss / 1024))" >>"$work/results"
  echo "$1 (load $load): wall $wall s, user+sys $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MB |$(grep -o 'stages:.*' "$d/out")"
}
prepare before "$before"
prepare after "$after"
: >"$work/results"
for r in $(seq 1 "$rounds"); do
  rebuild before "$before"
  rebuild after "$after"
done
for k in before after; do
  echo "$k: median wall $(awk -v k=$k '$1==k {print $2}' "$work/results" | median) s, user+sys $(awk -v k=$k '$1==k {print $3}' "$work/results" | median) s, peak RSS $(awk -v k=$k '$1==k {print $4}' "$work/results" | median) MB"
done
