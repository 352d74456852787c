/**
 * People, found by rules over the text — no list of names: capitalised words that stand
 * where names stand (after a title or role, before "said", beside an appositive role) or
 * that have the shape of a Central Asian surname.
 */
import type { GazetteerMatch } from './matcher.js';
import type { Roles } from './roles.js';
import { adjacent, possessiveAfter, type Token } from './tokens.js';
import { transliterate } from '../text/transliterate.js';

const latin = (name: string) => (/\p{Script=Cyrillic}/u.test(name) ? transliterate(name) : name);

export interface PersonCandidate {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** the name in its dictionary form: "Махмуджоном Холдаровым" → "Махмуджон Холдаров" */
  name: string;
  /** number of name tokens */
  size: number;
  /** a title was written before it ("President …") */
  titled: boolean;
  /** the context says this is a person: a role beside it, "said", "according to" */
  context: boolean;
  surnameShaped: boolean;
  /** followed by a possessive ("Mirziyoyev’s visit") */
  possessive: boolean;
  /** two or more names with no sign of a person beside them: a person only if the article repeats the surname */
  weak: boolean;
}

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'ul', 'de', 'van', 'von', 'uulu', 'uly', 'kyzy', 'da', 'di']);
const SAY =
  /^(?:said|says|say|told|tells|added|adds|claimed|claims|estimated|estimates|stated|states|noted|notes|warned|warns|believes|believed|argued|argues|explained|explains|wrote|writes|announced|announces|admitted|admits|insisted|insists|stressed|emphasized|emphasised|recalled|recalls|reported|reports|asked|asks|declared|confirmed|denied|thinks|thought|suggested|spoke|speaking|commented|quoted|pledged|vowed|urged|acknowledged)$/;
const REPORTING_BEFORE = /^(?:reported|said|says|told|announced|added|claimed|stated|revealed)$/;

function isNameToken(t: Token): boolean {
  return t.capitalised && !t.allCaps && /^\p{Lu}[\p{Ll}\p{M}'’]/u.test(t.text);
}

/** "Tajik Special Police Commander Disappears": a headline in title case, where a capital says nothing */
function titleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.text.length >= 4);
  return words.length >= 3 && words.every((t) => t.capitalised);
}

export function findPeople(text: string, tokens: Token[], matches: GazetteerMatch[], roles: Roles): PersonCandidate[] {
  const headline = titleCase(tokens);
  const covered = new Uint8Array(tokens.length);
  for (const m of matches) for (let k = m.first; k <= m.last; k++) covered[k] = 1;
  const out: PersonCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (covered[i] || !isNameToken(tokens[i]!)) {
      i++;
      continue;
    }
    // the run of capitalised words (with name particles inside it)
    let j = i;
    while (j + 1 < tokens.length && !covered[j + 1] && adjacent(text, tokens[j]!, tokens[j + 1]!)) {
      const next = tokens[j + 1]!;
      if (isNameToken(next)) j++;
      else if (PARTICLES.has(next.key) && j + 2 < tokens.length && isNameToken(tokens[j + 2]!) && !covered[j + 2] && adjacent(text, next, tokens[j + 2]!))
        j += 2;
      else break;
      if (possessiveAfter(text, tokens[j]!)) break;
    }
    const candidate = candidateIn(text, tokens, i, j, roles);
    if (candidate && !(headline && candidate.size === 1)) {
      // "known as Umar Islom and Khoji Furkon": the second of a pair stands where the first does
      const previous = out[out.length - 1];
      if (previous?.context && candidate.weak && /^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(text.slice(previous.end, candidate.start))) {
        candidate.context = true;
        candidate.weak = false;
      }
      out.push(candidate);
    }
    i = j + 1;
  }
  return out;
}

