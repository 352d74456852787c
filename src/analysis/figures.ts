/**
 * Figures: numeric claims in the text — "Five hundred to 600 Kazakh people are in the Islamic
 * State", "about 200 Uzbekistanis", "thwart 36 terrorist attacks in 2016" — with their range,
 * qualifier, what is counted, the country, who says so, the year, and a citation snippet.
 * Precision before recall: a number counts only when it counts people or attacks, never a
 * year, a date, an age, a prison term or a tally of documents.
 */
import type { Article, Mention } from '../corpus/types.js';
import { NUMBER, numberValue } from './numbers.js';

/** A figure as the dashboard keeps it all session: everything but the citation snippet. */
export interface FigureFact {
  country: string | null;
  low: number;
  high: number;
  qualifier: string | null;
  what: string;
  event: string | null;
  speaker: string | null;
  year: number | null;
  article: string;
  /** position of the article in the corpus */
  index: number;
  paragraph: number;
  /** where in the paragraph the count stands: the citation snippet is made from these when asked */
  start: number;
  end: number;
}

export interface Figure extends FigureFact {
  /** the words around it, "…" where cut */
  snippet: string;
}

/** Nouns that make a number a figure: people and what people do (attacks, arrests). */
const COUNTED =
  'injured|wounded|people|persons|citizens|nationals|residents|fighters|militants|jihadists|insurgents|rebels|terrorists|extremists|islamists|radicals|members|recruits|suspects|detainees|prisoners|convicts|returnees|servicemen|soldiers|troops|officers|policemen|police officers|guards|civilians|children|women|men|minors|families|migrants|refugees|victims|hostages|casualties|deaths|dead|attacks|terrorist attacks|attempts|plots|bombings|explosions|raids|arrests|cases|incidents|crimes';
const QUALIFIER =
  'about|around|approximately|roughly|nearly|almost|some|more than|over|at least|up to|as many as|fewer than|less than|under|an estimated|estimated';
// "left" is an event as "left for Syria", never as "left 6 dead"
const EVENTS =
  /\b(killed|dead|died|wounded|injured|detained|arrested|convicted|sentenced|jailed|joined|returned|repatriated|deported|extradited|fighting|fought|recruited|thwarted|thwart|prevented|stopped|came back|left(?=\s+(?:for|to)\b)|travelled|traveled)\b/gi;
/** the count itself names what happened: "6 dead and 9 injured" */
const EVENT_NOUN: Record<string, string> = { dead: 'killed', deaths: 'killed', casualties: 'killed', injured: 'injured', wounded: 'wounded' };
/** "a country of 30 million people", "a city of two million", "home to 500,000 people": a population, not a claim */
const POPULATION_BEFORE =
  /\b(?:country|nation|city|town|region|province|republic|state|population|home)\s+(?:of|to)\s+(?:about|around|some|nearly|almost|over|more than|roughly|approximately|an estimated)?\s*$/i;
const SAY = 'said|says|claimed|claims|estimated|estimates|told|added|admitted|stated|reported|reports|announced|noted|wrote|warned|confirmed|according';

const FIGURE = new RegExp(
  `(?<![\\w,.])(?:(${QUALIFIER})\\s+)?(${NUMBER})(?:\\s*(?:to|-|–|and)\\s*(${NUMBER}))?\\s+((?:[‘'“"]?[\\p{L}-]+[’'”"]?\\s+){0,3}?[‘'“"]?(?:${COUNTED}|[\\p{Lu}][\\p{Ll}]+(?:is|s))[’'”"]?)(?![\\p{L}])`,
  'giu',
);

interface Span {
  start: number;
  end: number;
}

/**
 * A sentence ends at . ! ? (and closing quotes) before a capital or a digit, but not after an
 * abbreviation or an initial ("U.S.", "Mr.", "Gen.", "Jan.", "St.", "H. J. Mackinder").
 */
