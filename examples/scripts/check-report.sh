#!/usr/bin/env bash
# Renders an hrsnn report.html the way a reader sees it (headless Chromium, 1200 px wide,
# 4000 px tall) into a PNG screenshot, so a person or a reviewing agent can look at it.
#
#   examples/scripts/check-report.sh REPORT.html OUT.png [WIDTH HEIGHT]
#
# Needs Chromium: on Debian/Ubuntu  apt-get install -y chromium
# Network is switched off as far as Chromium allows (no background networking, sync,
# component updates); a self-contained report needs none.
#
# When the hrsnn jar is built (examples/target/hrsnn.jar, or $HRSNN_JAR) the structural checks run
# first: every embedded image decodes, the table of contents resolves, no external references
# (org.hrsnn.report.ReportChecker). Exit codes: 0 fine, 1 Chromium failed, 2 usage, 3 no Chromium,
# 4 screenshot taken but the structural checks found problems.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH HEIGHT]" >&2
  exit 2
fi
report=$1
out=$2
width=${3:-1200}
height=${4:-4000}

if [[ ! -f "$report" ]]; then
  echo "error: report '$report' does not exist" >&2
  exit 2
fi

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=${HRSNN_JAR:-$script_dir/../target/hrsnn.jar}
checks=0
if [[ -f "$jar" ]] && command -v java >/dev/null 2>&1; then
  # Keep going on failure: the screenshot helps to see what is wrong.
  java -Djava.awt.headless=true -cp "$jar" org.hrsnn.report.ReportChecker "$report" || checks=$?
else
  echo "note: $jar not built; skipping the structural checks (mvn -pl examples -am package)" >&2
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser=$candidate
    break
  fi
done
if [[ -z "$browser" ]]; then
  echo "error: Chromium not found. Install it with:  apt-get install -y chromium" >&2
  exit 3
fi

abs_report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
out_dir=$(dirname "$out")
mkdir -p "$out_dir"
abs_out=$(cd "$out_dir" && pwd)/$(basename "$out")

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

rm -f "$abs_out"
# Chromium logs harmless D-Bus and GPU complaints on stderr in containers; keep them out of the
# way but show them if the screenshot fails.
log="$profile/chromium.log"
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" --screenshot="$abs_out" --window-size="$width,$height" \
    "file://$abs_report" >"$log" 2>&1; then
  cat "$log" >&2
  echo "error: Chromium failed" >&2
  exit 1
fi
if [[ ! -s "$abs_out" ]]; then
  cat "$log" >&2
  echo "error: no screenshot written to $abs_out" >&2
  exit 1
fi
echo "screenshot: $abs_out (${width}x${height})"
if [[ $checks -ne 0 ]]; then
  echo "error: structural checks failed (see PROBLEM lines above)" >&2
  exit 4
fi
