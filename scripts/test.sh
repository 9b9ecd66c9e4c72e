#!/usr/bin/env bash
# Every test, from a fresh clone: installs what the tests need, then formatting, typecheck, lint, unit tests,
# data-layer tests on embedded PGlite and on PostgreSQL, durability (PostgreSQL restarted and the
# embedded database killed during writes), and end-to-end tests in headless Chromium (including
# the authorization matrix and the hostile-input corpus, whose case counts print at the end), then
# two instances of the build on one PostgreSQL behind nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
step() { printf '\n== %s ==\n' "$*"; }

step "install test dependencies"
bash scripts/install-test-deps.sh
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432; trying to start it" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
npm ci --no-audit --no-fund --loglevel=warn

step "formatting";         npm run format:check
step "typecheck";          npm run typecheck
step "lint";               npm run lint
step "unit and data-layer tests (PGlite and PostgreSQL)"
npx vitest run
step "durability (PostgreSQL restarted and the embedded database killed during writes)"
npm run durability
step "build";              npm run build
step "end-to-end tests (Chromium, 360 px and 1280 px)"
npx playwright test
step "single sign-on against a local OpenID Connect provider (link, provision, approve, refuse, sign out)"
npx playwright test -c e2e-sso/playwright.config.ts
step "two instances behind nginx (lockout, sign-out, role change, release, an instance killed under load)"
npx playwright test -c cluster/playwright.config.ts
