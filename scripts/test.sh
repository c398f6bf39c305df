#!/usr/bin/env bash
# The README's test command: sets the machine up, starts what the tests need, runs every check.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
./scripts/setup.sh
source ./scripts/redis.sh   # starts a loopback Redis for the tests unless REDIS_URL is set
echo "== generated files are up to date" >&2
pnpm -s turbo run check:generated --output-logs=errors-only
echo "== lint" >&2
pnpm -s lint
echo "== nothing points outside the repository" >&2
node --test --test-reporter=dot scripts/check-outside-refs.test.mjs
node scripts/check-outside-refs.mjs
echo "== typecheck" >&2
pnpm -s turbo run typecheck --output-logs=errors-only
echo "== test" >&2
rm -rf packages/*/.vitest apps/*/.vitest
# Each package's vitest also writes a JSON report (restored by turbo on a cache hit), summed below.
pnpm -s turbo run test --concurrency=1 --output-logs=full -- \
  --reporter=default --reporter=json --outputFile.json=.vitest/report.json
node scripts/sum-test-reports.mjs packages/*/.vitest/report.json apps/*/.vitest/report.json
echo "== README commands run as written" >&2
IMAJIN_TEST_SH=1 node scripts/check-readme-commands.mjs
