/**
 * A deterministic synthetic corpus for benchmarks and soak tests: articles of 300–1,500 words
 * built from templates and vocabularies of this field, with titles, publishers, authors,
 * dates over 1999–2024 (some undated), boilerplate recorded as removed, and mentions placed
 * by the generator itself (so that a large corpus needs no extraction pass to be useful).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleId } from '../corpus/article.js';
import type { Article, Mention, MentionType } from '../corpus/types.js';
import { slug } from '../entities/gazetteer.js';
import { dataDir } from '../paths.js';
import { longTail } from './longTail.js';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES: [string, string, string][] = [
  ['KAZ', 'Kazakhstan', 'Kazakh'],
  ['KGZ', 'Kyrgyzstan', 'Kyrgyz'],
  ['TJK', 'Tajikistan', 'Tajik'],
  ['UZB', 'Uzbekistan', 'Uzbek'],
  ['TKM', 'Turkmenistan', 'Turkmen'],
  ['AFG', 'Afghanistan', 'Afghan'],
  ['RUS', 'Russia', 'Russian'],
  ['CHN', 'China', 'Chinese'],
  ['SYR', 'Syria', 'Syrian'],
  ['IRQ', 'Iraq', 'Iraqi'],
  ['TUR', 'Turkey', 'Turkish'],
  ['USA', 'United States', 'American'],
];
const FIRST = [
  'Aibek',
  'Nurlan',
  'Dilnoza',
  'Rustam',
  'Gulnara',
  'Farrukh',
  'Timur',
  'Aigerim',
  'Bakhtiyor',
  'Zarina',
  'Erlan',
  'Madina',
  'Sherzod',
  'Kanat',
  'Saltanat',
  'Jamshid',
  'Ulugbek',
  'Aziza',
  'Murat',
  'Laziz',
];
const SURNAME_ROOTS = [
  'Karim',
  'Tokpak',
  'Nazar',
  'Abdull',
  'Yusup',
  'Rakhim',
  'Sultan',
  'Ismail',
  'Akhmet',
  'Bekmur',
  'Sadyk',
  'Kurman',
  'Zhaks',
  'Umar',
  'Dzhur',
  'Mamyt',
  'Ergash',
  'Khodj',
  'Tash',
  'Amir',
];
const ENDINGS = ['ov', 'ev', 'bayev', 'zoda', 'uly', 'ova', 'iyev'];
const ROLES = [
  'Interior Minister',
  'Defence Minister',
  'political analyst',
  'security council secretary',
  'spokesman',
  'regional governor',
  'theologian',
  'Deputy Prosecutor General',
];
const FILLER = [
  'Officials did not give further details about the operation.',
  'The authorities have tightened controls along the border in recent months.',
  'Human rights groups say the measures are used against peaceful believers as well.',
  'Analysts warn that poverty and unemployment drive young people towards radical groups.',
  'The government has promised to expand programmes for returning citizens.',
  'Security services have stepped up monitoring of messaging applications.',
  'Local residents told reporters that checkpoints had slowed trade in the region.',
  'The case has drawn attention from diplomats in the capital.',
  'Courts have handed down dozens of sentences on extremism charges this year.',
  'Experts say regional cooperation remains limited by mutual distrust.',
];

/** Ordinary words of the templates, of six letters or more: what typos are made of. */
const COMMON = [
  ...new Set(
    FILLER.join(' ')
      .toLowerCase()
      .match(/[a-z]{6,}/g) ?? [],
  ),
];

interface Vocab {
  places: { name: string; country: string }[];
  orgs: { name: string; alias: string }[];
  outlets: string[];
}

function vocabulary(): Vocab {
  const places = (
    JSON.parse(readFileSync(path.join(dataDir, 'gazetteer', 'places.json'), 'utf8')) as { places: { name: string; country: string | null }[] }
  ).places.filter((p): p is { name: string; country: string } => p.country !== null && COUNTRIES.some(([c]) => c === p.country));
  const orgs = (
    JSON.parse(readFileSync(path.join(dataDir, 'gazetteer', 'organizations.json'), 'utf8')) as { organizations: { name: string; aliases: string[] }[] }
  ).organizations
    .slice(0, 20)
    .map((o) => ({ name: o.name, alias: o.aliases.find((a) => /^[A-Z]{2,5}$/.test(a)) ?? o.name }));
  const outlets = (JSON.parse(readFileSync(path.join(dataDir, 'outlets.json'), 'utf8')) as { outlets: { name: string }[] }).outlets.map((o) => o.name);
  return { places, orgs, outlets };
}

