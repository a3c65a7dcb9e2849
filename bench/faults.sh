#!/usr/bin/env bash
# Fault scenarios against the agricultural core running as a real process, with production settings; writes
# bench/results/faults.md. The scenarios are the xunit tests in tests/AvaOlo.Resilience.Tests (one implementation,
# also run by ./test.sh):
#   - database stopped mid-load: a SECOND, throwaway PostgreSQL cluster (bench/lib/pg-scratch.sh, its own port and
#     data directory) is stopped and started, never the shared one
#   - SIGTERM mid-load: a drain (listener open, /health and new requests 503 with Connection: close, no connection
#     reset), then in-flight requests complete and the process exits within 30 s
#   - model server slow / failing / garbage under load: offline answers within the deadline
#   - three instances with REDIS_URL (a real redis-server on loopback, bench/lib/redis.sh): one 1,000/min limit, one cache
#   - the saved Logs Insights queries (deploy/cdk/LogQueries.cs) over the JSON lines a core process wrote
#   - Aurora failover: a primary and a synchronous hot standby (scripts/postgres-pair.sh, their own ports), the core with
#     both in DB_HOST under write load; the primary stops, the standby is promoted: time to the first write, the
#     answers in the gap, acknowledged writes on the new primary
#   - a deploy that migrates (expand/contract): the old build serves under load while the next release's migration
#     runs (ExpandContractTests in tests/AvaOlo.AgriculturalCore.Tests; run here only when no arguments are given)
#   bench/faults.sh [extra dotnet test arguments, e.g. --filter Redis]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. scripts/postgres.sh
avaolo_ensure_postgres "$ROOT" >/dev/null
export AVAOLO_TEST_DB="Host=${DB_HOST};Port=${DB_PORT:-5432};Username=${DB_USER};Password=${DB_PASSWORD:-}"
RESULTS="$(mktemp -d)"
trap 'rm -rf "$RESULTS"' EXIT
status=0
dotnet test tests/AvaOlo.Resilience.Tests -c Release --nologo --logger "trx;LogFileName=faults.trx" --results-directory "$RESULTS" "$@" || status=$?
if [ $# -eq 0 ]; then
  dotnet test tests/AvaOlo.AgriculturalCore.Tests -c Release --nologo --filter "FullyQualifiedName~ExpandContractTests" \
    --logger "trx;LogFileName=migration.trx" --results-directory "$RESULTS" || status=$?
fi
python3 - "$RESULTS" "$ROOT/bench/results/faults.md" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys, glob, datetime, xml.etree.ElementTree as ET
results, out, cores, load = sys.argv[1:5]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
rows = []
for r in (r for trx in sorted(glob.glob(results + "/*.trx")) for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns)):
    # The log-query evaluator's and DB_HOST parser's own rules: logic, not fault scenarios.
    if ".LogsInsightsTests." in r.get("testName") or ".DatabaseHostsTests." in r.get("testName"): continue
    text = r.findtext(".//t:StdOut", default="", namespaces=ns)
    figures = "; ".join(l[len("figures: "):] for l in text.splitlines() if l.startswith("figures: ")).replace("|", "\\|")
    msg = r.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns).strip().splitlines()
    name = r.get("testName").split(".")[-1].replace("_", " ")
    dur = r.get("duration", "")[:8]
    rows.append(f"| {name} | {r.get('outcome')} | {dur} | {figures or (msg[0] if msg else '')} |")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Fault scenarios\n\n")
    f.write(f"Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `bench/faults.sh` on {cores} shared cores (load {load}); the scenarios are the tests in "
            "`tests/AvaOlo.Resilience.Tests`, each starting the core as a real process (Release, JSON logs, auth, rate limiting, telemetry), "
            "and the expand/contract deploy drill (`ExpandContractTests`, the core in-process over the test database).\n\n")
    f.write("| scenario | outcome | duration | measured |\n|---|---|---|---|\n" + "\n".join(sorted(rows)) + "\n")
print(open(out, encoding="utf-8").read())
PY
exit $status
