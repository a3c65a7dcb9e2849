#!/usr/bin/env bash
# The AWS CDK synthesizes through Node.js (jsii). Installs the distribution's nodejs when node is missing.
set -euo pipefail
command -v node >/dev/null && exit 0
echo "[avaolo] installing Node.js from the distribution's packages (needed by the CDK tests)" >&2
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
