/** Opens what the user named — corpus.json files and raw folders or files — as one corpus. */
import path from 'node:path';
import type { Corpus, Warning } from '../corpus/types.js';
import { readCorpusFile } from './corpusFile.js';
import { collectFiles } from './files.js';

export interface Opened {
  corpus: Corpus;
  warnings: Warning[];
}

export async function openCorpus(paths: string[]): Promise<Opened> {
  const jsonPaths = paths.filter((p) => path.extname(p).toLowerCase() === '.json');
  const rawPaths = paths.filter((p) => path.extname(p).toLowerCase() !== '.json');
  const articles: Corpus['articles'] = [];
  for (const p of jsonPaths) articles.push(...(await readCorpusFile(p)).articles);
  const warnings: Warning[] = [];
  if (rawPaths.length) {
    const collected = await collectFiles(rawPaths, { mustExist: true });
    // the parser (date parsing, gazetteer) loads only when there is raw text to parse
    const { parseFiles } = await import('../corpus/corpus.js');
    const parsed = parseFiles(collected.files);
    warnings.push(...collected.warnings, ...parsed.warnings);
    articles.push(...parsed.corpus.articles);
  }
  return { corpus: { version: 1, articles }, warnings };
}
