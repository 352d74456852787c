/** Known news outlets (data/outlets.json): canonical names, spellings and abbreviations. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths.js';
import { escapeRegExp } from './text.js';

export interface OutletEntry {
  name: string;
  aliases: string[];
  abbreviations: string[];
  /** a wire agency or international broadcaster: other outlets quote and interview through it */
  quoted?: boolean;
}

export interface Outlets {
  entries: OutletEntry[];
  /** alias (lowercased) → canonical name */
  byAlias: Map<string, string>;
  /** abbreviation (as written) → canonical name */
  byAbbreviation: Map<string, string>;
  /** every alias, longest first, as one pattern (case-insensitive, word-bounded) */
  aliasPattern: RegExp;
  /** every abbreviation, as one case-sensitive pattern */
  abbreviationPattern: RegExp | null;
  /** words that end an outlet's name ("News", "Times" …) for outlets not in the list */
  nameSuffixes: string[];
  /** canonical names of the outlets others quote (wire agencies, international broadcasters) */
  quoted: Set<string>;
}

export function buildOutlets(entries: OutletEntry[], nameSuffixes: string[]): Outlets {
  const byAlias = new Map<string, string>();
  const byAbbreviation = new Map<string, string>();
  for (const e of entries) {
    byAlias.set(e.name.toLowerCase(), e.name);
    for (const a of e.aliases) byAlias.set(a.toLowerCase(), e.name);
    for (const a of e.abbreviations) byAbbreviation.set(a, e.name);
  }
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const aliasPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const abbreviations = [...byAbbreviation.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const abbreviationPattern = abbreviations.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${abbreviations.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const quoted = new Set(entries.filter((e) => e.quoted).map((e) => e.name));
  return { entries, byAlias, byAbbreviation, aliasPattern, abbreviationPattern, nameSuffixes, quoted };
}

let loaded: Outlets | undefined;

export function defaultOutlets(): Outlets {
  if (!loaded) {
    const json = JSON.parse(readFileSync(path.join(dataDir, 'outlets.json'), 'utf8')) as {
      outlets: OutletEntry[];
      nameSuffixes: string[];
    };
    loaded = buildOutlets(json.outlets, json.nameSuffixes);
  }
  return loaded;
}

/** The canonical name of an outlet written as `name`, or null when it is not a known outlet. */
export function canonicalOutlet(outlets: Outlets, name: string): string | null {
  if (name.length > 120) return null; // no outlet's name is a paragraph long
  const written = name.trim().replace(/\s+/g, ' ');
  const key = written.toLowerCase();
  return outlets.byAlias.get(key) ?? outlets.byAlias.get(key.replace(/^the /, '')) ?? outlets.byAbbreviation.get(written) ?? null;
}

/** A known outlet written as itself or as its domain ("BBCUzbek.com", "INTERFAX.RU" → the name without the ending). */
export function outletOrDomain(outlets: Outlets, name: string): string | null {
  return canonicalOutlet(outlets, name) ?? canonicalOutlet(outlets, name.replace(/\.(?:com|org|net|ru|kz|uz|kg|tj|tm|az|info)$/i, ''));
}

/** Known outlets named in a text, in order of appearance, canonicalised. */
export function outletsIn(outlets: Outlets, text: string): { name: string; index: number; text: string }[] {
  const found: { name: string; index: number; text: string }[] = [];
  for (const m of text.matchAll(outlets.aliasPattern)) {
    const name = outlets.byAlias.get(m[0].toLowerCase());
    if (name) found.push({ name, index: m.index, text: m[0] });
  }
  if (outlets.abbreviationPattern) {
    for (const m of text.matchAll(outlets.abbreviationPattern)) {
      const name = outlets.byAbbreviation.get(m[0]);
      if (name && !found.some((f) => m.index >= f.index && m.index < f.index + f.text.length)) found.push({ name, index: m.index, text: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
