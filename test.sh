#!/usr/bin/env bash
# Every test, against a real PostgreSQL (started like run.sh does), then an end-to-end run of ./run.sh itself.
#   ./test.sh                     all tests
#   ./test.sh --filter Farmers    passes extra arguments to dotnet test (the run.sh smoke test is skipped)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
. scripts/postgres.sh
command -v dotnet >/dev/null || { avaolo_log "the .NET 10 SDK is required"; exit 1; }
avaolo_ensure_postgres "$ROOT"
export AVAOLO_TEST_DB="Host=${DB_HOST};Port=${DB_PORT:-5432};Username=${DB_USER};Password=${DB_PASSWORD:-}"

# The browser tests drive Debian's Chromium; the deploy tests synthesize CDK templates with Node.js.
scripts/install-browser.sh
scripts/install-node.sh
# The WhatsApp voice-note tests speak real audio with espeak-ng.
command -v espeak-ng >/dev/null || { apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null; }
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1

RESULTS="$ROOT/.avaolo/test-results"
rm -rf "$RESULTS"
status=0
avaolo_log "building"
dotnet build AvaOlo.slnx -c Release --nologo -v quiet || exit 1
avaolo_log "running tests"
dotnet test AvaOlo.slnx -c Release --no-build --nologo --logger "trx" --results-directory "$RESULTS" "$@" || status=$?

if [ $# -eq 0 ]; then
  avaolo_log "smoke test: ./run.sh end to end"
  scripts/smoke.sh || status=1
fi

# One plain closing line summed over every test assembly.
python3 - "$RESULTS" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
