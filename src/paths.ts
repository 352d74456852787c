import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root, found from this file's place in dist/src/. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = path.join(packageRoot, 'data');
export const bundledCorpus = path.join(dataDir, 'corpus.json');
export const bundledRaw = path.join(dataDir, 'raw');
