#!/usr/bin/env bash
# The tests against real parts (npm run test:pg, npm run test:scale) run Debian's
# PostgreSQL 15 server and PgBouncer. Installs them when they are missing.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/postgres ] && [ -x /usr/sbin/pgbouncer ]; then exit 0; fi
echo "[pg] PostgreSQL 15 or PgBouncer is missing; installing Debian's postgresql-15 and pgbouncer packages" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql-15 pgbouncer >/dev/null
/usr/lib/postgresql/15/bin/postgres --version >&2
/usr/sbin/pgbouncer --version >&2
