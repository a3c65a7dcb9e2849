#!/usr/bin/env bash
# App Runner custom domains, the step CloudFormation cannot do. `cdk deploy AvaOloServices -c compute=apprunner
# -c domainName=… -c hostedZoneId=…` associates each service with its name and points the name at App Runner; App
# Runner then makes a certificate and publishes its validation records. This waits for them, UPSERTs them into the
# hosted zone, and waits until every name is active (certificate issued). Idempotent: run it after every deploy.
#   deploy/apprunner-domain.sh HOSTED_ZONE_ID SERVICE_ARN [SERVICE_ARN…]     (the ARNs are outputs of AvaOloServices)
#   deploy/apprunner-domain.sh --change-batch < describe-custom-domains.json  (prints the Route 53 change batch only)
set -euo pipefail

# describe-custom-domains JSON → one UPSERT per certificate validation record (CNAME), duplicates removed.
change_batch() {
  jq -c '{Comment: "App Runner certificate validation",
          Changes: ([.CustomDomains[]? | .CertificateValidationRecords[]? | select(.Name and .Value)
                     | {Action: "UPSERT", ResourceRecordSet: {Name: .Name, Type: (.Type // "CNAME"), TTL: 300, ResourceRecords: [{Value: .Value}]}}]
                    | unique)}'
}

if [ "${1:-}" = --change-batch ]; then change_batch; exit 0; fi
zone="${1:?usage: $0 HOSTED_ZONE_ID SERVICE_ARN [SERVICE_ARN…]}"; shift
[ $# -gt 0 ] || { echo "usage: $0 HOSTED_ZONE_ID SERVICE_ARN [SERVICE_ARN…]" >&2; exit 2; }
describe() { aws apprunner describe-custom-domains --service-arn "$1" --output json; }
# Status values are lower case in responses (pending_certificate_dns_validation), upper case in the API reference.
statuses() { jq -r '[.CustomDomains[]?.Status | ascii_downcase] | join(" ")'; }

for arn in "$@"; do
  for _ in $(seq 1 60); do # App Runner publishes the records a little after the association: up to 10 minutes
    json=$(describe "$arn")
    if ! statuses <<<"$json" | grep -q creating && [ "$(change_batch <<<"$json" | jq '.Changes | length')" -gt 0 ]; then break; fi
    sleep 10
  done
  batch=$(change_batch <<<"$json")
  [ "$(jq '.Changes | length' <<<"$batch")" -gt 0 ] || { echo "no validation records for $arn after 10 minutes: $(statuses <<<"$json")" >&2; exit 1; }
  aws route53 change-resource-record-sets --hosted-zone-id "$zone" --change-batch "$batch" >/dev/null
  echo "validation records for $arn: $(jq -r '[.Changes[].ResourceRecordSet.Name] | join(", ")' <<<"$batch")"
done

for arn in "$@"; do
  for _ in $(seq 1 90); do # DNS validation and binding: usually minutes, up to 30
    now=$(describe "$arn" | statuses)
    if [ -n "$now" ] && ! grep -qv '^active$' <<<"$(tr ' ' '\n' <<<"$now")"; then echo "$arn: active"; continue 2; fi
    sleep 20
  done
  echo "custom domains of $arn not active after 30 minutes: $now" >&2; exit 1
done
