#!/usr/bin/env bash
# The server the end-to-end tests run against: the production build on a fresh embedded
# database (created, migrated and loaded with demo data by `npm start`, as a newcomer gets it).
set -euo pipefail
dir="${FINGERTIP_E2E_DATA_DIR:-$PWD/.e2e-data}"
rm -rf "$dir"
export FINGERTIP_DATA_DIR="$dir" PORT="${PORT:-3100}" NEXTAUTH_URL="http://127.0.0.1:${PORT:-3100}"
unset DATABASE_URL
exec npm start
