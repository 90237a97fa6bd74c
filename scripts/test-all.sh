#!/usr/bin/env bash
# `npm test`: everything. Static checks, unit and API tests (PGlite, and PostgreSQL when one answers), a
# production build, integration tests against built servers, then the browser tests on desktop and phone.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TEST_DATABASE_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "PostgreSQL suites: on ($TEST_DATABASE_URL)"
else
  echo "PostgreSQL suites: SKIPPED (no TEST_DATABASE_URL and nothing answers on 127.0.0.1:5432)"
fi

bash scripts/ensure-chromium.sh

echo "== program: rebuild from source to the committed bytes, Rust unit tests"
if [ -x /usr/bin/rustc ] && command -v clang-22 >/dev/null 2>&1; then
  npm run --silent check:program
  (cd program && env RUSTC=/usr/bin/rustc /usr/bin/cargo test --offline --quiet)
elif [ "${CI:-}" = "true" ]; then
  echo "The program toolchain is missing on CI: run bash scripts/install-program-toolchain.sh as root." >&2
  exit 1
else
  echo "Program rebuild check: SKIPPED (no Rust toolchain; bash scripts/install-program-toolchain.sh installs it)"
fi

echo "== typecheck and lint"
npx tsc --noEmit
npx eslint . --max-warnings 0

echo "== unit and API tests"
npx vitest run --project unit

echo "== build"
npx next build

echo "== integration tests (built servers)"
npx vitest run --project integration --passWithNoTests

echo "== browser tests"
npx playwright test
