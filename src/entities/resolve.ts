/**
 * Which person a name refers to: full names grouped across spellings, and a surname alone
 * resolved to the full name given in the same article, else elsewhere in the corpus
 * ("Nazarbayev" → "Nursultan Nazarbayev").
 */

import { foldMarks } from '../text/fold.js';

/** A transliteration skeleton: Nazarbaev ≈ Nazarbayev, Mirziyoev ≈ Mirziyoyev, Khalimov ≈ Halimov. */
export function skeleton(s: string): string {
  // names repeat through a corpus: each is folded once
  let k = skeletons.get(s);
  if (k === undefined) {
    if (skeletons.size > 100_000) skeletons.clear();
    skeletons.set(s, (k = fold(s)));
  }
  return k;
}
const skeletons = new Map<string, string>();

function fold(s: string): string {
  return foldMarks(s)
    .replace(/['’`ʻ\s-]/g, '')
    .replace(/yev/g, 'ev')
    .replace(/yeva/g, 'eva')
    .replace(/iy/g, 'i')
    .replace(/kh/g, 'h')
    .replace(/dzh|zh|dj/g, 'j')
    .replace(/ou/g, 'u')
    .replace(/(.)\1+/g, '$1');
}

interface FullName {
  spellings: Map<string, number>;
  articles: Set<number>;
  count: number;
}

export class PersonIndex {
  /** surname skeleton + first initial → full name */
  private readonly byKey = new Map<string, FullName>();
  /** surname skeleton → its full names, so that a lone surname is looked up, not searched for */
  private readonly bySurname = new Map<string, FullName[]>();

  private static key(name: string): { key: string; surname: string } | null {
    const parts = name.split(/\s+/);
    if (parts.length < 2) return null;
    const surname = skeleton(parts[parts.length - 1]!);
    return { key: `${surname}|${skeleton(parts[0]!).charAt(0)}`, surname };
  }

  add(name: string, article: number): void {
    const k = PersonIndex.key(name);
    if (!k) return;
    let f = this.byKey.get(k.key);
    if (!f) {
      this.byKey.set(k.key, (f = { spellings: new Map(), articles: new Set(), count: 0 }));
      const list = this.bySurname.get(k.surname);
      if (list) list.push(f);
      else this.bySurname.set(k.surname, [f]);
    }
    f.spellings.set(name, (f.spellings.get(name) ?? 0) + 1);
    f.articles.add(article);
    f.count++;
  }

  /** The canonical spelling of a full name: the most frequent, then the first seen. */
  canonical(name: string): string {
    const k = PersonIndex.key(name);
    const f = k && this.byKey.get(k.key);
    if (!f) return name;
    let best = name;
    let n = -1;
    for (const [s, c] of f.spellings) if (c > n) [best, n] = [s, c];
    return best;
  }

  /** The full name a lone surname refers to: in this article first, then the corpus. */
  resolveSurname(surname: string, article: number): string | null {
    const sk = skeleton(surname);
    let inArticle: FullName | null = null;
    let inCorpus: FullName | null = null;
    for (const f of this.bySurname.get(sk) ?? []) {
      if (f.articles.has(article) && (!inArticle || f.count > inArticle.count)) inArticle = f;
      if (!inCorpus || f.count > inCorpus.count) inCorpus = f;
    }
    const f = inArticle ?? inCorpus;
    if (!f) return null;
    return this.canonical(f.spellings.keys().next().value as string);
  }
}
