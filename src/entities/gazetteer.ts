/**
 * The gazetteer: countries (world-countries plus data/gazetteer/countries.json), places,
 * organizations and institutions (data/gazetteer/), and news outlets (data/outlets.json),
 * compiled into one token trie so that a text is matched in a single pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { MentionType } from '../corpus/types.js';
import { dataDir } from '../paths.js';
import { countryNamesByLanguage, INFLECTING, isArabicScript, isHan, peopleStem } from './countryNames.js';
import { addPlaceNames, type PlaceNameData } from './placeNames.js';
import { foldKey, slug, tokenize } from './tokens.js';
import { spellingKey } from '../text/transliterate.js';

export type EntryKind = MentionType | 'institution';

export interface Entry {
  id: string;
  kind: EntryKind;
  name: string;
  /** ISO alpha-3 of the entity's country (a place's, an organization's home) */
  country: string | null;
}

/** How the case of the text must agree with an alias. */
export type CaseRule = 'exact' | 'capitalised' | 'title' | 'any';

export interface AliasTarget {
  entry: number;
  caseRule: CaseRule;
  /** the alias's own tokens, for exact comparison */
  tokens: string[];
}

/** A name found in a text: its entry, its token range [first, last] and its characters. */
export interface GazetteerMatch {
  entry: number;
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  targets: AliasTarget[];
}

export interface Gazetteer {
  entries: Entry[];
  root: TrieNode;
  /**
   * One-word names by stem, for inflected forms in the languages that inflect them
   * (Казахстана, России, Қазақстанда, Tacikistan’da, بطاجيكستان, узбекский): stem → entry
   */
  stems: Map<string, number>;
  /** the first four letters of every stem → the lengths of the stems that begin so, longest first */
  stemHeads: Map<string, number[]>;
  /** names in scripts written without spaces (Chinese) and their entries; by first character, their lengths, longest first */
  cjkEntries: Map<string, number>;
  cjkLengths: Map<string, number[]>;
  /** country id (alpha-3) → canonical country name */
  countryNames: Map<string, string>;
  /** canonical place name → entry, for "X Region" look-ups */
  regionByName: Map<string, number>;
  /** "National Security Committee|KGZ" → the entry of Kyrgyzstan's own committee */
  bodyOf: Map<string, number>;
  /** lowercased words that end an organization's name (Committee, Front, Opposition …) */
  headWords: Set<string>;
  /** lowercased names of that shape that are not organizations (Soviet Union) */
  notOrganizations: Set<string>;
  /** entries from the cities list: they count only standing apart from other capitalised words */
  cities: Set<number>;
  /** a place's Latin spelling skeleton → its entry (-1 where two places share one), for names met in Cyrillic */
  skeletons: Map<string, number>;
  /** a region's Russian adjective stem ("Баткен" of "Баткенская область", folded) → the region and its bare English name */
  adjectiveStems: Map<string, { entry: number; name: string }>;
  /** folded one-word place names from other languages' lists ("Qobul", "Kabil"): like the world's cities, they count only standing apart from a longer name */
  foreignNames: Set<string>;
  /** places the project's own list holds (data/gazetteer/places.json); the rest come from world lists */
  listed: Set<number>;
  /** folded place name → entry; districts named by a rule ("Кадамджайского района") are added to it as met */
  placeByName: Map<string, number>;
}

interface CountryData {
  include: string[];
  aliases: Record<string, string[]>;
  dropAliases: string[];
  historical?: { code: string; name: string; aliases: string[] }[];
}
interface PlaceData {
  places: { name: string; country: string | null; aliases: string[] }[];
  notCities?: string[];
}
interface CityData {
  cities: ([string, string, number] | [string, string, number, string])[];
}
interface OrgData {
  headWords?: string[];
  notOrganizations?: string[];
  organizations: { name: string; country: string | null; aliases: string[]; institution?: string }[];
  institutions: { name: string; aliases: string[] }[];
}
interface OutletData {
  outlets: { name: string; aliases: string[]; abbreviations: string[] }[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export { slug } from './tokens.js';

/** Acronyms ("IS", "IMU", "U.S.") must match letter for letter. */
function caseRuleOf(alias: string, tokenCount: number, kind: EntryKind): CaseRule {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && !/\p{Ll}/u.test(letters) && (letters.length <= 6 || /\./.test(alias))) return 'exact';
  // Russian and other languages capitalise only a name's first word, and not always
  if (tokenCount > 1) return kind === 'organization' && /^[\p{Script=Latin}\P{L}]+$/u.test(alias) ? 'title' : 'any';
  return 'capitalised';
}

/** Plurals of a demonym: Kazakh → Kazakhs, Uzbekistani → Uzbekistanis, Afghan → Afghans. */
function plural(word: string): string | null {
  if (/(?:s|sh|ch|ese|ss|x|z)$/i.test(word) || /\s/.test(word)) return null;
  return word + 's';
}

/** The lengths of the keys that begin with each head of `size` characters, longest first: what to try at a position. */
function lengthsByHead(keys: Iterable<string>, size: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const k of keys) {
    const list = out.get(k.slice(0, size)) ?? [];
    if (!list.includes(k.length)) list.push(k.length);
    out.set(k.slice(0, size), list);
  }
  for (const list of out.values()) list.sort((a, b) => b - a);
  return out;
}

