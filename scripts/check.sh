#!/usr/bin/env bash
# The repository's self-checks: types, its own lint, formatting, generated docs, and the package's exports.
# Usage: bash scripts/check.sh   (builds dist/ first; exits non-zero on the first failing check)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
# The repository's own installs, never a download: node_modules/.bin first.
bin() { "node_modules/.bin/$1" "${@:2}"; }

step 'build (dist/ is what the doc generator, publint and attw read)'
npm run --silent build

step 'tsc --noEmit'
bin tsc --noEmit -p tsconfig.json

step 'eslint . (typescript-eslint parser, eslint-plugin-eslint-plugin on src/rules)'
# node_modules/.bin/eslint may be the eslint9 alias used by the version matrix: call ESLint 10 by path.
node node_modules/eslint/bin/eslint.js . --max-warnings 0

step 'prettier --check .'
bin prettier --check .

step 'eslint-doc-generator --check (README rules table and docs/rules headers)'
bin eslint-doc-generator --check

step 'publint'
bin publint --strict

step 'attw (are the types wrong?), ESM-only profile'
# The package is ESM only; CommonJS callers load it with import() or Node's require(esm) (Node >= 20.19).
bin attw --pack . --profile esm-only

printf '\nAll self-checks passed.\n'
