/**
 * `npm run bench [-- --sizes 1000,10000] [-- --jsonl 20000] [-- --json] [-- --out FILE]` (`-- --db URL [--articles N] [--loaded]`: the
 * PostgreSQL backend instead, dbBench.ts): for each corpus size,
 * a generated corpus.json opened twice, each time in a process of its own so memory figures
 * do not mix. The first open: parse rate, streaming load, the model the list shows from, the
 * index build (in the background in the dashboard), snapshot written. Every later open: load
 * (from the snapshot where the file is large enough), model ready, filter latency for 20
 * queries typed a keystroke at a time, the time to render a frame while scrolling, every
 * figure extracted, peak memory, and the same queries through a plain fuse.js over full
 * texts (up to 10,000 articles). Then a JSON Lines file of generated articles, opened as the
 * dashboard opens it, twice. Numbers are printed (and written as JSON), never asserted.
 * The corpora have a realistic vocabulary (longTail.ts: Heaps' law anchored on the dev set),
 * and each row says how many distinct terms its corpus holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { parseFiles, parseTexts } from '../pipeline/parse.js';
import { extractMentions } from '../entities/extract.js';
import { gazetteerStep, loadGazetteer, type TrieNode } from '../entities/gazetteer.js';
import { openSession } from '../session/open.js';
import { packageRoot } from '../paths.js';
import { EMPTY_QUERY, parseQuery } from '../search/query.js';
import { searchAll } from '../search/search.js';
import { prepareModel } from '../ui/model.js';
import { renderOffscreen } from '../ui/offscreen.js';
import { makeSelectors } from '../ui/selectors.js';
import { generateCorpus } from './generate.js';
import { INTENDED, QUERIES } from './queries.js';

/** F1 of a found set against the relevant one (1 when both are empty). */
function f1(found: Set<number>, relevant: Set<number>): number {
  let hit = 0;
  for (const i of found) if (relevant.has(i)) hit++;
  if (!found.size && !relevant.size) return 1;
  const precision = found.size ? hit / found.size : 0;
  const recall = relevant.size ? hit / relevant.size : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

/** The median of three timed passes: one pass alone measures the JIT's warm-up as much as the code. */
function medianMs(run: () => unknown): number {
  const passes = [0, 1, 2].map(() => {
    const t0 = performance.now();
    run();
    return performance.now() - t0;
  });
  return pct(passes, 0.5);
}

/**
 * The first open of a corpus file: parse rate, streaming load, index build and the snapshot
 * that later opens read (STEPPE_CACHE_DIR is the bench's own folder).
 */
async function cold(size: number, file: string) {
  // parse rate: the generator's articles written out as raw pages, with boilerplate, and parsed
  const sample = [...generateCorpus(Math.min(size, 300), 7)].map((a) => ({
    file: a.file,
    text: [a.title, '', `By ${a.author}`, '', ...a.paragraphs.flatMap((p) => [p, '']), 'Share this article', '© 2020 All rights reserved'].join('\n'),
  }));
  const sampleMB = sample.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
  const parseMBs = sampleMB / (medianMs(() => parseTexts(sample)) / 1000);

  let t = performance.now();
  const session = await openSession([file], { indexLater: true });
  const coldLoadMs = performance.now() - t;
  // the corpus text in UTF-8, what memory is compared with (counted here, where the
  // paragraphs are strings already; a later open keeps them as bytes until read)
  let textBytes = 0;
  for (const a of session.articles) for (const p of a.paragraphs) textBytes += Buffer.byteLength(p);
  // as the dashboard does it: the list shows once the model is ready, the index follows
  t = performance.now();
  prepareModel(session);
  const coldModelMs = performance.now() - t;
  t = performance.now();
  session.index();
  const coldIndexMs = performance.now() - t;
  const keeps = session.firstOpen;
  t = performance.now();
  session.keep();
  const snapshotMs = keeps ? performance.now() - t : null;
  return {
    textMB: round(textBytes / 1e6),
    parseMBs: round(parseMBs),
    coldLoadMs: Math.round(coldLoadMs),
    coldModelMs: Math.round(coldModelMs),
    coldIndexMs: Math.round(coldIndexMs),
    snapshotMs: snapshotMs === null ? null : Math.round(snapshotMs),
    coldRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** Every later open (from the snapshot where the file is large enough), and filtering. */
async function warm(size: number, file: string, baseline: boolean) {
  let t = performance.now();
  // as the dashboard opens it: the snapshot's text checked as it is read
  const session = await openSession([file], { readLater: true });
  const loadMs = performance.now() - t;
  const { corpus } = session;
  t = performance.now();
  const model = prepareModel(session);
  const indexMs = performance.now() - t;

  const sel = makeSelectors(model);
  // as in the dashboard while the list is first read: the background work (the gazetteer that
  // field queries resolve through; a large corpus's figures are timed below, so not here)
  while (!gazetteerStep(8));
  // as in the dashboard: the first frame lists everything by date; words switch to relevance
  sel.list(EMPTY_QUERY, 'date');
  const times: number[] = [];
  for (const q of QUERIES) {
    // typed, then erased: lengths 1 … n … 1
    const lengths = [...Array.from({ length: q.length }, (_, k) => k + 1), ...Array.from({ length: q.length - 1 }, (_, k) => q.length - 1 - k)];
    for (const k of lengths) {
      const parsed = parseQuery(q.slice(0, k));
      if (!parsed.ok) continue;
      const start = performance.now();
      sel.list(parsed.query, parsed.query.words.length ? 'relevance' : 'date');
      times.push(performance.now() - start);
    }
  }

  // a keystroke checks a phrase for 20 ms at most and the list grows as the check goes on
  // between keys: how long a whole check of a phrase not typed above takes
  const phrase = parseQuery('"regional governor"');
  const t0 = performance.now();
  const phraseHits = phrase.ok ? searchAll(session.index(), phrase.query).ids.length : 0;
  const phraseMs = Math.round(performance.now() - t0);

  // a frame while scrolling the list
  const { stdout, stdin, instance } = renderOffscreen(model);
  await new Promise((r) => setTimeout(r, 20));
  const frames: number[] = [];
  for (let k = 0; k < 40; k++) {
    frames.push(
      await new Promise<number>((resolve) => {
        const start = performance.now();
        stdout.onWrite = () => resolve(performance.now() - start);
        stdin.write('j');
      }),
    );
  }
  instance.unmount();
  // every article's figures, as the dashboard extracts them in the background, kept
  t = performance.now();
  // a large corpus's as the background work does it, a slice at a time; a small one's at once
  while (!session.work(1000));
  const figures = session.figures();
  const figuresMs = Math.round(performance.now() - t);
  // peak memory of the session so far: load, filtering, the dashboard drawing, the figures
  // (before the baseline, whose copies of every text are not steppe's)
  const rssMB = Math.round(process.resourceUsage().maxRSS / 1024);

  let baselineP95: number | null = null;
  let quality: { steppeF1: number; fuseF1: number; queries: number; perQuery: Record<string, { steppe: number; fuse: number }> } | null = null;
  if (baseline) {
    const fuse = new Fuse(
      corpus.articles.map((a) => ({ title: a.title ?? '', text: a.paragraphs.join('\n') })),
      { keys: ['title', 'text'], ignoreLocation: true, threshold: 0.3 },
    );
    const b: number[] = [];
    const fuseFound = new Map<string, Set<number>>();
    for (const q of QUERIES) {
      const start = performance.now();
      const found = fuse.search(q);
      b.push(performance.now() - start);
      fuseFound.set(q, new Set(found.map((r) => r.refIndex)));
    }
    baselineP95 = pct(b, 0.95);
    // result quality on the queries both can express, against what a reader means by them
    const texts = corpus.articles.map((a) => `${a.title ?? ''}\n${a.paragraphs.join('\n')}`);
    const f1s = { steppe: [] as number[], fuse: [] as number[] };
    const perQuery: Record<string, { steppe: number; fuse: number }> = {};
    for (const [q, patterns] of Object.entries(INTENDED)) {
      const relevant = new Set(texts.flatMap((t, i) => (patterns.every((p) => p.test(t)) ? [i] : [])));
      const parsed = parseQuery(q);
      if (!parsed.ok) continue;
      f1s.steppe.push(f1(new Set(searchAll(session.index(), parsed.query).ids), relevant));
      f1s.fuse.push(f1(fuseFound.get(q)!, relevant));
      perQuery[q] = { steppe: Math.round(f1s.steppe.at(-1)! * 100) / 100, fuse: Math.round(f1s.fuse.at(-1)! * 100) / 100 };
    }
    quality = { steppeF1: Math.round(mean(f1s.steppe) * 100) / 100, fuseF1: Math.round(mean(f1s.fuse) * 100) / 100, queries: f1s.steppe.length, perQuery };
  }
  const mem = process.memoryUsage();
  const filterP95 = pct(times, 0.95);
  return {
    articles: size,
    vocabulary: session.index().vocabulary.length,
    snapshot: session.loaded.index,
    loadMs: Math.round(loadMs),
    indexMs: Math.round(indexMs),
    rssMB,
    heapMB: Math.round(mem.heapUsed / 1e6),
    filterP50Ms: round(pct(times, 0.5)),
    filterP95Ms: round(filterP95),
    filterMaxMs: round(Math.max(...times)),
    phraseMs,
    phraseHits,
    frameMs: round(pct(frames, 0.5)),
    figures: figures.length,
    figuresMs,
    baselineP95Ms: baselineP95 === null ? null : Math.round(baselineP95),
    speedup: baselineP95 === null ? null : round(baselineP95 / Math.max(0.1, filterP95)),
    quality,
  };
}

/**
 * A JSON Lines file opened as the dashboard opens it: when the first progress line comes, when
 * the list can show (the articles read; their entities still being found on other threads),
 * when the entities are found and when the index is ready; on a later open (`again`), when
 * the list shows from the snapshot the first open kept.
 */
async function jsonl(file: string, again: boolean) {
  const t0 = performance.now();
  let progressMs: number | null = null;
  const session = await openSession([file], {
    indexLater: true,
    readLater: true,
    entitiesLater: true,
    progress: () => (progressMs ??= performance.now() - t0),
  });
  const model = prepareModel(session);
  makeSelectors(model).list(EMPTY_QUERY, 'date');
  const listMs = performance.now() - t0;
  let entitiesMs: number | null = session.progress().entities === null ? 0 : null;
  // as the dashboard does: a slice, then a wait while other threads work
  while (!session.work(8)) {
    if (entitiesMs === null && session.progress().entities === null) entitiesMs = performance.now() - t0;
    if (session.progress().entities !== null) await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - t0;
  if (!again) session.keep();
  return {
    articles: session.articles.length,
    MB: round(statSync(file).size / 1e6),
    progressMs: progressMs === null ? null : Math.round(progressMs),
    listMs: Math.round(listMs),
    entitiesMs: entitiesMs === null ? null : Math.round(entitiesMs),
    readyMs: Math.round(readyMs),
  };
}

const args = process.argv.slice(2);
const phaseAt = args.indexOf('--phase');
const dbAt = args.indexOf('--db');
if (dbAt >= 0) {
  // the PostgreSQL backend's numbers instead (dbBench.ts)
  const articlesAt = args.indexOf('--articles');
  const { dbBench } = await import('./dbBench.js');
  await dbBench(args[dbAt + 1] ?? '', articlesAt >= 0 ? Number(args[articlesAt + 1]) : 20_000, args.includes('--loaded'));
} else if (phaseAt >= 0) {
  const [phase, size, file] = [args[phaseAt + 1], Number(args[phaseAt + 2]), args[phaseAt + 3]!];
  const row =
    phase === 'jsonl' || phase === 'jsonl-again'
      ? await jsonl(file, phase === 'jsonl-again')
      : phase === 'cold'
        ? await cold(size, file)
        : await warm(size, file, size <= 10_000);
  process.stdout.write(JSON.stringify(row) + '\n');
} else {
  const sizesAt = args.indexOf('--sizes');
  const sizes = (sizesAt >= 0 ? args[sizesAt + 1]! : '1000,10000').split(',').map(Number);
  const here = fileURLToPath(import.meta.url);
  // each phase in its own process, so that memory figures do not mix
  const phase = (name: string, size: number, file: string, env: NodeJS.ProcessEnv) => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=16384', here, '--phase', name, String(size), file], {
      encoding: 'utf8',
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) return { error: (r.stderr || 'failed').split('\n').find((l) => l.trim()) ?? 'failed' };
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  };
  const rows = sizes.map((size) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'steppe-bench-'));
    try {
      const file = path.join(dir, 'corpus.json');
      spawnSync(process.execPath, [path.join(path.dirname(here), 'gen.js'), '--articles', String(size), '--out', file], { stdio: 'ignore' });
      const env = { STEPPE_CACHE_DIR: path.join(dir, 'cache') };
      const first = phase('cold', size, file, env);
      const later = phase('warm', size, file, env);
      if ('error' in first || 'error' in later) return { articles: size, error: String(first.error ?? later.error) };
      return { ...later, ...first };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  // a JSON Lines scrape, first and later open (--jsonl 0 leaves it out)
  const jsonlAt = args.indexOf('--jsonl');
  const jsonlSize = jsonlAt >= 0 ? Number(args[jsonlAt + 1]) : 20_000;
  let lines: { first: Record<string, unknown>; later: Record<string, unknown> } | null = null;
  if (jsonlSize > 0) {
    const dir = mkdtempSync(path.join(tmpdir(), 'steppe-bench-'));
    try {
      const file = path.join(dir, 'scrape.jsonl');
      writeFileSync(
        file,
        [...generateCorpus(jsonlSize, 21)]
          .map(
            (a) => JSON.stringify({ title: a.title, published: a.published, publisher: a.publisher, author: a.author, text: a.paragraphs.join('\n\n') }) + '\n',
          )
          .join(''),
      );
      const env = { STEPPE_CACHE_DIR: path.join(dir, 'cache'), STEPPE_STATE_DIR: path.join(dir, 'state') };
      lines = { first: phase('jsonl', jsonlSize, file, env), later: phase('jsonl-again', jsonlSize, file, env) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30) };
  const entities = extraction();
  const real = realPages();
  const json = JSON.stringify({ machine, sizes: rows, jsonl: lines, realPages: real, extraction: entities }, null, 2) + '\n';
  // the table is for reading; the JSON is kept beside it (--out FILE, bench.json by default)
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1]! : 'bench.json';
  writeFileSync(out, json);
  if (args.includes('--json')) process.stdout.write(json);
  else {
    const cols = [
      'articles',
      'vocabulary',
      'textMB',
      'parseMBs',
      'coldLoadMs',
      'coldModelMs',
      'coldIndexMs',
      'snapshotMs',
      'loadMs',
      'indexMs',
      'rssMB',
      'heapMB',
      'filterP50Ms',
      'filterP95Ms',
      'filterMaxMs',
      'phraseMs',
      'frameMs',
      'baselineP95Ms',
      'speedup',
      'coldRssMB',
      'figuresMs',
    ] as const;
    console.log(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGB} GB, Node ${machine.node}`);
    console.log(cols.join('  '));
    for (const r of rows as Record<string, unknown>[])
      console.log('error' in r ? `${r.articles}: ${r.error}` : cols.map((c) => String(r[c] ?? '—').padStart(c.length)).join('  '));
    if (lines) {
      const { first, later } = lines;
      console.log(
        'error' in first || 'error' in later
          ? `JSON Lines: ${String(first.error ?? later.error)}`
          : `JSON Lines, ${first.articles} articles (${first.MB} MB): first open: progress line at ${first.progressMs} ms, list at ${first.listMs} ms, entities found (${cpus().length} threads) at ${first.entitiesMs} ms, index ready at ${first.readyMs} ms; later open (snapshot): list at ${later.listMs} ms`,
      );
    }
    if (real)
      console.log(
        `parse on real pages (the dev sets in test/fixtures: ${real.pages} pages, ${real.MB} MB, ${real.languages} languages): ${real.parseMBs} MB/s`,
      );
    const e = entities;
    console.log(
      `gazetteer: ${e.entries} entries, ${e.names} names, ${e.dataKB} KB of data, built in ${e.buildMs} ms (once, on the first extraction or field query)`,
    );
    console.log(
      `extraction (one core, median of 3): ${e.generatedMBs} MB/s on ${e.generatedMB} MB of generated articles${e.realMBs === null ? '' : `, ${e.realMBs} MB/s on the real pages' text (${e.realMB} MB)`}`,
    );
    console.log(`(JSON written to ${out})`);
  }
}

/** The dev sets' raw pages (test/fixtures), or null where there are none (an installed package carries no fixtures). */
function realPageFiles(): { name: string; bytes: Buffer }[] | null {
  const root = path.join(packageRoot, 'test', 'fixtures');
  const dirs = ['devset', 'devset-body'].map((d) => path.join(root, d, 'raw')).filter((d) => existsSync(d));
  return dirs.length ? dirs.flatMap((d) => readdirSync(d).map((name) => ({ name, bytes: readFileSync(path.join(d, name)) }))) : null;
}

/**
 * Entity extraction apart from parsing: the gazetteer's size and build time (built here first,
 * in this process), then mentions extracted from generated articles and from the real pages'
 * cleaned text (many languages and scripts), median of three passes.
 */
function extraction() {
  const t0 = performance.now();
  const g = loadGazetteer();
  const buildMs = round(performance.now() - t0);
  let names = 0;
  const walk = (n: TrieNode) => {
    names += n.targets.length;
    for (const c of n.next.values()) walk(c);
  };
  walk(g.root);
  const dataDirPath = path.join(packageRoot, 'data', 'gazetteer');
  const dataKB = Math.round(readdirSync(dataDirPath).reduce((s, f) => s + statSync(path.join(dataDirPath, f)).size, 0) / 1024);
  const rate = (articles: { paragraphs: string[]; dateline: string | null }[]) => {
    const MB = articles.reduce((s, a) => s + a.paragraphs.reduce((m, p) => m + Buffer.byteLength(p), 0), 0) / 1e6;
    return { MB: round(MB), MBs: round(MB / (medianMs(() => extractMentions(articles, g)) / 1000)) };
  };
  const generated = rate([...generateCorpus(1000, 3)].map((a) => ({ paragraphs: a.paragraphs, dateline: null })));
  const files = realPageFiles();
  const real = files ? rate(parseFiles(files).corpus.articles) : null;
  return {
    entries: g.entries.length,
    names,
    dataKB,
    buildMs,
    generatedMB: generated.MB,
    generatedMBs: generated.MBs,
    realMB: real?.MB ?? null,
    realMBs: real?.MBs ?? null,
  };
}

/**
 * The parse rate on real scraped pages (the dev sets copied into test/fixtures): menus, other
 * scripts, legacy encodings and all, where the generated pages have none of that. Median of three.
 */
function realPages(): { pages: number; MB: number; languages: number; parseMBs: number } | null {
  const files = realPageFiles();
  if (!files) return null;
  const root = path.join(packageRoot, 'test', 'fixtures');
  const MB = files.reduce((s, f) => s + f.bytes.length, 0) / 1e6;
  const ms = medianMs(() => parseFiles(files));
  const gold = path.join(root, 'devset', 'gold.json');
  const languages = existsSync(gold) ? new Set((JSON.parse(readFileSync(gold, 'utf8')) as { language: string }[]).map((g) => g.language)).size : 0;
  return { pages: files.length, MB: round(MB), languages, parseMBs: round(MB / (ms / 1000)) };
}
