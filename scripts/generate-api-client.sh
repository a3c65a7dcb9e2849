#!/usr/bin/env bash
# Regenerates the Kiota client in tests/AvaOlo.ApiClient.Tests from the core service's OpenAPI document.
#   scripts/generate-api-client.sh
# Builds and starts the core on a free local port (no database needed: /openapi/v1.json is served without one), saves
# the document as tests/AvaOlo.ApiClient.Tests/openapi.json with a fixed server URL (the served one names the caller's
# host and port), and generates the C# client from it into tests/AvaOlo.ApiClient.Tests/Generated/. Commit both:
# the tests fail while the committed document differs from the one the service serves.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PROJECT=tests/AvaOlo.ApiClient.Tests

dotnet tool restore >/dev/null
export KIOTA_UPDATE__DISABLED=true  # no update check against the internet
dotnet build src/AvaOlo.AgriculturalCore -c Release --nologo -v quiet
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
DB_HOST=127.0.0.1 DB_USER=unused AVAOLO_BACKGROUND_JOBS=false LOG_FORMAT=text ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  dotnet src/AvaOlo.AgriculturalCore/bin/Release/net10.0/AvaOlo.AgriculturalCore.dll >/dev/null 2>&1 &
CORE=$!
trap 'kill $CORE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/openapi/v1.json" -o "$PROJECT/openapi.json.tmp" && break
  sleep 0.5
done
[ -s "$PROJECT/openapi.json.tmp" ] || { echo "the core did not serve /openapi/v1.json" >&2; exit 1; }
python3 - "$PROJECT/openapi.json.tmp" "$PROJECT/openapi.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["servers"] = [{"url": "http://localhost:8080"}]  # the port run.sh uses; clients set their own base URL
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(doc, out, indent=2, ensure_ascii=False)
    out.write("\n")
PY
rm -f "$PROJECT/openapi.json.tmp"

dotnet kiota generate --language CSharp --openapi "$PROJECT/openapi.json" --output "$PROJECT/Generated" \
  --class-name AvaOloClient --namespace-name AvaOlo.ApiClient --exclude-backward-compatible --clean-output --log-level Warning
echo "generated $PROJECT/Generated from $PROJECT/openapi.json"