/** The children of every leaf: never written to (addAlias gives a node its own map first). */
const LEAF: Map<string, TrieNode> = new Map();

export class GazetteerBuilder {
  readonly entries: Entry[] = [];
  readonly root: TrieNode = { next: new Map(), targets: [] };
  readonly stems = new Map<string, number>();
  readonly cjk = new Map<string, number>();
  readonly countryNames = new Map<string, string>();
  readonly bodyOf = new Map<string, number>();
  headWords = new Set<string>();
  readonly cities = new Set<number>();
  notOrganizations = new Set<string>();
  /** folded place name → its entry: later data adds names to a place rather than making it twice */
  readonly placeByName = new Map<string, number>();
  readonly listed = new Set<number>();
  readonly foreignNames = new Set<string>();
  readonly skeletons = new Map<string, number>();
  readonly adjectiveStems = new Map<string, { entry: number; name: string }>();

  /** An inflecting language's one-word name: its stem (a Russian nominative loses its final vowel). */
  addStem(entry: number, name: string): void {
    if (/\s/.test(name)) return;
    // Chinese names are two characters and up (中国, 印度), and stand inside runs of text
    if (isHan(name)) {
      if (name.length >= 2 && !this.cjk.has(name)) this.cjk.set(name, entry);
      return;
    }
    const key = foldKey(name);
    const stem = /\p{Script=Cyrillic}/u.test(key) ? key.replace(/[аяйьеоиыу]$/u, '') : key;
    if ([...stem].length >= (isArabicScript(stem) ? 3 : 4) && !this.stems.has(stem)) this.stems.set(stem, entry);
  }

  add(entry: Entry, aliases: Iterable<string>): number {
    const index = this.entries.push(entry) - 1;
    if (entry.kind === 'place' && !this.placeByName.has(foldKey(entry.name))) this.placeByName.set(foldKey(entry.name), index);
    this.addAliases(index, aliases);
    return index;
  }

  addAliases(index: number, aliases: Iterable<string>): void {
    const seen = new Set<string>();
    const place = this.entries[index]!.kind === 'place';
    for (const alias of aliases) {
      const a = alias.trim();
      if (!a || seen.has(a)) continue;
      seen.add(a);
      this.addAlias(index, a);
      // "Saint Petersburg" is written "St. Petersburg" as often
      if (place && /^Saint\s/.test(a)) this.addAlias(index, a.replace(/^Saint/, 'St.'));
      if (place && /^[\p{Script=Latin}\s'’‘ʻ.-]+$/u.test(a)) this.addSkeleton(index, a);
    }
  }

  private addSkeleton(index: number, latin: string): void {
    const key = spellingKey(latin);
    if (key.length < 4) return;
    const had = this.skeletons.get(key);
    if (had === undefined) this.skeletons.set(key, index);
    else if (had !== index) this.skeletons.set(key, -1);
  }

  private addAlias(entry: number, written: string): void {
    // "The Associated Press" is matched as "Associated Press": the article is not part of the name
    const alias = written.replace(/^the\s+(?=\S+\s+\S)/i, '');
    const tokens = tokenize(alias);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t.key);
      if (!child) {
        // most nodes are leaves: they share one empty map until a longer name needs its own
        if (node.next === LEAF) node.next = new Map();
        node.next.set(t.key, (child = { next: LEAF, targets: [] }));
      }
      node = child;
    }
    const caseRule = caseRuleOf(alias, tokens.length, this.entries[entry]!.kind);
    if (!node.targets.some((x) => x.entry === entry && x.caseRule === caseRule)) node.targets.push({ entry, caseRule, tokens: tokens.map((t) => t.text) });
    if (tokens.length === 1 && /[\u0400-\u04FF]/.test(alias) && alias.length >= 4) this.addStem(entry, alias);
    // a place in Arabic script or Bengali takes clitics and endings too: "وكابل", "দুশানবের"
    if (tokens.length === 1 && this.entries[entry]!.kind === 'place' && /\p{Script=Arabic}/u.test(alias) && [...alias].length >= 4) this.addStem(entry, alias);
    // Bengali writes every name with its case ending: "আইএসএর" (of IS), "দুশানবের"
    if (tokens.length === 1 && /\p{Script=Bengali}/u.test(alias) && [...alias].length >= 3) this.addStem(entry, alias);
    if (isHan(alias) && !/\s/.test(alias)) this.addStem(entry, alias);
  }

