import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFiles } from '../src/pipeline/parse.js';
import type { Article, SourceFile } from '../src/corpus/types.js';
import { bundledRaw, packageRoot } from '../src/paths.js';

export const fixtures = path.join(packageRoot, 'test', 'fixtures');

export function seedFiles(): SourceFile[] {
  return readdirSync(bundledRaw)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(bundledRaw, name)) }));
}

let parsed: Article[] | undefined;

/** The five seeds parsed together, as `steppe parse data/raw` does. */
export function parsedSeeds(): Article[] {
  parsed ??= parseFiles(seedFiles()).corpus.articles;
  return parsed;
}

export function seed(file: string): Article {
  const a = parsedSeeds().find((x) => x.file === file);
  if (!a) throw new Error(`no parsed seed ${file}`);
  return a;
}

/** An article of one paragraph and nothing else, as a test corpus needs it. */
export function articleOf(id: string, paragraph: string): Article {
  return {
    id,
    file: `${id}.txt`,
    title: null,
    publisher: null,
    author: null,
    published: null,
    section: [],
    dateline: null,
    paragraphs: [paragraph],
    removed: [],
    mentions: [],
    duplicateOf: null,
  };
}

/** The screen once it matches `what` (a terminal's, read with `read`), or an error showing the last one. */
export async function screenWhen(read: () => string, what: RegExp, ms: number): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const s = read();
    if (what.test(s)) return s;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
