/**
 * Changes to many articles' marks at once, and how to take them back: pure, no I/O. A batch
 * (star the selection, tag it) is one undo step; its inverse is each article's values before.
 */
import { isTag, type Mark, type MarkChange } from './marks.js';

export type Batch = readonly (readonly [articleId: string, change: MarkChange])[];

/** A tag prompt's words: "returnees -todo +urgent" adds returnees and urgent, removes todo (lower-cased). */
export function tagOps(text: string): { ops: [tag: string, on: boolean][]; bad: string[] } {
  const ops = new Map<string, boolean>();
  const bad: string[] = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const on = !word.startsWith('-');
    const tag = word.replace(/^[-+]/, '').toLowerCase();
    if (isTag(tag)) ops.set(tag, on);
    else bad.push(word);
  }
  return { ops: [...ops], bad };
}

/** What undoes `change` on an article whose mark was `before`. */
export function inverseOf(before: Mark | undefined, change: MarkChange): MarkChange {
  const out: { -readonly [K in keyof MarkChange]: MarkChange[K] } = {};
  if ('read' in change) out.read = before?.read === true;
  if ('starred' in change) out.starred = before?.starred === true;
  if ('note' in change) out.note = before?.note;
  if (change.tags?.length) out.tags = change.tags.map(([tag]) => [tag, before?.tags?.includes(tag) ?? false] as const);
  return out;
}

/** The batch that undoes `batch`, read against the marks as they were before it. */
export function undoOf(batch: Batch, before: (articleId: string) => Mark | undefined): Batch {
  return batch.map(([id, change]) => [id, inverseOf(before(id), change)] as const);
}

/** A toggle over many: where every one already has it, it is taken off all; else put on all. */
export function toggleOver(marks: readonly (Mark | undefined)[], field: 'read' | 'starred'): boolean {
  return !marks.every((m) => m?.[field] === true);
}
