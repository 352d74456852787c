#!/usr/bin/env sh
# One file for the command line: loading Ink and its dependencies as one module instead of
# hundreds halves the time to the first frame. tsc has already type-checked and built dist/.
set -e
# --target=es2022, not node20: esbuild's node targets rewrite every \p{…} regular expression
# literal as new RegExp(…), made again at each evaluation (a fifth of `steppe parse`'s time
# went to it); Node 20 runs ES2022 as it is.
cd "$(dirname "$0")/.."
# the command line (main.mjs, loaded by dist/steppe.mjs), and the worker threads that find entities and parse pages (pipeline/parallel.ts
# and pipeline/pages.ts start them from the files beside the bundle)
for entry in src/cli.ts:main.mjs src/pipeline/finishWorker.ts:finishWorker.js src/pipeline/pageWorker.ts:pageWorker.js; do
npx esbuild "${entry%%:*}" --bundle --platform=node --format=esm --target=es2022 \
  --outfile="dist/${entry##*:}" --log-level=warning \
  --define:process.env.NODE_ENV='"production"' \
  --alias:react-devtools-core=./scripts/devtools-stub.js --alias:ws=./scripts/ws-stub.js \
  --external:@electric-sql/pglite --external:pg --external:pg-copy-streams \
  --banner:js="import { createRequire as __steppeRequire } from 'node:module'; import { fileURLToPath as __steppeFileURLToPath } from 'node:url'; const require = __steppeRequire(import.meta.url); const __filename = __steppeFileURLToPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));"
done
# the database drivers stay packages of their own (loaded only for --db): PGlite finds its
# WebAssembly and extensions beside its own files
# the command itself: a launcher that turns on Node's compile cache, then loads main.mjs
cp scripts/launch.mjs dist/steppe.mjs
chmod +x dist/steppe.mjs
