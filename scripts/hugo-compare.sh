#!/usr/bin/env bash
# Side by side with what a user would pick instead (issue #14): builds the same archive with
# Hugo from generated content files and a minimal template (src/test/resources/bench/hugo/),
# indexes it with Pagefind 1.6 (`pagefind --site`), and builds it with Paperbake (the README's
# command), RUNS times each, interleaved, each build into a new empty folder. Reports per run and
# as medians: wall time and peak RSS (GNU time) of Hugo, Pagefind, Hugo+Pagefind (the user's
# build: the sum of walls, the larger peak) and Paperbake, the output's apparent size and files,
# and the ratio. Before each build it times bench-build.sh's two machine probes (a CPU loop, 5,000
# folders with a 5 KB file each), so figures from a shared machine can be read against its speed.
# Set-up is not timed: the Hugo content comes from Paperbake's own parse and model stages
# (paperbake.bench.HugoSite), so both sites publish the same papers with the same merged fields.
# Nothing is deleted until all runs are done (see bench-build.sh: on this disk, creating files
# right after deleting a big tree is slow; SETTLE=seconds waits first); KEEP=1 keeps the work
# folder and says where it is. At the end, the last run's two sites are compared: every paper
# page's titles, TL;DRs, abstracts and appearance links, and every digest page's paper links.
# Usage:
#   scripts/hugo-compare.sh [CONTENT_DIR] [RUNS] [PAGEFIND_DIR]
# Defaults: ../shared/corpus/cn-chat-arxiv/cs.CL, 3 runs, /tmp/pf.
# Needs hugo (Debian's package: `apt-get install -y hugo`, as root), npm (if PAGEFIND_DIR has no
# Pagefind, this runs `npm install pagefind@1.6` there and says so), GNU time (/usr/bin/time),
# python3, and Maven for the jar and the test classes (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-}
content=${content:-../shared/corpus/cn-chat-arxiv/cs.CL}
runs=${2:-3}
pf=${3:-/tmp/pf}

die() { echo "hugo-compare: $*" >&2; exit 1; }
command -v hugo >/dev/null || die "hugo not found: install Debian's package (as root: apt-get install -y hugo)"
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) not found: apt-get install -y time"
[ -d "$content" ] || die "no content folder $content"
pagefind="$pf/node_modules/.bin/pagefind"
if [ ! -x "$pagefind" ]; then
  command -v npm >/dev/null || die "npm not found (needed to install Pagefind 1.6 into $pf): apt-get install -y npm"
  echo "Installing Pagefind 1.6 into $pf (npm install pagefind@1.6)"
  mkdir -p "$pf"
  (cd "$pf" && npm install --no-audit --no-fund pagefind@1.6 >/dev/null)
fi
[ -f target/paperbake.jar ] || mvn -q package -DskipTests
[ -f target/test-classes/paperbake/bench/HugoSite.class ] || mvn -q test-compile

work=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then
  trap 'echo "kept: $work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

# shellcheck source=scripts/bench-common.sh
. scripts/bench-common.sh # probe, median
bytes() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
files() { find "$1" -type f | wc -l; }
# "wall rss" of a GNU time line in a log
timed() { awk '/^TIME/ {print $2, $3}' "$1"; }

# Set-up, not timed: the Hugo site source.
src="$work/hugo-src"
mkdir -p "$src/static/css"
cp -r src/test/resources/bench/hugo/. "$src/"
cp assets/css/site.css "$src/static/css/"
cp assets/favicon.svg "$src/static/"
java -cp target/paperbake.jar:target/test-classes paperbake.bench.HugoSite "$content" "$src"

echo "$(hugo version | cut -d' ' -f1-2); Pagefind $("$pagefind" --version 2>/dev/null | awk '{print $NF}'); $(java -version 2>&1 | head -1)"
echo "content: $content; load average before: $(uptime | sed 's/.*load average: //')"
r="$work/results"; mkdir -p "$r"
sleep "${SETTLE:-0}" # let inodes freed by earlier deletions age (see bench-build.sh)
for i in $(seq 1 "$runs"); do
  read -r cpu fl < <(probe "$work/probe-$i-hugo")
  out="$work/hugo-$i"
  /usr/bin/time -f 'TIME %e %M' hugo --source "$src" --destination "$out" >"$r/hugo-$i.log" 2>&1 \
    || die "hugo failed, see $r/hugo-$i.log (KEEP=1 keeps it)"
  read -r hw hr < <(timed "$r/hugo-$i.log")
  hb=$(bytes "$out"); hf=$(files "$out")
  /usr/bin/time -f 'TIME %e %M' "$pagefind" --site "$out" >"$r/pagefind-$i.log" 2>&1 \
    || die "pagefind failed, see $r/pagefind-$i.log (KEEP=1 keeps it)"
  read -r pw pr < <(timed "$r/pagefind-$i.log")
  pb=$(bytes "$out/pagefind"); pfiles=$(files "$out/pagefind")
  sw=$(awk -v a="$hw" -v b="$pw" 'BEGIN {printf "%.2f", a + b}')
  sr=$(( hr > pr ? hr : pr ))
  echo "run $i, Hugo: wall $hw s, peak RSS $((hr / 1024)) MB, $hb bytes in $hf files;" \
    "Pagefind: wall $pw s, peak RSS $((pr / 1024)) MB, $pb bytes in $pfiles files; probes: cpu $cpu s, files $fl s; load $(cut -d' ' -f1 /proc/loadavg)"
  printf '%s\n' "$hw" >>"$r/hugo.wall"; printf '%s\n' "$hr" >>"$r/hugo.rss"
  printf '%s\n' "$pw" >>"$r/pagefind.wall"; printf '%s\n' "$pr" >>"$r/pagefind.rss"
  printf '%s\n' "$sw" >>"$r/both.wall"; printf '%s\n' "$sr" >>"$r/both.rss"
  printf '%s\n' "$hb" >>"$r/hugo.bytes"; printf '%s\n' "$hf" >>"$r/hugo.files"
  printf '%s\n' "$pb" >>"$r/pagefind.bytes"; printf '%s\n' "$pfiles" >>"$r/pagefind.files"
  printf '%s\n' "$((hb + pb))" >>"$r/both.bytes"; printf '%s\n' "$((hf + pfiles))" >>"$r/both.files"

  read -r cpu fl < <(probe "$work/probe-$i-paperbake")
  out="$work/paperbake-$i"
  /usr/bin/time -f 'TIME %e %M' java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar target/paperbake.jar build \
    --content "$content" --output "$out" >"$r/paperbake-$i.log" 2>&1 \
    || die "paperbake failed, see $r/paperbake-$i.log (KEEP=1 keeps it)"
  read -r bw br < <(timed "$r/paperbake-$i.log")
  bb=$(bytes "$out"); bf=$(files "$out"); sb=$(bytes "$out/search"); sf=$(files "$out/search")
  echo "run $i, Paperbake: wall $bw s, peak RSS $((br / 1024)) MB, $bb bytes in $bf files" \
    "(search/: $sb bytes in $sf files); probes: cpu $cpu s, files $fl s; load $(cut -d' ' -f1 /proc/loadavg)"
  printf '%s\n' "$bw" >>"$r/paperbake.wall"; printf '%s\n' "$br" >>"$r/paperbake.rss"
  printf '%s\n' "$bb" >>"$r/paperbake.bytes"; printf '%s\n' "$bf" >>"$r/paperbake.files"