const SENTENCE_END =
  /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Maj|Sgt|Capt|Gov|Sen|Rep|Rev|St|Mt|Ft|No|Nos|Vol|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|\p{Lu}))[.!?]+["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;

/** Sentences of a paragraph as spans (a regular expression: Intl.Segmenter is several times slower here). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length || spans.length === 0) spans.push({ start, end: text.length });
  return spans;
}

/** The quotation that contains `at`, if any ("…" or “…”). */
function quoteAround(text: string, at: number): Span | null {
  const open = Math.max(text.lastIndexOf('“', at), text.lastIndexOf('"', at - 1) >= 0 && countBefore(text, '"', at) % 2 === 1 ? text.lastIndexOf('"', at) : -1);
  if (open < 0) return null;
  const closeCurly = text.indexOf('”', at);
  const closeStraight = text.indexOf('"', at);
  const close = [closeCurly, closeStraight].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (close === undefined) return null;
  // a closing curly quote between the opening and `at` means `at` is outside
  if (text.lastIndexOf('”', at) > open) return null;
  return { start: open, end: close };
}

function countBefore(text: string, ch: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0 && i < at; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

const SPEAKER_TYPES = new Set(['person', 'organization']);
const SAYS_AFTER = new RegExp(`^(?:['’]s)?,?\\s+(?:(?:has|had|have|also|then|later|recently)\\s+)?(?:${SAY})\\b`, 'i');
const SAYS_BEFORE = new RegExp(`(?:${SAY})\\s+$`, 'i');
const PRONOUN_SAYS = new RegExp(
  `\\b(?:he|she|they|the (?:official|minister|ministry|spokesman|spokeswoman))\\s+(?:(?:also|then|later)\\s+)?(?:${SAY}|admitted)\\b`,
  'i',
);
const COUNTED_END = new RegExp(`(?:^|\\s)(?:${COUNTED})$`, 'i');

/** Who is said to say what lies in [span]: "X said", "X has claimed", "according to X". */
function speakerIn(text: string, span: Span, mentions: Mention[]): string | null {
  for (const m of mentions) {
    if (!SPEAKER_TYPES.has(m.type) || m.start < span.start || m.end > span.end) continue;
    if (SAYS_AFTER.test(text.slice(m.end, m.end + 40))) return m.name;
    const before = text.slice(Math.max(span.start, m.start - 30), m.start);
    if (/according to\s+(?:the\s+)?$/i.test(before) || SAYS_BEFORE.test(before)) return m.name;
  }
  return null;
}

/** "he said", "the official admitted": the last named speaker stands for them. */
function pronounSpeaks(text: string, span: Span): boolean {
  return PRONOUN_SAYS.test(text.slice(span.start, span.end));
}

/**
 * The country a figure belongs to: a country word in the figure itself ("Kazakh people"),
 * else the nearest place or country in the sentence (a place counts for its country, a
 * region such as "the former Soviet Union" for none).
 */
function countryNear(span: Span, phrase: Span, mentions: Mention[], placeCountry: (m: Mention) => string | null): string | null | undefined {
  const geo = mentions.filter((m) => (m.type === 'country' || m.type === 'place') && m.start >= span.start && m.end <= span.end);
  const inPhrase = geo.find((m) => m.type === 'country' && m.start >= phrase.start && m.end <= phrase.end);
  if (inPhrase) return inPhrase.name;
  if (!geo.length) return undefined;
  const dist = (m: Mention) => Math.min(Math.abs(m.start - phrase.end), Math.abs(phrase.start - m.end));
  const nearest = [...geo].sort((a, b) => dist(a) - dist(b))[0]!;
  return nearest.type === 'country' ? nearest.name : placeCountry(nearest);
}

/** The first country named in a sentence (a place's country if no country is named). */
function firstCountry(span: Span, mentions: Mention[], placeCountry: (m: Mention) => string | null): string | null {
  const inSpan = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  return inSpan.find((m) => m.type === 'country')?.name ?? inSpan.map(placeCountry).find((c) => c) ?? null;
}

/** The country an article is about, when one dominates its country mentions (≥ 60 %). */
function focusCountry(article: Article): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const m of article.mentions)
    if (m.type === 'country') {
      counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
      total++;
    }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return top && top[1] >= 0.6 * total ? top[0] : null;
}

/** Figures of one article. `placeCountry` maps a place mention to its country's name. */
export function figuresOf(article: Article, index: number, placeCountry: (m: Mention) => string | null = () => null): Figure[] {
  const out: Figure[] = [];
  const focus = focusCountry(article);
  let lastSpeaker: string | null = null;
  const byParagraph = new Map<number, Mention[]>();
  for (const m of article.mentions) {
    const list = byParagraph.get(m.paragraph);
    if (list) list.push(m);
    else byParagraph.set(m.paragraph, [m]);
  }
  article.paragraphs.forEach((text, p) => {
    const mentions = byParagraph.get(p) ?? [];
    const found = [...text.matchAll(FIGURE)];
    if (found.length === 0) {
      // no figure here: only who spoke last matters, for a "he said" further on
      lastSpeaker = speakerIn(text, { start: 0, end: text.length }, mentions) ?? lastSpeaker;
      return;
    }
    // sentence by sentence, so that "he said" finds the speaker named just before
    const spans = sentenceSpans(text);
    spans.forEach((sentence, k) => {
      const ownSpeaker = speakerIn(text, sentence, mentions);
      for (const match of found) {
        if (match.index < sentence.start || match.index >= sentence.end) continue;
        const figure = figureFrom(article, index, p, text, match, sentence, spans[k - 1] ?? null, mentions, placeCountry, focus, ownSpeaker, lastSpeaker);
        if (figure) out.push(figure);
      }
      lastSpeaker = ownSpeaker ?? (pronounSpeaks(text, sentence) ? lastSpeaker : null) ?? lastSpeaker;
    });
  });
  return out;
}

