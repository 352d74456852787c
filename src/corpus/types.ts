/** The shapes of corpus.json (see README "Corpus file format"). */

/** The kinds of entity, in the order every table and tab shows them. */
export const MENTION_TYPES = ['country', 'person', 'organization', 'place'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

export interface Mention {
  type: MentionType;
  id: string;
  name: string;
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

/** A line taken out of the article, with the rule that took it. */
export interface RemovedLine {
  line: number;
  text: string;
  reason: string;
}

export interface Article {
  id: string;
  file: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  published: string | null;
  section: string[];
  dateline: string | null;
  paragraphs: string[];
  removed: RemovedLine[];
  mentions: Mention[];
  /** id of the earlier article this one republishes (near-duplicate text), or null */
  duplicateOf: string | null;
  /** the page's address, when its source gives one (a JSON Lines "url", a "URL:" line); absent otherwise */
  url?: string;
}

export interface Corpus {
  version: 1;
  articles: Article[];
}

/** One input file, already read from disk. */
export interface SourceFile {
  /** the name recorded in the article's `file` field */
  name: string;
  /** where it was read from, for messages */
  path?: string;
  bytes: Uint8Array;
}

/** One decoded document, ready to parse. */
export interface SourceText {
  file: string;
  text: string;
}

export interface Warning {
  file: string;
  message: string;
}
