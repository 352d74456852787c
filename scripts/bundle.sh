#!/usr/bin/env sh
# One file for the command line: loading Ink and its dependencies as one module instead of
# hundreds halves the time to the first frame. tsc has already type-checked and built dist/.
set -e
cd "$(dirname "$0")/.."
exec npx esbuild src/cli.ts --bundle --platform=node --format=esm --target=node20 \
  --outfile=dist/steppe.mjs --log-level=warning \
  --define:process.env.NODE_ENV='"production"' \
  --alias:react-devtools-core=./scripts/devtools-stub.js \
  --banner:js="import { createRequire as __steppeRequire } from 'node:module'; import { fileURLToPath as __steppeFileURLToPath } from 'node:url'; const require = __steppeRequire(import.meta.url); const __filename = __steppeFileURLToPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));"
