#!/usr/bin/env bash
# Where a build's CPU goes: runs one build under Java Flight Recorder (method sampling every
# 10-20 ms on every thread) and prints, per stage, its share of all samples and its top frames.
# A sample belongs to the stage of the innermost Paperbake frame on its stack (parse, model,
# index: Lucene indexing, topics, related; render; write; search: the export), or to "jvm/other"
# (class loading, JIT, GC threads are not sampled by JFR's method sampler, so shares are of
# Java execution). A sample under Topics is topics', though its phrase checks run the index's
# analyzer. Top frames are the innermost frames (self time), library code included.
# Usage: scripts/profile-build.sh [CONTENT_DIR] [JAR] [TOP]
# Defaults: ../shared/corpus/cn-chat-arxiv/cs.CL, target/paperbake.jar, 8 frames a stage.
# Needs the JDK's `jfr` tool and python3. Shares are stable under load; seconds are not.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-../shared/corpus/cn-chat-arxiv/cs.CL}
jar=${2:-target/paperbake.jar}
top=${3:-8}
[ -f "$jar" ] || mvn -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -XX:StartFlightRecording=filename="$work/build.jfr",settings=profile \
  -jar "$jar" build --quiet --content "$content" --output "$work/site" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
grep -E '^  stages:' "$work/log" || true
jfr print --stack-depth 200 --events jdk.ExecutionSample "$work/build.jfr" >"$work/samples.txt"
python3 - "$work/samples.txt" "$top" <<'PY'
import collections, re, sys
STAGES = [  # first match of the innermost Paperbake frame wins
    ("parse", ("paperbake.parse.",)),
    ("model", ("paperbake.model.",)),
    ("topics", ("paperbake.index.Topic",)),
    ("related", ("paperbake.index.Related",)),
    ("index", ("paperbake.index.LuceneIndex", "paperbake.index.SliceInverter", "paperbake.index.PaperAnalyzer", "paperbake.index.PaperTokenizer")),
    ("search", ("paperbake.index.",)),
    ("write", ("paperbake.write.",)),
    ("render", ("paperbake.render.",)),
]
def stage(frames):
    # topics' phrase checks run the index's analyzer: theirs, not the index stage's
    if any(f.startswith(("paperbake.index.Topics", "paperbake.index.PhraseMatches")) for f in frames):
        return "topics"
    for f in frames:
        if f.startswith("paperbake."):
            for name, prefixes in STAGES:
                if f.startswith(prefixes):
                    return name
            return "other paperbake"
    return "jvm/other"
events = open(sys.argv[1], encoding="utf-8").read().split("jdk.ExecutionSample")[1:]
top = int(sys.argv[2])
by_stage = collections.Counter()
frames_by_stage = collections.defaultdict(collections.Counter)
for ev in events:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", ev, re.S)
    if not m:
        continue
    frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in m.group(1).strip().split("\n") if l.strip() and l.strip() != "..."]
    if not frames:
        continue
    s = stage(frames)
    by_stage[s] += 1
    frames_by_stage[s][frames[0]] += 1
total = sum(by_stage.values())
print(f"{total} samples")
for s, n in by_stage.most_common():
    print(f"\n{s}: {100 * n / total:.1f}% of samples")
    for f, c in frames_by_stage[s].most_common(top):
        print(f"  {100 * c / total:5.1f}%  {f[:140]}")
PY