done

echo
echo "load average after: $(uptime | sed 's/.*load average: //')"
echo "median of $runs | wall | peak RSS | output (apparent) | files"
for t in hugo pagefind both paperbake; do
  name=$(case $t in hugo) echo "Hugo";; pagefind) echo "Pagefind (its pagefind/ folder)";;
    both) echo "Hugo + Pagefind";; paperbake) echo "Paperbake";; esac)
  echo "$name | $(median <"$r/$t.wall") s | $(( $(median <"$r/$t.rss") / 1024 )) MB |" \
    "$(awk -v b="$(median <"$r/$t.bytes")" 'BEGIN {printf "%.1f MB", b / 1e6}') | $(median <"$r/$t.files")"
done
awk -v hw="$(median <"$r/both.wall")" -v bw="$(median <"$r/paperbake.wall")" \
    -v hr="$(median <"$r/both.rss")" -v br="$(median <"$r/paperbake.rss")" \
    -v hb="$(median <"$r/both.bytes")" -v bb="$(median <"$r/paperbake.bytes")" \
    'BEGIN {printf "Hugo + Pagefind / Paperbake: wall %.2fx, peak RSS %.2fx, output %.2fx\n", hw / bw, hr / br, hb / bb}'
grep -E '^(Built|FAILED)|^  (pages |search index:|entries )' "$r/paperbake-$runs.log" || true
grep -E 'Total in|Pages +\|' "$r/hugo-$runs.log" || true
grep -iE 'indexed|language' "$r/pagefind-$runs.log" | head -8 || true

# Not timed: do the two sites publish the same text? (A check of the comparison itself.)
python3 - "$work/hugo-$runs" "$work/paperbake-$runs" <<'PY'
import html, os, re, sys
hugo, ours = sys.argv[1], sys.argv[2]
def text(s): return html.unescape(re.sub(r'<[^>]+>', '', s)).strip()
def article(path):
    s = open(path, encoding='utf-8').read()
    s = s[s.index('<article'):s.index('</article>')]
    return re.sub(r'<ui-en>.*?</ui-en>', '', s, flags=re.S)  # ours carries both UI languages
def paper(path):
    s = article(path)
    ten = re.search(r'<p class="title-en" lang="en">(.*?)</p>', s, re.S)
    tldr = re.search(r'<section class="tldr">(.*?)</section>', s, re.S)
    return (text(re.search(r'<h1[^>]*>(.*?)</h1>', s, re.S).group(1)), text(ten.group(1)) if ten else '',
            [(l, text(t)) for l, t in re.findall(r'<p lang="(zh-Hans|en)">(.*?)</p>', tldr.group(1) if tldr else '', re.S)],
            [text(a) for a in re.findall(r'<section class="abstract"[^>]*>\s*<h2[^>]*>.*?</h2>\s*<p[^>]*>(.*?)</p>', s, re.S)],
            re.findall(r'href="([^"]+)"', re.search(r'<section class="appearances".*?</section>', s, re.S).group(0)))
def digest(path):
    return re.findall(r'href="([^"]*papers/[^"]+)"', article(path))
def pages(site, kind):
    return sorted(os.path.relpath(os.path.join(d, 'index.html'), site)
                  for d, _, files in os.walk(os.path.join(site, kind)) if 'index.html' in files)
for kind, fields in (('papers', paper), ('digests', digest)):
    h, o = pages(hugo, kind), pages(ours, kind)
    differ = [p for p in sorted(set(h) & set(o)) if fields(os.path.join(hugo, p)) != fields(os.path.join(ours, p))]
    print(f"{kind}: {len(h)} Hugo pages, {len(o)} ours, {len(set(h) ^ set(o))} in one site only, "
          f"{len(differ)} with different text{': ' + differ[0] if differ else ''}")
PY
