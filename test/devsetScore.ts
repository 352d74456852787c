/**
 * The development sets' scorers (test/fixtures/devset, test/fixtures/devset-body), ported from
 * their score.py so that `npm test` measures without Python: metadata fields right, entity
 * precision / recall / F1 per type, and body-text word 4-gram overlap. Same folding, aliases
 * and conventions as the Python (see each set's README).
 */
import type { Article } from '../src/corpus/types.js';

const ALIASES: string[][] = [
  ['islamic state', 'isis', 'isil', 'is', 'daesh', 'islamic state of iraq and syria', 'islamic state of iraq and the levant', 'islamic state group'],
  ['hizb ut-tahrir', 'hizb ut tahrir', 'hezb ut-tahrir', 'khizbut-takhrir', 'hizbut tahrir', 'hizb-ut-tahrir', 'hizb ut-tahrir al-islami'],
  ['islamic movement of uzbekistan', 'imu'],
  ['al-qaeda', 'al qaeda', 'al-qaida', 'al qaida', 'alqaeda'],
  ['agence france-presse', 'agence france presse', 'afp'],
  ['associated press', 'ap', 'the associated press'],
  [
    'collective security treaty organization',
    'collective security treaty organisation',
    'csto',
    'collective security agreement',
    'csa',
    'collective security treaty',
  ],
  ['institute for war and peace reporting', 'institute for war & peace reporting', 'institute of war and peace reporting', 'iwpr'],
  ['irin', 'irin news', 'the new humanitarian', 'irin news (the new humanitarian)'],
  ['the times of central asia', 'times of central asia', 'tca'],
  ['the straits times', 'straits times'],
  ['sputnik', 'sputniknews', 'sputnik news'],
  ['ak-zhol', 'ak zhol', 'ak-zhol party', 'ak zhol party'],
  ['radio free europe/radio liberty', 'rfe/rl', 'radio liberty', 'radio free europe', 'radio azattyq', 'azattyq'],
  ['national security committee', 'knb', 'national security committee of kazakhstan'],
  ['united states', 'us', 'u.s.', 'usa', 'united states of america', 'america'],
  ['united kingdom', 'uk', 'britain', 'great britain'],
  ['dr congo', 'democratic republic of the congo', 'congo', 'drc', 'democratic republic of congo'],
  ['jambyl', 'jambyl province', 'zhambyl', 'jambyl region', 'zhambyl region'],
  ['xinjiang', 'xinjiang uyghur autonomous region', 'xinjiang region'],
  ['shanghai cooperation organisation', 'shanghai cooperation organization', 'sco'],
  ['eurasianet', 'eurasianet.org'],
  ['caspian news', 'caspiannews'],
  ['un', 'united nations'],
].map((g) => [...g].sort());

