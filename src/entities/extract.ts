/**
 * Mentions for a whole corpus: gazetteer matches (countries, places, organizations,
 * institutions) and people, with paragraph and character offsets into `paragraphs`.
 * Only the cleaned paragraphs are read: boilerplate that was removed is never counted.
 */
import type { Article, Mention } from '../corpus/types.js';
import { defaultGazetteer, slug, type Gazetteer } from './gazetteer.js';
import { matchGazetteer, type GazetteerMatch } from './matcher.js';
import { findPeople, type PersonCandidate } from './people.js';
import { PersonIndex } from './resolve.js';
import { defaultRoles, type Roles } from './roles.js';
import { tokenize } from './tokens.js';

interface ParagraphScan {
  text: string;
  matches: GazetteerMatch[];
  people: PersonCandidate[];
}

export function extractMentions(articles: Pick<Article, 'paragraphs' | 'dateline'>[], gazetteer: Gazetteer = defaultGazetteer(), roles: Roles = defaultRoles()): Mention[][] {
  const scans: ParagraphScan[][] = articles.map((a) =>
    a.paragraphs.map((text) => {
      const tokens = tokenize(text);
      const matches = matchGazetteer(gazetteer, text, tokens);
      return { text, matches, people: findPeople(text, tokens, matches, roles) };
    }),
  );
  const people = new PersonIndex();
  scans.forEach((paras, ai) => paras.forEach((p) => p.people.filter((c) => c.size >= 2).forEach((c) => people.add(c.text, ai))));

  return scans.map((paras, ai) => {
    const mentions: Mention[] = [];
    paras.forEach((p, paragraph) => {
      let previous: { match: GazetteerMatch; mention: Mention | null } | null = null;
      // a dateline ("LONDON (TCA) —") names the place the story was filed from, which counts,
      // and the agency that filed it, which is the publisher rather than a subject
      const skipUntil = paragraph === 0 ? datelineEnd(p.text, articles[ai]!.dateline) : 0;
      for (const [k, m] of p.matches.entries()) {
        const kind = gazetteer.entries[m.entry]!.kind;
        if (m.start < skipUntil && kind !== 'place' && kind !== 'country') continue;
        const mention = gazetteerMention(gazetteer, p.text, regionOf(gazetteer, p.text, p.matches, k), previous, paragraph);
        if (mention) mentions.push(mention);
        previous = { match: m, mention };
      }
      for (const c of p.people) {
        const name = personName(c, people, ai);
        if (name) mentions.push({ type: 'person', id: `person:${slug(name)}`, name, text: c.text, paragraph, start: c.start, end: c.end });
      }
    });
    return mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  });
}

/**
 * "the Almaty, Aktobe, Atyrau regions": places listed before "regions" or "province" are the
 * regions of those names, where the gazetteer has them.
 */
function regionOf(g: Gazetteer, text: string, matches: GazetteerMatch[], k: number): GazetteerMatch {
  const m = matches[k]!;
  const entry = g.entries[m.entry]!;
  if (entry.kind !== 'place') return m;
  let end = m.end;
  for (let j = k + 1; j < matches.length && /^(?:,\s*|\s+and\s+|\s*&\s*)$/.test(text.slice(end, matches[j]!.start)) && g.entries[matches[j]!.entry]!.kind === 'place'; j++) end = matches[j]!.end;
  if (!/^\s+(?:regions?|provinces?|oblasts?)\b/i.test(text.slice(end, end + 12))) return m;
  const region = g.regionByName.get(`${entry.name} Region`);
  return region === undefined ? m : { ...m, entry: region };
}

function datelineEnd(text: string, dateline: string | null | undefined): number {
  if (!dateline || !text.startsWith(dateline)) return 0;
  const dash = /\s(?:—|–|--|-)\s/.exec(text.slice(0, dateline.length + 80));
  return dash ? dash.index : 0;
}

function gazetteerMention(g: Gazetteer, text: string, m: GazetteerMatch, previous: { match: GazetteerMatch; mention: Mention | null } | null, paragraph: number): Mention | null {
  const entry = g.entries[m.entry]!;
  const written = text.slice(m.start, m.end);
  if (entry.kind !== 'institution') return { type: entry.kind, id: entry.id, name: entry.name, text: written, paragraph, start: m.start, end: m.end };
  // "Kazakh Security Council", "Tajikistan’s Interior Ministry": the country before names whose body it is
  const qualifier = previous?.mention?.type === 'country' && /^(?:['’]s)?\s+$/.test(text.slice(previous.match.end, m.start)) ? previous.mention : null;
  if (qualifier) {
    const cca3 = qualifier.id.slice('country:'.length);
    return { type: 'organization', id: `${entry.id}:${cca3}`, name: `${entry.name} (${qualifier.name})`, text: written, paragraph, start: m.start, end: m.end };
  }
  // without a country, only a name written as one ("the Interior Ministry said"), not "the ministry"
  if (!/^\p{Lu}/u.test(written) || written.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !/^(?:of|for|the|and)$/.test(w))) return null;
  return { type: 'organization', id: entry.id, name: entry.name, text: written, paragraph, start: m.start, end: m.end };
}

function personName(c: PersonCandidate, people: PersonIndex, article: number): string | null {
  if (c.size >= 2) return people.canonical(c.text);
  const resolved = people.resolveSurname(c.text, article);
  if (resolved) return resolved;
  // an unresolved single name needs a surname's shape and something else that marks a person
  if (c.surnameShaped && (c.context || c.titled || c.possessive)) return c.text;
  if (c.titled && c.context) return c.text;
  return null;
}
