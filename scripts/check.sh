#!/usr/bin/env bash
# The repository's self-checks: types, its own lint, formatting, generated docs, and the package's exports.
# Usage: bash scripts/check.sh   (builds dist/ first; exits non-zero when any check fails)
#
# Each check is one process on one core, so two run side by side: the build next to prettier, then the
# type-checked lint (the longest check) next to the others in turn. Every check runs to the end; the output is
# printed in the order below once all are done, and the script fails if any of them failed.
set -euo pipefail
cd "$(dirname "$0")/.."

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# check NAME COMMAND...: runs the command with its output kept for the report; records its exit status.
check() {
  local log="$logs/$1"
  printf '%s\n' "$2" >"$log.name"
  if "${@:3}" >"$log.out" 2>&1; then echo 0 >"$log.status"; else echo $? >"$log.status"; fi
}
# The repository's own installs, never a download: node_modules/.bin first.
bin() { "node_modules/.bin/$1" "${@:2}"; }

# dist/ is what the doc generator, publint and attw read, and what the typed lint and tsc resolve the package's
# own name to (`eslint-plugin-handler-state/runtime` in the runtime examples): the build comes first.
check 1 'build (dist/ is what the doc generator, publint and attw read)' npm run --silent build &
check 2 'prettier --check .' bin prettier --check . &
wait

# node_modules/.bin/eslint may be the eslint9 alias used by the version matrix: call ESLint 10 by path.
check 3 'eslint . (typescript-eslint parser, eslint-plugin-eslint-plugin on src/rules)' \
  node node_modules/eslint/bin/eslint.js . --max-warnings 0 &
{
  check 4 'tsc --noEmit' bin tsc --noEmit -p tsconfig.json
  check 5 'eslint-doc-generator --check (README rules table and docs/rules headers)' bin eslint-doc-generator --check
  check 6 'publint' bin publint --strict
  # The package is ESM only; CommonJS callers load it with import() or Node's require(esm) (Node >= 20.19).
  check 7 'attw (are the types wrong?), ESM-only profile' bin attw --pack . --profile esm-only
} &
wait

failed=0
for id in 1 2 3 4 5 6 7; do
  printf '\n== %s\n' "$(cat "$logs/$id.name")"
  cat "$logs/$id.out"
  status="$(cat "$logs/$id.status")"
  if [ "$status" != 0 ]; then
    printf '\n!! failed (exit %s): %s\n' "$status" "$(cat "$logs/$id.name")"
    failed=1
  fi
done

if [ "$failed" != 0 ]; then
  printf '\nA self-check failed (see the !! lines above).\n'
  exit 1
fi
printf '\nAll self-checks passed.\n'
