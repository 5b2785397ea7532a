#!/usr/bin/env bash
# Browser tests, locally and in CI (.ci/run step f):
#   1. installs chromium, aiosmtpd and e2e/node_modules if missing,
#   2. cargo build -p eforeigner (debug),
#   3. runs the Playwright tests in e2e/ (global setup starts an SMTP sink and
#      `target/debug/eforeigner serve --demo` on free ports).
# Extra arguments go to `playwright test`, e.g.:
#   bash scripts/e2e.sh tests/smoke.spec.js -g login
# Environment: E2E_SKIP_BUILD=1 skips the cargo build; E2E_SERVER_BIN=path runs
# another binary (no build); E2E_KEEP_TMP=1 keeps the temp data dir and maildir;
# E2E_DATABASE_URL=... makes the server use that database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${E2E_SERVER_BIN:-}" ]; then
  E2E_SERVER_BIN="$(realpath "$E2E_SERVER_BIN")"
  export E2E_SERVER_BIN
fi
cd "$root"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash scripts/ensure-deps.sh

if [ -n "${E2E_SERVER_BIN:-}" ] || [ -n "${E2E_SKIP_BUILD:-}" ]; then
  echo "skipping cargo build (E2E_SERVER_BIN or E2E_SKIP_BUILD set)"
else
  cargo build -p eforeigner
fi

cd e2e
rm -f test-results/results.json test-results/server.log test-results/smtp.log
rc=0
npx playwright test "$@" || rc=$?

if [ "$rc" -ne 0 ] && [ -f test-results/server.log ]; then
  echo
  echo "---- last 80 lines of the server's output (e2e/test-results/server.log) ----"
  tail -n 80 test-results/server.log
  echo "---- end of server output ----"
fi

# shellcheck disable=SC2016 # JavaScript template literals, not shell.
# Closing line in the plain 'N passed, N failed, N skipped' form.
node -e '
  const fs = require("node:fs");
  let s = { expected: 0, flaky: 0, unexpected: 0, skipped: 0 }, errors = 0;
  try {
    const r = JSON.parse(fs.readFileSync("test-results/results.json", "utf8"));
    s = r.stats; errors = (r.errors || []).length;
  } catch {}
  if (errors) console.log(`e2e: ${errors} error(s) outside tests (global setup/teardown), see above`);
  console.log(`e2e: ${s.expected + s.flaky} passed, ${s.unexpected + errors} failed, ${s.skipped} skipped`);
'
exit "$rc"
