#!/usr/bin/env bash
# Rebuilds in place by two builds of Paperbake, interleaved (issue #14): what a change did to the
# rebuild after one new day. Each jar first builds the content without its newest digest in each
# of two folders (a cache is only used by the code that made it, and the render cache by the
# output it was made for), kept as copies; then, per round, each jar's site and cache are restored
# from its copy, the digest is back, and the README's build command runs over it. Which jar runs
# first and which folder it runs in change from round to round (four patterns): with the same jar
# on both sides, the second run of each round, always in the same folder, took 1.4 s longer (10.1 against
# 8.7 s, 2026-12-03), more than most changes measured here. Prints each run (wall, user+sys, peak
# RSS, stages) and the medians of each jar.
# Usage: scripts/bench-rebuild-ab.sh JAR_BEFORE JAR_AFTER [ROUNDS] [CONTENT_DIR]
# Defaults: 8 rounds (each pattern twice), ../shared/corpus/cn-chat-arxiv/cs.CL. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
rounds=${3:-8}
content=$(realpath "${4:-../shared/corpus/cn-chat-arxiv/cs.CL}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/bench-common.sh
. scripts/bench-common.sh # median

newest=$(cd "$content" && find . -name '*.md' -printf '%f %p\n' | sort | tail -1 | cut -d' ' -f2)
echo "content: $content; the new day: $newest"
jar_of() { if [ "$1" = before ]; then echo "$before"; else echo "$after"; fi; }
for slot in s1 s2; do
  mkdir -p "$work/$slot"; cp -r "$content" "$work/$slot/content"
done
prepare() { # NAME SLOT
  local d="$work/$2"
  mv "$d/content/$newest" "$d/held.md"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar "$(jar_of "$1")" build --quiet --content "$d/content" --output "$d/site" >/dev/null 2>&1
  mv "$d/held.md" "$d/content/$newest"
  (cd "$d" && tar cf "$work/$1-$2.tar" site .paperbake-cache && rm -rf site .paperbake-cache)
}
rebuild() { # NAME SLOT
  local d="$work/$2"
  (cd "$d" && rm -rf site .paperbake-cache && tar xf "$work/$1-$2.tar")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$d/time" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar "$(jar_of "$1")" build \
    --content "$d/content" --output "$d/site" >"$d/out" 2>&1
  read -r wall user sys rss <"$d/time"
  echo "$1 $wall $(echo "$user + $sys" | bc) $((rss / 1024))" >>"$work/results"
  echo "$1 in $2 (load $load): wall $wall s, user+sys $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MB |$(grep -o 'stages:.*' "$d/out")"
}
for k in before after; do
  for slot in s1 s2; do prepare "$k" "$slot"; done
done
: >"$work/results"
for r in $(seq 0 $((rounds - 1))); do
  case $((r % 4)) in
    0) rebuild before s1; rebuild after s2 ;;
    1) rebuild after s1; rebuild before s2 ;;
    2) rebuild after s2; rebuild before s1 ;;
    3) rebuild before s2; rebuild after s1 ;;
  esac
done
for k in before after; do
  echo "$k: median wall $(awk -v k=$k '$1==k {print $2}' "$work/results" | median) s, user+sys $(awk -v k=$k '$1==k {print $3}' "$work/results" | median) s, peak RSS $(awk -v k=$k '$1==k {print $4}' "$work/results" | median) MB"
done
