#!/usr/bin/env bash
# The evidence bundle's tests read its PDF summary with pdftotext (Debian's
# poppler-utils). Installs it when it is missing.
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1; then exit 0; fi
echo "[test] pdftotext is missing; installing Debian's poppler-utils package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq poppler-utils >/dev/null
pdftotext -v >&2
