/** `npm run gen -- --articles N [--seed S] [--vocabulary small] --out FILE`: writes a synthetic corpus.json, streamed. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateCorpus } from './generate.js';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const count = Number(arg('articles', '1000'));
const seed = Number(arg('seed', '1'));
const out = arg('out');
const vocabulary = arg('vocabulary', 'realistic');
if (!Number.isInteger(count) || count < 1 || !out || (vocabulary !== 'realistic' && vocabulary !== 'small')) {
  process.stderr.write('usage: npm run gen -- --articles N [--seed S] [--vocabulary realistic|small] --out FILE\n');
  process.exit(2);
}
const stream = createWriteStream(out);
const write = async (s: string) => {
  if (!stream.write(s)) await once(stream, 'drain');
};
await write('{"version":1,"articles":[\n');
let first = true;
let bytes = 0;
for (const a of generateCorpus(count, seed, { vocabulary })) {
  const json = JSON.stringify(a);
  bytes += json.length;
  await write((first ? '' : ',\n') + json);
  first = false;
}
await write('\n]}\n');
stream.end();
await once(stream, 'finish');
process.stderr.write(`wrote ${count} articles (${(bytes / 1e6).toFixed(1)} MB) to ${out}\n`);