  build(): Gazetteer {
    const regionByName = new Map<string, number>();
    this.entries.forEach((e, i) => {
      if (e.kind === 'place') regionByName.set(e.name, i);
    });
    const cjkLengths = lengthsByHead(this.cjk.keys(), 1);
    const stemHeads = lengthsByHead(this.stems.keys(), 4);
    return {
      entries: this.entries,
      root: this.root,
      stems: this.stems,
      stemHeads,
      cjkEntries: this.cjk,
      cjkLengths,
      countryNames: this.countryNames,
      regionByName,
      bodyOf: this.bodyOf,
      headWords: this.headWords,
      notOrganizations: this.notOrganizations,
      cities: this.cities,
      skeletons: this.skeletons,
      adjectiveStems: this.adjectiveStems,
      placeByName: this.placeByName,
      listed: this.listed,
      foreignNames: this.foreignNames,
    };
  }
}

export function loadGazetteer(dir = path.join(dataDir, 'gazetteer'), outletsFile = path.join(dataDir, 'outlets.json')): Gazetteer {
  return runToEnd(gazetteerSteps(dir, outletsFile));
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The build, as steps: it yields every few dozen countries or few hundred places, so that
 * the dashboard can build it between key presses (gazetteerStep) instead of on the keystroke
 * that first needs it (0.3–0.9 s).
 */
function* gazetteerSteps(dir = path.join(dataDir, 'gazetteer'), outletsFile = path.join(dataDir, 'outlets.json')): Generator<void, Gazetteer> {
  const b = new GazetteerBuilder();
  let n = 0;
  const worldCountries = createRequire(import.meta.url)('world-countries/countries.json') as Country[];
  const countries = readJson<CountryData>(path.join(dir, 'countries.json'));
  const drop = new Set(countries.dropAliases);
  const include = new Set(countries.include);
  yield;
  const inLanguages = yield* countryNamesByLanguage();
  yield;
  for (const c of worldCountries) {
    if (++n % 25 === 0) yield;
    if (!(c.independent || c.unMember || include.has(c.cca3))) continue;
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d);
    const extra = countries.aliases[c.cca3] ?? [];
    const names = [
      c.name.common,
      c.name.official,
      // two-letter codes such as "KZ" or "TM" would match ordinary text
      ...c.altSpellings.filter((s) => s.length > 3 || /[^\x00-\x7F]/.test(s)),
      c.translations?.rus?.common,
      c.translations?.rus?.official,
      ...demonyms,
      ...extra,
    ].filter((s): s is string => !!s && !drop.has(s));
    const plurals = [...demonyms, ...extra.filter((e) => /^\p{Lu}\p{Ll}+$/u.test(e) && !/stan$/.test(e))].map(plural).filter((s): s is string => !!s);
    b.countryNames.set(c.cca3, c.name.common);
    // other languages' names; a plain Latin or Cyrillic name of three letters is a word somewhere ("Чад"),
    // one with a letter English lacks ("Çin") or in another script ("چین", "مصر") is not
    const foreign = (inLanguages.get(c.cca3) ?? []).filter(
      ({ name: n }) => ([...n].length > 3 || /[^\x00-\x7f\u0400-\u04ff]/.test(n)) && !drop.has(n) && !names.includes(n),
    );
    const entry = b.add({ id: `country:${c.cca3}`, kind: 'country', name: c.name.common, country: c.cca3 }, [
      ...names,
      ...plurals,
      ...foreign.map((f) => f.name),
    ]);
    for (const { name: n, lang } of foreign) {
      if (!INFLECTING.has(lang) && !isHan(n)) continue;
      b.addStem(entry, n);
      const people = peopleStem(n);
      if (people) b.addStem(entry, people);
    }
    // the Russian name world-countries gives ("Туркменистан", where CLDR says "Туркмения") has its people too
    for (const n of names.filter((x) => /[\u0400-\u04FF]/.test(x))) {
      const people = peopleStem(n);
      if (people) b.addStem(entry, people);
    }
  }
  for (const h of countries.historical ?? []) {
    b.countryNames.set(h.code, h.name);
    b.add({ id: `country:${h.code}`, kind: 'country', name: h.name, country: h.code }, [h.name, ...h.aliases]);
  }
  const placeData = readJson<PlaceData>(path.join(dir, 'places.json'));
  const known = new Set<string>();
  for (const p of placeData.places) {
    if (++n % 200 === 0) yield;
    b.listed.add(b.add({ id: `place:${slug(p.name)}`, kind: 'place', name: p.name, country: p.country }, [p.name, ...p.aliases]));
    for (const n of [p.name, ...p.aliases]) known.add(foldKey(n));
  }
  // the world's cities (a population floor), with guards: no names of three letters, no everyday words
  const notCities = new Set((placeData.notCities ?? []).map(foldKey));
  const citiesFile = path.join(dir, 'cities.json');
  if (existsSync(citiesFile)) {
    yield;
    for (const [name, country, , alt] of readJson<CityData>(citiesFile).cities) {
      if (++n % 200 === 0) yield;
      const names = [name, alt].filter((n): n is string => !!n && [...n].length > 3 && !notCities.has(foldKey(n)) && !known.has(foldKey(n)));
      if (names.length === 0) continue;
      const id = `place:${slug(name)}`;
      for (const n of names) known.add(foldKey(n));
      b.cities.add(b.add({ id, kind: 'place', name, country }, names));
    }
  }
  // the same places in other languages and scripts, and the world's provinces and regions
  const namesFile = path.join(dir, 'placeNames.json');
  if (existsSync(namesFile)) {
    const data = readJson<PlaceNameData>(namesFile);
    yield;
    yield* addPlaceNames(b, data, notCities);
  }
  const orgs = readJson<OrgData>(path.join(dir, 'organizations.json'));
  b.headWords = new Set((orgs.headWords ?? []).map((w) => w.toLowerCase()));
  b.notOrganizations = new Set((orgs.notOrganizations ?? []).map((w) => w.toLowerCase()));
  for (const o of orgs.organizations) {
    if (++n % 200 === 0) yield;
    const entry = b.add({ id: `org:${slug(o.name)}`, kind: 'organization', name: o.name, country: o.country }, [o.name, ...o.aliases]);
    if (o.institution && o.country) b.bodyOf.set(`${o.institution}|${o.country}`, entry);
  }
  for (const o of readJson<OutletData>(outletsFile).outlets) {
    b.add({ id: `org:${slug(o.name)}`, kind: 'organization', name: o.name, country: null }, [o.name, ...o.aliases, ...o.abbreviations]);
  }
  for (const inst of orgs.institutions)
    b.add({ id: `org:${slug(inst.name)}`, kind: 'institution', name: inst.name, country: null }, [inst.name, ...inst.aliases]);
  yield;
  return b.build();
}