function candidateIn(text: string, tokens: Token[], from: number, to: number, roles: Roles): PersonCandidate | null {
  let first = from;
  let titled = false;
  // strip titles ("President Nursultan Nazarbayev") and a sentence's first word ("Meanwhile Rahimzoda")
  const sentenceStart = from === 0 || /[.!?:;"“”(]\s*$/.test(text.slice(tokens[from - 1]!.end, tokens[from]!.start));
  while (first <= to) {
    const t = tokens[first]!.text;
    if (roles.titleWords.has(t)) titled = true;
    else if (!(first === from && sentenceStart && roles.notNameWords.has(t))) break;
    first++;
  }
  // "Prosecutor General Yusuf Rahmon", "Terrorismus-Experte Peter Neumann": the name follows the last title word
  for (let k = to - 1; k >= first; k--) {
    if (!roles.titleWords.has(tokens[k]!.text)) continue;
    first = k + 1;
    titled = true;
    break;
  }
  if (first > to) return null;
  // "Mr. Tokayev": the abbreviation's full stop keeps it out of the run
  const prev = tokens[first - 1];
  if (prev && /^(?:mr|mrs|ms|dr|prof|gen|col|sen|rep)$/.test(prev.key) && /^\.\s?$/.test(text.slice(prev.end, tokens[first]!.start))) titled = true;
  const names = tokens.slice(first, to + 1);
  if (names.length > 4 || names.some((t) => roles.notNameWords.has(t.text) || roles.titleWords.has(t.text))) return null;
  const last = tokens[to]!;
  // "Mackinder’in": a Turkish suffix after an apostrophe is not part of the name
  const name = nominative(names.map((t) => t.text.replace(/(?<=\p{L}{3})['’][\p{Ll}]{1,4}$/u, '')));
  if (roles.notNameWords.has(name[name.length - 1]!)) return null;
  const surnameShaped = roles.surnameEnding.test(last.text) || CYRILLIC_SURNAME.test(name[name.length - 1]!);
  const nameCount = names.filter((t) => !PARTICLES.has(t.key)).length;
  const roled = roleBefore(text, tokens, first, roles);
  // "…, Токаев публично разрешил": a Russian-shaped surname inside a sentence is a person's
  const russianSurname = nameCount === 1 && !sentenceStart && first === from && RUSSIAN_SURNAME.test(name[0]!);
  const context =
    roled ||
    roleAfter(text, tokens, to, roles) ||
    attribution(text, tokens, first, to) ||
    reportedBefore(text, tokens, first, to) ||
    nameShaped(names) ||
    russianSurname;
  // two capitalised words with nothing else to say they are a person: kept if the article repeats the last alone
  const weak = nameCount >= 2 && !(titled || surnameShaped || context);
  return {
    first,
    last: to,
    start: tokens[first]!.start,
    end: last.end,
    text: text.slice(tokens[first]!.start, last.end),
    // as written ("Kassym-Jomart Tokayev") unless a case ending came off
    // a Cyrillic name in Latin letters, so that "Назарбаева" and "Nazarbayev" are one person
    name: latin(asWritten(text.slice(tokens[first]!.start, last.end), names, name)),
    size: nameCount,
    // "his brother Nazir": a role right before one name makes it a person's
    titled: titled || (roled && nameCount === 1),
    context,
    surnameShaped,
    possessive: possessiveAfter(text, last),
    weak,
  };
}

/** The name as written ("Kassym-Jomart Tokayev"), unless an ending came off a word: then its words. */
function asWritten(written: string, tokens: Token[], words: string[]): string {
  const changed = words.findIndex((w, k) => w !== tokens[k]!.text);
  if (changed < 0) return written;
  // only the last word lost an ending ("Mackinder’in"): the written name without it
  if (changed === words.length - 1 && tokens[changed]!.text.startsWith(words[changed]!))
    return written.slice(0, written.length - (tokens[changed]!.text.length - words[changed]!.length));
  return words.join(' ');
}

/** "Osama bin Laden", "Kubatbek uulu Aidar", "Abu Muhammad al-Tajiki": shapes only a person's name has. */
function nameShaped(names: Token[]): boolean {
  if (names.length < 2) return false;
  if (names.slice(1, -1).some((t) => /^(?:bin|ibn|uulu|kyzy|uly|ogly|oglu)$/.test(t.key))) return true;
  return /^(?:abu|umm)$/.test(names[0]!.key);
}

/** Cyrillic surnames: Russian -ов/-ев/-ин and their feminines, Tajik -зода/-заде, Kyrgyz and Kazakh patronymics. */
const CYRILLIC_SURNAME = /\p{Script=Cyrillic}(?:ов|ова|ев|ева|ёв|ёва|ин|ина|зода|заде|уулу|улы|ұлы|кызы|қызы)$/u;
/** The part of those endings that no common word of the same languages has (-ин is also a town's: Берлин). */
const RUSSIAN_SURNAME = /\p{Script=Cyrillic}(?:ов|ова|ев|ева|ёв|ёва|зода|заде)$/u;
/** Kazakh, Uzbek and Kyrgyz case suffixes on the last word of a name: Дауылбаевтың, Холдаровнинг, Рахимзодага. */
const TURKIC_CASE =
  /^(.+(?:ов|ев|ёв|ин|зода|заде))(?:тың|тің|ның|нің|дың|дің|нинг|га|ға|қа|ка|ге|ке|да|та|де|те|дан|тан|ден|тен|ни|ны|ні|ды|ді|ты|ті|мен|пен|бен)$/u;
/** Russian case endings on a surname, and what the same case puts on the given name before it. */
const RUSSIAN_CASE: [RegExp, RegExp][] = [
  [/^(.+(?:ов|ев|ёв|ин))ым$/u, /(?<=\p{L}{3})(?:ом|ем)$/u],
  [/^(.+(?:ов|ев|ёв|ин))а$/u, /(?<=\p{L}{3}[бвгджзклмнпрстфхцчшщ])а$/u],
  [/^(.+(?:ов|ев|ёв|ин))у$/u, /(?<=\p{L}{3}[бвгджзклмнпрстфхцчшщ])у$/u],
  [/^(.+(?:ов|ев|ёв|ин))е$/u, /(?<=\p{L}{3}[бвгджзклмнпрстфхцчшщ])е$/u],
];

/**
 * A Cyrillic name in its dictionary form, so that every case of it counts as one person.
 * Turkic languages inflect only the last word; Russian inflects both. Other names are left alone.
 */
export function nominative(words: string[]): string[] {
  const last = words[words.length - 1]!;
  if (!/\p{Script=Cyrillic}/u.test(last)) return words;
  const turkic = TURKIC_CASE.exec(last);
  if (turkic) return [...words.slice(0, -1), turkic[1]!];
  for (const [surname, given] of RUSSIAN_CASE) {
    const m = surname.exec(last);
    if (m) return [...words.slice(0, -1).map((w) => w.replace(given, '')), m[1]!];
  }
  return words;
}

/** The lowercase words right before the name form a role: "council secretary Marat Tajin", "president, Islam Kerimov". */
function roleBefore(text: string, tokens: Token[], first: number, roles: Roles): boolean {
  const before: string[] = [];
  for (let k = first - 1; k >= 0 && before.length < 3; k--) {
    const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    if (!/^(?:[ \u00a0]|,\s|\s[‘'“"]|[’'”"]\s)$/.test(gap) && !(before.length === 0 && /^,\s$/.test(gap))) break;
    before.unshift(tokens[k]!.key);
    if (endsInRole(before, roles)) return true;
  }
  return false;
}

/** Whether the words end in a role phrase ("former deputy chairman" ends in "deputy chairman"). */
function endsInRole(words: string[], roles: Roles): boolean {
  for (let n = 1; n <= Math.min(words.length, roles.longestRole); n++) if (roles.roles.has(words.slice(-n).join(' '))) return true;
  return false;
}

/** ", a theologian", ", former MP", ", the deputy chairman" right after the name. */
function roleAfter(text: string, tokens: Token[], last: number, roles: Roles): boolean {
  const rest = text.slice(tokens[last]!.end, tokens[last]!.end + 60);
  const m = /^['’]?s?,\s+(?:(?:a|an|the|his|her|its|their)\s+)?((?:[\p{L}-]+\s?){1,4})/u.exec(rest);
  if (!m) return false;
  const ws = m[1]!
    .toLowerCase()
    .trim()
    .split(/[\s-]+/);
  for (let n = 1; n <= ws.length; n++) {
    const head = ws.slice(0, n);
    if (endsInRole(head, roles)) return true;
  }
  return false;
}

/** "Koshim said", "according to X", "X, the deputy chairman …, said". */
function attribution(text: string, tokens: Token[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (next && SAY.test(next.key) && /^,?\s+$/.test(text.slice(tokens[last]!.end, next.start))) return true;
  // an appositive between the name and the verb: "Abdulaziz Mansur, ... , said" / "X, who …, said"
  const after = text.slice(tokens[last]!.end, tokens[last]!.end + 120);
  if (/^,\s[^.;:!?“”"]{0,100}?,\s(?:\p{Ll}+\s)?(?:said|says|told|added|claimed|stated|noted|warned|estimated)\b/u.test(after)) return true;
  // "Nobuhisa Nakajima, 49,": an age after a name
  if (/^,\s\d{1,3}(?:[,.;]|\)|\s+years?\b|-year-old)/.test(after)) return true;
  const before = text.slice(Math.max(0, tokens[first]!.start - 24), tokens[first]!.start);
  return /(?:according to|identified as|known as|named|nicknamed|dubbed|alias)\s[“"‘']?$/i.test(before);
}

/** "State media reported Shohrat Zakir made the pledge": a name reported as the subject of a clause. */
function reportedBefore(text: string, tokens: Token[], first: number, last: number): boolean {
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  if (!prev || !next || !REPORTING_BEFORE.test(prev.key)) return false;
  if (!/^\s+$/.test(text.slice(prev.end, tokens[first]!.start)) || !/^\s+$/.test(text.slice(tokens[last]!.end, next.start))) return false;
  return /^\p{Ll}/u.test(next.text) && last > first;
}