function norm(s: unknown): string | null {
  if (s === null || s === undefined) return null;
  let n = String(s).normalize('NFKC').toLowerCase().trim();
  n = n.replace(/’/g, "'").replace(/‘/g, "'").replace(/–/g, '-').replace(/—/g, '-');
  n = n.replace(/\s+/g, ' ');
  return n.replace(/^[ .,:;"']+|[ .,:;"']+$/g, '');
}

function spelling(n: string): string {
  n = n.replace(/^(.+?) \(([^()]+)\)$/, '$1 of $2');
  n = n.replace(/defence/g, 'defense').replace(/organisation/g, 'organization');
  n = n.replace(/^ministry of (?:the )?(\w+(?: affairs)?)( of .+)?$/, (_m, a: string, b?: string) => `${a} ministry${b ?? ''}`);
  return n.replace(/ (region|province|oblast)$/, '');
}

export function canon(s: unknown): string | null {
  let n = norm(s);
  if (n === null) return null;
  n = spelling(n);
  const n2 = n.replace(/^the /, '');
  for (const group of ALIASES) if (group.includes(n) || group.includes(n2)) return group[0]!;
  return n2;
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a === null || a === undefined) && (b === null || b === undefined);
  return canon(a) === canon(b);
}

function sameDate(got: string | null, want: string | null): boolean {
  if (want === null) return got === null || got === '';
  return got !== null && got.slice(0, want.length) === want && got.length >= want.length;
}

export interface Gold {
  file: string;
  title: string | null;
  publisher: string | string[] | null;
  author: string | null;
  date: string | null;
  countries?: string[];
  people?: string[];
  organizations?: string[];
  places?: string[];
  evidence?: Record<string, Record<string, string[]>>;
  optional?: Record<string, string[]>;
  also_ok?: Record<string, string[]>;
  aliases?: Record<string, string[]>;
  not_countries?: string[];
}

export const TYPES = [
  ['country', 'countries'],
  ['person', 'people'],
  ['organization', 'organizations'],
  ['place', 'places'],
] as const;

export interface DevsetScore {
  metaOk: number;
  metaN: number;
  /** per entity type: true positives, false positives, false negatives */
  counts: Record<(typeof TYPES)[number][0], [number, number, number]>;
  boilerplateCountries: number;
  /** one line per page with what differs */
  lines: string[];
}

export function prf([tp, fp, fn]: [number, number, number]): { p: number; r: number; f: number } {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function scoreDevset(articles: Article[], gold: Gold[]): DevsetScore {
  const byFile = new Map(articles.map((a) => [a.file.split('/').pop()!, a]));
  const score: DevsetScore = {
    metaOk: 0,
    metaN: 0,
    counts: { country: [0, 0, 0], person: [0, 0, 0], organization: [0, 0, 0], place: [0, 0, 0] },
    boilerplateCountries: 0,
    lines: [],
  };
  const show = (v: unknown) => JSON.stringify(v ?? null);
  for (const g of gold) {
    const a = byFile.get(g.file);
    if (!a) {
      score.lines.push(`${g.file}: MISSING from corpus`);
      score.metaN += 4;
      continue;
    }
    const notes: string[] = [];
    const checks: [string, boolean, unknown, unknown][] = [
      ['title', same(a.title, g.title) || (!!g.title && norm(a.title) === norm(g.title)), a.title, g.title],
      ['publisher', Array.isArray(g.publisher) ? g.publisher.some((x) => same(a.publisher, x)) : same(a.publisher, g.publisher), a.publisher, g.publisher],
      ['author', same(a.author, g.author), a.author, g.author],
      ['date', sameDate(a.published, g.date), a.published, g.date],
    ];
    for (const [name, ok, got, want] of checks) {
      score.metaN++;
      if (ok) score.metaOk++;
      else notes.push(`${name}: got ${show(got)} want ${show(want)}`);
    }
    const names = (type: string) => new Set(a.mentions.filter((m) => m.type === type).map((m) => canon(m.name || m.text)!));
    for (const [type, key] of TYPES) {
      const list = g[key];
      if (!list) continue;
      const amap = new Map<string, string>();
      for (const name of list)
        for (const form of [name, ...(g.aliases?.[name] ?? []), ...(g.evidence?.[key]?.[name] ?? [])])
          if (!amap.has(canon(form)!)) amap.set(canon(form)!, canon(name)!);
      const want = new Set(list.map((x) => canon(x)!));
      const got = new Set([...names(type)].map((x) => amap.get(x) ?? x));
      const extraOk = new Set((g.also_ok?.[key] ?? []).map((x) => canon(x)!));
      for (const x of g.optional?.[key] ?? []) for (const f of [x, ...(g.aliases?.[x] ?? [])]) extraOk.add(canon(f)!);
      if (type === 'person' && a.author) extraOk.add(canon(a.author)!);
      const tp = [...want].filter((x) => got.has(x)).length;
      const fn = [...want].filter((x) => !got.has(x)).sort();
      const fp = [...got].filter((x) => !want.has(x) && !extraOk.has(x)).sort();
      const c = score.counts[type];
      c[0] += tp;
      c[1] += fp.length;
      c[2] += fn.length;
      if (fn.length) notes.push(`${type} missed ${show(fn)}`);
      if (fp.length) notes.push(`${type} extra ${show(fp)}`);
    }
    for (const x of g.not_countries ?? []) {
      if (names('country').has(canon(x)!)) {
        score.boilerplateCountries++;
        notes.push(`boilerplate country counted: ${x}`);
      }
    }
    score.lines.push(`${g.file}: ${notes.length ? notes.join('; ') : 'ok'}`);
  }
  return score;
}

/** Word 4-grams as a multiset (words: runs of letters, digits and _, case folded, as Python's \w). */
function grams(text: string): Map<string, number> {
  const t = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - 3); i++) {
    const g = t.slice(i, i + 4);
    if (g.length === 0) continue;
    const k = g.join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export interface BodyScore {
  precision: number;
  recall: number;
  f1: number;
  pages: { name: string; precision: number; recall: number }[];
}

/** Body precision / recall averaged over pages, F1 of the averages (the Python scorer's convention). */
export function scoreBodies(articles: Article[], gold: Record<string, { articleBody: string }>): BodyScore {
  const body = new Map(articles.map((a) => [a.file.replace(/\.[^.]*$/, ''), a.paragraphs.join('\n')]));
  const ps: number[] = [];
  const rs: number[] = [];
  const pages: BodyScore['pages'] = [];
  for (const [name, g] of Object.entries(gold)) {
    const gg = grams(g.articleBody);
    const pg = grams(body.get(name) ?? '');
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [k, n] of pg) {
      const m = gg.get(k) ?? 0;
      tp += Math.min(n, m);
      fp += Math.max(0, n - m);
    }
    for (const [k, m] of gg) fn += Math.max(0, m - (pg.get(k) ?? 0));
    const s = tp + fp + fn;
    const [t, f, n] = s ? [tp / s, fp / s, fn / s] : [0, 0, 0];
    const p = f === 0 && n === 0 ? 1 : t + f ? t / (t + f) : 0;
    const r = f === 0 && n === 0 ? 1 : t + n ? t / (t + n) : 0;
    if (t + f > 0) ps.push(p);
    if (t + n > 0) rs.push(r);
    pages.push({ name, precision: p, recall: r });
  }
  const precision = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, pages };
}