/**
 * The entry of a place a rule named ("Kadamjay District" from "Кадамджайского района"): the
 * gazetteer's own if it has one, else a new entry, so that every later mention shares it.
 */
export function placeEntry(g: Gazetteer, name: string, country: string | null): number {
  const key = foldKey(name);
  const known = g.placeByName.get(key);
  if (known !== undefined) return known;
  const index = g.entries.push({ id: `place:${slug(name)}`, kind: 'place', name, country }) - 1;
  g.placeByName.set(key, index);
  return index;
}

let cached: Gazetteer | undefined;
/** the default gazetteer's build while it is under way in slices */
let building: Generator<void, Gazetteer> | null = null;

/** The gazetteer of steppe's own data, built once per process (finishing a build begun in slices). */
export function defaultGazetteer(): Gazetteer {
  if (!cached) {
    cached = runToEnd(building ?? gazetteerSteps());
    building = null;
  }
  return cached;
}

/** Builds the default gazetteer for about `budgetMs`; true once it is built. */
export function gazetteerStep(budgetMs: number): boolean {
  if (cached) return true;
  building ??= gazetteerSteps();
  const until = performance.now() + budgetMs;
  for (;;) {
    const r = building.next();
    if (r.done) {
      cached = r.value;
      building = null;
      return true;
    }
    if (performance.now() >= until) return false;
  }
}

/** The country (canonical name) of a place mention, from the gazetteer: Taraz → Kazakhstan. */
export function placeCountryOf(g: Gazetteer = defaultGazetteer()): (m: { type: string; id: string }) => string | null {
  const byId = new Map<string, string>();
  for (const e of g.entries) if (e.kind === 'place' && e.country) byId.set(e.id, g.countryNames.get(e.country) ?? e.country);
  return (m) => (m.type === 'place' ? (byId.get(m.id) ?? null) : null);
}
