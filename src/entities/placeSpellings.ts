/**
 * Places written in a way no list spells them, found by their Latin spelling's skeleton: a
 * Cyrillic city in any case ending ("Худжанда", "Таразе", "Кызыл-Кии", "Жаңаөзендегі"), a
 * Turkish, Turkmen or Uzbek Latin spelling ("Kaşgar"); and a Cyrillic district or region named
 * with its administrative word, as an adjective or a noun ("Кадамджайского района" → Kadamjay
 * District, "Баткенской области" → Batken Region, "ноҳияи Дарвоз" → Darvoz District,
 * "Сайрам ауданы" → Sayram District).
 */
import { placeEntry, type Gazetteer, type GazetteerMatch } from './gazetteer.js';
import { foldKey, type Token } from './tokens.js';
import { spellingKey, transliterate } from '../text/transliterate.js';

const CYRILLIC_NAME = /^\p{Lu}[\p{Script=Cyrillic}]+$/u;
/** Russian adjective endings after -ск-/-цк-: "Баткенской", "Кадамджайского", "Юнусабадском" */
const ADJECTIVE = /^(.{3,}?)(?:ск|цк)(?:ая|ой|ую|ий|ого|ому|ом|ое|ие|их|им|ими)$/u;
const DISTRICT_AFTER = /^(?:район|аудан|туман|тумани|ноҳия)/u;
const REGION_AFTER = /^(?:област|облыс|облус|вилоят|округ|кра[йяюе])/u;
const DISTRICT_BEFORE = /^ноҳияи$/u;
const REGION_BEFORE = /^вилояти$/u;

const LISTED = /^(?:(?:\s*,\s*|\s+(?:и|ва)\s+)\p{Lu}[\p{Script=Cyrillic}-]*(?:ск|цк)\p{Ll}{1,3})+\s+(\p{Ll}+)/u;

type Level = 'district' | 'region' | null;

/**
 * A place written with the letters of Turkish, Turkmen or Uzbek Latin that the lists spell the
 * English way: "Kaşgar" → Kashgar, "Kaşgar’da" too. Only words with such a letter are tried.
 */
export function latinVariantPlace(g: Gazetteer, tokens: Token[], i: number): GazetteerMatch | null {
  const t = tokens[i]!;
  if (!t.capitalised || !/[şçğıöüýňäžʻ‘]/u.test(t.text)) return null;
  const word = t.text.replace(/['’][\p{Ll}]{1,5}$/u, '');
  const entry = g.skeletons.get(spellingKey(word));
  return entry !== undefined && entry >= 0 ? { entry, first: i, last: i, start: t.start, end: t.end } : null;
}

/** The Cyrillic place at token i, or null. Tried after the gazetteer's own names. */
export function cyrillicPlace(g: Gazetteer, text: string, tokens: Token[], i: number): GazetteerMatch | null {
  const first = tokens[i]!;
  const c = first.text.charCodeAt(0);
  if (c < 0x400 || c > 0x4ff || !first.capitalised || first.text.length < 3 || !CYRILLIC_NAME.test(first.text)) return null;
  // "Кызыл-Кии", "Джалал-Абадской": a hyphenated name is one word here
  let last = i;
  const next = tokens[i + 1];
  if (next && CYRILLIC_NAME.test(next.text) && /^[-‐‑]$/.test(text.slice(first.end, next.start))) last = i + 1;
  const written = text.slice(first.start, tokens[last]!.end);
  const after = tokens[last + 1];
  const before = tokens[i - 1];
  const spaced = (a: Token, b: Token) => /^\s{1,2}$/.test(text.slice(a.end, b.start));
  let level: Level = null;
  if (after && spaced(tokens[last]!, after)) level = DISTRICT_AFTER.test(after.key) ? 'district' : REGION_AFTER.test(after.key) ? 'region' : null;
  if (!level && before && spaced(before, first)) level = DISTRICT_BEFORE.test(before.key) ? 'district' : REGION_BEFORE.test(before.key) ? 'region' : null;
  const at = (entry: number): GazetteerMatch => ({ entry, first: i, last, start: first.start, end: tokens[last]!.end });

  const adjective = ADJECTIVE.exec(written);
  // "Алмазарского, Учтепинского и Юнусабадского районов": the word after the list is each one's
  if (adjective && !level) {
    const list = LISTED.exec(text.slice(tokens[last]!.end, tokens[last]!.end + 160));
    if (list) level = DISTRICT_AFTER.test(list[1]!) ? 'district' : REGION_AFTER.test(list[1]!) ? 'region' : null;
  }
  if (adjective) {
    // an adjective names a place only beside its administrative word ("Ферганская долина" is not a city)
    if (!level) return null;
    const stem = adjective[1]!;
    const region = g.adjectiveStems.get(foldKey(stem));
    const known = region ?? placeOf(g, nounsOf(stem));
    // "Учтепинского": a name in -а makes its adjective in -инский (Учтепа)
    const noun = /[бвгджзклмнпрстфхцчшщ]ин$/u.test(stem) ? stem.slice(0, -2) + 'а' : stem;
    const name = region?.name ?? known?.name ?? capitalised(transliterate(noun));
    const country = region ? g.entries[region.entry]!.country : known ? g.entries[known.entry]!.country : null;
    if (level === 'region' && region) return at(region.entry);
    return at(placeEntry(g, `${name} ${level === 'district' ? 'District' : 'Region'}`, country));
  }
  const known = placeOf(g, nounsOf(written));
  if (level === 'district')
    return at(placeEntry(g, `${known?.name ?? capitalised(transliterate(written))} District`, known ? g.entries[known.entry]!.country : null));
  if (known) return at(known.entry);
  if (level === 'region') return at(placeEntry(g, `${capitalised(transliterate(written))} Region`, null));
  return null;
}

/**
 * Case endings of Russian, Kazakh, Kyrgyz, Uzbek and Tajik that a place name takes ("Худжанда",
 * "Жаңаөзендегі", "Андижонда", "Баткенде"): only these come off, so "Қасымов" stays a surname.
 */
const ENDING =
  /^(?:а|я|у|ю|е|ы|и|ом|ем|ой|ей|ах|ях|ам|ям|(?:[дт][аеыіо]|[нлдт][аеыі]н|[гғкқ][аеыіо]|[ндт][ыі]ң|[нд][ыі]|[дт][аеы]ғы|[дт]егі|ни|нинг|даги|ро)(?:[нл]ың|[нл]ің|[лд]ық|[лд]ік)?)$/u;

/** A noun's dictionary forms to try: as written, without a case ending, -ы/-и as -а/-я. */
function nounsOf(word: string): string[] {
  const out = [word];
  if (/[ыи]$/u.test(word)) out.push(word.slice(0, -1) + 'а', word.slice(0, -1) + 'я');
  if (/(?:ии|ие|ию)$/u.test(word)) out.push(word.slice(0, -2) + 'ия');
  for (let cut = 1; cut <= 6 && word.length - cut >= 4; cut++) if (ENDING.test(word.slice(-cut))) out.push(word.slice(0, -cut));
  return out;
}

/** The first form whose Latin skeleton is one place's. */
function placeOf(g: Gazetteer, forms: string[]): { entry: number; name: string } | null {
  for (const form of forms) {
    const entry = g.skeletons.get(spellingKey(transliterate(form)));
    if (entry !== undefined && entry >= 0) return { entry, name: g.entries[entry]!.name };
  }
  return null;
}

function capitalised(s: string): string {
  return s.replace(/(^|[-\s])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
