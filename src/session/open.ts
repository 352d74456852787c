/**
 * Opening a Session from what the user named: the corpus (io/openCorpus.ts), its review
 * marks, and a keeper that writes a large corpus file's snapshot.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Corpus, Warning } from '../corpus/types.js';
import { UserError } from '../io/errors.js';
import { openCorpus } from '../io/openCorpus.js';
import type { Progress } from '../pipeline/parse.js';
import { bundledCorpus } from '../paths.js';
import { freshOf, readSeen, seenFileFor } from '../review/seen.js';
import { ReviewStore, stateFileFor } from '../review/store.js';
import { sanitizeLine } from '../text/sanitize.js';
import { sessionOf, type Keeper, type Session } from './session.js';

/** The review state of the corpus opened from these paths (standard input: by its articles). */
export async function openReview(paths: string[], corpus: Corpus): Promise<ReviewStore> {
  const identity = paths.includes('-')
    ? 'stdin:' +
      createHash('sha256')
        .update(corpus.articles.map((a) => a.id).join('\n'))
        .digest('hex')
    : paths
        .map((p) => path.resolve(p))
        .sort()
        .join('\n');
  const store = new ReviewStore(stateFileFor(identity));
  await store.load();
  return store;
}

/** `warnings`: what reading the file said, kept to be said again when the snapshot is read (not a damaged snapshot's own) */
async function snapshotKeeper(file: string, warnings: readonly Warning[]): Promise<Keeper> {
  const { writeSnapshot, writeSnapshotFigures } = await import('../io/snapshot.js');
  const about = warnings.filter((w) => !w.message.startsWith('snapshot damaged'));
  return {
    keep: (articles, index, table) => writeSnapshot(file, articles, index, table, about),
    keepFigures: (figures) => writeSnapshotFigures(file, figures),
  };
}

export interface OpenOptions {
  /** hears each warning as one line (a file skipped, a damaged cache) */
  warn?: (line: string) => void;
  stdin?: NodeJS.ReadableStream;
  /** a large corpus file opened for the first time: its index built in slices by the caller's `work()` */
  indexLater?: boolean;
  /** a snapshot's text is checked as it is read and by `work()`, not all at open (the dashboard) */
  readLater?: boolean;
  /** hears what a long open is doing (reading, parsing, finding entities) and how far it is */
  progress?: Progress;
  /** JSON Lines: the session opens with the articles and takes their mentions once other threads have found them (the dashboard) */
  entitiesLater?: boolean;
}

/** Opens what the user named (nothing: the bundled corpus); no article at all is an error. */
export async function openSession(paths: string[], options: OpenOptions = {}): Promise<Session> {
  const named = paths.length ? paths : [bundledCorpus];
  const opened = await openCorpus(named, options.stdin, {
    readLater: options.readLater === true,
    progress: options.progress,
    entitiesLater: options.entitiesLater === true,
  });
  for (const w of opened.warnings) options.warn?.(`${sanitizeLine(w.file)}: ${sanitizeLine(w.message)}`);
  if (opened.corpus.articles.length === 0) throw new UserError('no articles could be read from ' + named.map(sanitizeLine).join(', '));
  const review = await openReview(named, opened.corpus);
  const fresh = freshOf(
    opened.corpus.articles.map((a) => a.id),
    readSeen(seenFileFor(review.file)),
  );
  return sessionOf(opened.corpus, {
    fresh,
    label: paths.length ? paths.join(', ') : 'bundled corpus',
    warnings: opened.warnings,
    loaded: opened,
    review,
    keeper: opened.snapshotOf ? await snapshotKeeper(opened.snapshotOf, opened.warnings) : undefined,
    indexLater: options.indexLater === true && opened.snapshotOf !== undefined && !opened.index,
    ...(opened.entities ? { entities: opened.entities } : {}),
  });
}
