#!/bin/sh
# Lighthouse 12 on the embedded example (content/): home, a paper page with TeX, a digest, a
# channel, a month of the archive, a search with results and the 404 page (audited at 404.html:
# Lighthouse refuses to audit a response with status 404), each page once, scores
# printed as a Markdown table for docs/BENCHMARKS.md. Not part of `mvn test`: each audit takes
# 20-60 s on this 2-core machine, and the performance score moves with the machine's load.
#   scripts/lighthouse.sh [PORT]        (needs node, npm and Debian's chromium)
set -eu
PORT=${1:-8123}
LH_VERSION=12.2.3
LH_DIR=${LH_DIR:-/tmp/paperbake-lighthouse}
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[ -x "$LH_DIR/node_modules/.bin/lighthouse" ] || { mkdir -p "$LH_DIR" && (cd "$LH_DIR" && npm i -E --no-audit --no-fund "lighthouse@$LH_VERSION" >/dev/null); }
[ -f target/paperbake.jar ] || mvn -q package -DskipTests
work=$(mktemp -d)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -jar target/paperbake.jar build --content content --output "$work/site" \
  --base-url "http://127.0.0.1:$PORT/" >/dev/null
java -jar target/paperbake.jar serve --output "$work/site" --port "$PORT" >/dev/null 2>&1 &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
sleep 3
paper=papers/2608.20317/            # its abstract has TeX
digest=$(cd "$work/site" && ls -d digests/*/* | sort | tail -1)/
channel=$(cd "$work/site" && ls -d channels/*/ | head -1)
month=$(cd "$work/site" && ls -d archive/????-??/ | sort | tail -1)
echo "| page | performance | accessibility | best practices | SEO |"
echo "| --- | --- | --- | --- | --- |"
for page in "" "$paper" "$digest" "$channel" "$month" "search/?q=LLM" "404.html"; do
  CHROME_PATH=/usr/bin/chromium "$LH_DIR/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$work/lh.json" \
    || { echo "| /$page | lighthouse failed | | | |"; continue; }
  node -e 'const r = require(process.argv[1]); const c = r.categories;
    const s = (k) => Math.round(c[k].score * 100);
    console.log(`| /${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);' \
    "$work/lh.json" "$page"
done
