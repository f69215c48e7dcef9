#!/bin/sh
# Refreshes the two pinned third-party scripts from npm (exact versions; change them here only):
#   Temml, TeX to MathML in the reader's browser, shipped with the site (assets/js/vendor/);
#   axe-core, the accessibility engine the browser tests run (src/test/resources/axe/), never shipped.
set -eu
TEMML=0.13.5
AXE=4.14.1
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm i -E --no-audit --no-fund "temml@$TEMML" "axe-core@$AXE" >/dev/null
{ echo "/*! Temml $TEMML (https://temml.org), MIT license: temml.LICENSE.txt beside this file. Copied unchanged from the npm package temml@$TEMML, dist/temml.min.js, by scripts/vendor-assets.sh. */"
  cat node_modules/temml/dist/temml.min.js; } > "$repo/assets/js/vendor/temml.min.js"
cp node_modules/temml/LICENSE "$repo/assets/js/vendor/temml.LICENSE.txt"
cp node_modules/axe-core/axe.min.js "$repo/src/test/resources/axe/axe.min.js"
cp node_modules/axe-core/LICENSE "$repo/src/test/resources/axe/LICENSE.txt"
echo "temml $TEMML, axe-core $AXE"