function figureFrom(
  article: Article,
  index: number,
  p: number,
  text: string,
  match: RegExpMatchArray & { index: number },
  sentence: Span,
  prevSentence: Span | null,
  mentions: Mention[],
  placeCountry: (m: Mention) => string | null,
  focus: string | null,
  ownSpeaker: string | null,
  lastSpeaker: string | null,
): Figure | null {
  const [whole, qualifier, first, second, noun] = match as unknown as [string, string | undefined, string, string | undefined, string];
  const start = match.index + (qualifier ? whole.indexOf(first, qualifier.length) : 0);
  const low = numberValue(first);
  const high = second ? numberValue(second) : low;
  if (low === null || high === null || high < low) return null;
  const what = noun
    .replace(/[‘'“"’”]/g, '')
    .replace(/^(?:more|other|further|additional|new)\s+/i, '')
    .trim();
  // a capitalised plural ("Uzbekistanis") counts only as a demonym the gazetteer knows
  const nounStart = match.index + whole.length - noun.length;
  if (!COUNTED_END.test(what)) {
    if (!mentions.some((m) => m.type === 'country' && m.start >= nounStart && m.end <= match.index + whole.length)) return null;
  }
  // not figures: a year alone, an age, a population
  if (/^(?:19|20)\d\d$/.test(first) && !second) return null;
  const after = text.slice(match.index + whole.length, match.index + whole.length + 14);
  if (/^-?year-old/.test(after)) return null;
  if (POPULATION_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index)) || /^\s+(?:inhabitants|population)\b/i.test(after)) return null;
  const phrase = { start: match.index, end: match.index + whole.length };
  const quote = quoteAround(text, match.index);
  let speaker = ownSpeaker;
  if (!speaker && quote)
    speaker = speakerIn(
      text,
      { start: Math.max(0, quote.start - 80), end: Math.min(text.length, quote.end + 100) },
      mentions.filter((m) => m.end <= quote.start || m.start >= quote.end),
    );
  if (!speaker && pronounSpeaks(text, sentence)) speaker = lastSpeaker;
  const near = countryNear(sentence, phrase, mentions, placeCountry);
  const country = near !== undefined ? near : ((prevSentence && firstCountry(prevSentence, mentions, placeCountry)) ?? focus);
  const years = [...text.slice(sentence.start, sentence.end).matchAll(/\b(19[5-9]\d|20[0-4]\d)\b/g)]
    .map((y) => Number(y[1]))
    .filter((y) => y !== low && y !== high);
  return {
    country,
    low,
    high,
    qualifier: qualifier?.toLowerCase() ?? (/^\s*,?\s*if not more/.test(after) ? 'at least' : null),
    what,
    event: eventOf(text, sentence, phrase, what),
    speaker,
    year: years[0] ?? null,
    article: article.id,
    index,
    paragraph: p,
    start,
    end: match.index + whole.length,
    snippet: snippetAround(text, start, match.index + whole.length),
  };
}

/** What happened to those counted: the count's own word ("6 dead"), else the event word nearest it, after it first. */
function eventOf(text: string, sentence: Span, phrase: Span, what: string): string | null {
  const own = EVENT_NOUN[what.toLowerCase().split(/\s+/).pop()!];
  if (own) return own;
  let best: { word: string; distance: number } | null = null;
  for (const m of text.slice(sentence.start, sentence.end).matchAll(EVENTS)) {
    const at = sentence.start + m.index;
    // a word after the figure reads with it ("200 people were detained"); one before, a little further
    const distance = at >= phrase.end ? at - phrase.end : (phrase.start - at) * 1.5;
    if (!best || distance < best.distance) best = { word: m[1]!.toLowerCase(), distance };
  }
  return best ? (EVENT_NOUN[best.word] ?? best.word) : null;
}

/** A kept figure with its citation snippet again, cut from its article's paragraph. */
export function withSnippet(f: FigureFact, article: Article): Figure {
  return { ...f, snippet: snippetAround(article.paragraphs[f.paragraph] ?? '', f.start, f.end) };
}

/** The words `span` characters either side of text[start, end), "…" where cut. */
export function snippetAround(text: string, start: number, end: number, span = 70): string {
  const from = Math.max(0, start - span);
  const to = Math.min(text.length, end + span);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
