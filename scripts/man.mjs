// The man page, dist/steppe.1, written from the same command table as --help (src/commands/spec.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { manPage } from '../dist/src/commands/help.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// SOURCE_DATE_EPOCH, for a reproducible build; otherwise the day of the build
const date = new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString().slice(0, 10);
writeFileSync(new URL('../dist/steppe.1', import.meta.url), manPage(version, date));
