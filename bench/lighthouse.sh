#!/usr/bin/env bash
# Lighthouse (mobile, its default) on the reader's pages of the embedded default: the campaign page in English and
# German, the thank-you page, the widget's iframe and the donor portal's request page. Needs Node 20 and npm (it
# installs lighthouse 12.2.3 under target/) and Debian's chromium. Figures in docs/PERFORMANCE.md.
#   bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/lighthouse
PORT=${LIGHTHOUSE_PORT:-8099}
mkdir -p "$OUT"
if [ ! -x "$OUT/node_modules/.bin/lighthouse" ]; then
  (cd "$OUT" && npm i -E --no-audit --no-fund lighthouse@12.2.3 >/dev/null)
fi
./mvnw -q -B -DskipTests package
JAR=$(ls "$ROOT"/target/goalpost-*.jar | head -1)
PORT=$PORT java -jar "$JAR" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 0.2; done
GIFT=$(curl -s -XPOST -H 'Content-Type: application/json' -d '{"amountMinor":2500,"interval":"once"}' \
  "http://127.0.0.1:$PORT/api/campaigns/support/checkout" | python3 -c 'import json,sys;print(json.load(sys.stdin)["donationId"])')
echo "| page | performance | accessibility | best practices | SEO | transferred |"
echo "|---|---:|---:|---:|---:|---:|"
for page in "campaigns/support" "campaigns/support?lang=de" "campaigns/support/thanks?donation=$GIFT" "widget/support" "donors/manage"; do
  name=$(echo "$page" | tr '/?=' '___')
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$OUT/node_modules/.bin/lighthouse" "http://localhost:$PORT/$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$OUT/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1
  python3 - "$OUT/$name.json" "$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = [round(report["categories"][c]["score"] * 100) for c in ("performance", "accessibility", "best-practices", "seo")]
weight = report["audits"]["total-byte-weight"]["numericValue"] / 1024
page = sys.argv[2].split("?donation=")[0] + ("?donation=…" if "?donation=" in sys.argv[2] else "")
print("| /%s | %s | %.1f KB |" % (page, " | ".join(str(s) for s in scores), weight))
PY
done
# widget.js as a browser fetches it (compressed): the issue's budget is 8 KB
echo
echo "widget.js transferred: $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$PORT/widget.js") bytes (gzip)"