/** Builds a paragraph piece by piece, recording where each entity lands. */
class Paragraph {
  text = '';
  mentions: Omit<Mention, 'paragraph'>[] = [];
  add(s: string): this {
    this.text += s;
    return this;
  }
  entity(type: MentionType, id: string, name: string, written = name): this {
    this.mentions.push({ type, id, name, text: written, start: this.text.length, end: this.text.length + written.length });
    this.text += written;
    return this;
  }
}

/**
 * `vocabulary`: 'realistic' (the default) adds the long tail a real news vocabulary has, by
 * Heaps' law (longTail.ts); 'small' keeps to the templates' 2,445 words, for comparisons.
 */
export function* generateCorpus(count: number, seed = 1, options: { vocabulary?: 'realistic' | 'small' } = {}): Generator<Article> {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const v = vocabulary();
  // its own stream of numbers: the templates' draws stay what they were with a small vocabulary
  const tailRnd = random(seed ^ 0x5eed);
  const tail = options.vocabulary === 'small' ? null : longTail(tailRnd, COMMON);
  const person = () => {
    const first = pick(FIRST);
    const last = pick(SURNAME_ROOTS) + pick(ENDINGS);
    return `${first} ${last}`;
  };
  for (let i = 0; i < count; i++) {
    const [cc, country, demonym] = pick(COUNTRIES);
    const [cc2, country2] = pick(COUNTRIES);
    const place = pick(v.places.filter((p) => p.country === cc).concat(v.places.slice(0, 3)));
    const org = pick(v.orgs);
    const speaker = person();
    const role = pick(ROLES);
    const n = 2 + Math.floor(rnd() * 400);
    const year = 1999 + Math.floor(rnd() * 26);
    const words = 300 + Math.floor(rnd() * 1200);
    const paragraphs: Paragraph[] = [];
    const lead = new Paragraph()
      .entity('country', `country:${cc}`, country, demonym)
      .add(` authorities detained ${n} people suspected of links to `)
      .entity('organization', `org:${slug(org.name)}`, org.name)
      .add(' in ')
      .entity('place', `place:${slug(place.name)}`, place.name)
      .add(`, ${role} `)
      .entity('person', `person:${slug(speaker)}`, speaker)
      .add(` said in ${year}.`);
    paragraphs.push(lead);
    let total = lead.text.split(' ').length;
    while (total < words) {
      const p = new Paragraph();
      const sentences = 3 + Math.floor(rnd() * 4);
      for (let s = 0; s < sentences; s++) {
        const r = rnd();
        if (r < 0.25)
          p.add('According to ')
            .entity('person', `person:${slug(speaker)}`, speaker, speaker.split(' ')[1])
            .add(`, about ${10 + Math.floor(rnd() * 2000)} citizens have travelled to fight abroad. `);
        else if (r < 0.4)
          p.entity('country', `country:${cc}`, country)
            .add(' and ')
            .entity('country', `country:${cc2}`, country2)
            .add(' agreed to share intelligence on militant groups. ');
        else if (r < 0.5)
          p.add('Members of ')
            .entity('organization', `org:${slug(org.name)}`, org.name, org.alias)
            .add(' were also sentenced. ');
        else p.add(pick(FILLER) + ' ');
      }
      p.text = p.text.trimEnd();
      paragraphs.push(p);
      total += p.text.split(' ').length;
    }
    const texts = paragraphs.map((p) => p.text);
    // the long tail at the ends of paragraphs: the entities' offsets stay where they are
    if (tail) for (const sentence of tail.sentencesFor(total)) texts[Math.floor(tailRnd() * texts.length)] += ` ${sentence}`;
    const undated = rnd() < 0.08;
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    yield {
      id: `${articleId(texts, String(i))}-${i}`,
      file: `synthetic-${String(i).padStart(6, '0')}.txt`,
      title: `${demonym} authorities detain ${n} suspected members of ${org.alias}`,
      publisher: pick(v.outlets),
      author: person(),
      published: undated ? null : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      section: ['Asia', country],
      dateline: null,
      paragraphs: texts,
      removed: [
        { line: 1, text: 'Share this article', reason: 'share widget' },
        { line: 2, text: `© ${year} All rights reserved`, reason: 'copyright' },
      ],
      mentions: paragraphs.flatMap((p, k) => p.mentions.map((m) => ({ ...m, paragraph: k }))),
      duplicateOf: null,
    };
  }
}
