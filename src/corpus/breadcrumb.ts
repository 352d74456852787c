/**
 * Breadcrumb trails at the top of a page: "1. Home 2. Asia 3. Kazakhstan" (one line or one
 * item a line), "Home > Asia > Kazakhstan", "News / World / Asia". The items after "Home"
 * become the article's section.
 */
import type { Line } from './text.js';
import { hasSentencePunctuation, words } from './text.js';

const HOME = /^(?:home|homepage|main|main page|start|главная|басты бет|bosh sahifa|startseite|accueil|inicio)$/iu;

export interface Breadcrumb {
  /** indices into the line array */
  lines: number[];
  section: string[];
}

function isCrumbItem(s: string): boolean {
  const w = words(s);
  return s.length > 0 && s.length <= 40 && /\p{L}/u.test(s) && w.length >= 1 && w.length <= 4 && !hasSentencePunctuation(s + ' ');
}

function toSection(items: string[]): string[] | null {
  const cleaned = items.map((s) => s.trim()).filter(Boolean);
  if (cleaned.length < 2 || !cleaned.every(isCrumbItem)) return null;
  return HOME.test(cleaned[0]!) ? cleaned.slice(1) : cleaned;
}

/** Looks for a breadcrumb among the first non-blank lines (before any running text). */
export function findBreadcrumb(lines: Line[], maxLines = 8): Breadcrumb | null {
  const nonBlank = lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.text !== '')
    .slice(0, maxLines);
  for (let k = 0; k < nonBlank.length; k++) {
    const { l, i } = nonBlank[k]!;
    // one item a line: "1. Home" / "2. Asia" / "3. Kazakhstan"
    const numbered = /^1[.)]\s*(.+)$/.exec(l.text);
    if (numbered) {
      const items = [numbered[1]!];
      const idx = [i];
      for (let n = 2, j = k + 1; j < nonBlank.length; j++, n++) {
        const m = new RegExp(`^${n}[.)]\\s*(.+)$`).exec(nonBlank[j]!.l.text);
        if (!m) break;
        items.push(m[1]!);
        idx.push(nonBlank[j]!.i);
      }
      const section = items.length >= 2 && HOME.test(items[0]!.trim()) ? toSection(items) : null;
      if (section) return { lines: idx, section };
    }
    // all on one line, numbered: "1. Home 2. Asia 3. Kazakhstan"
    if (/^1[.)]\s*\S.*\s2[.)]\s*\S/.test(l.text)) {
      const items = l.text.split(/\s*\d+[.)]\s*/).filter(Boolean);
      const section = HOME.test(items[0] ?? '') ? toSection(items) : null;
      if (section) return { lines: [i], section };
    }
    // separated: "Home > Asia > Kazakhstan", "Home » News", "News / Asia / Kazakhstan"
    const sep = /\s*(?:>|»|›|→|\/|\|)\s*/;
    if (sep.test(l.text)) {
      const items = l.text.split(sep);
      const startsHome = HOME.test(items[0]?.trim() ?? '');
      if (startsHome || items.length >= 3) {
        const section = toSection(items);
        if (section?.every((s) => /^[\p{Lu}\p{N}]/u.test(s))) return { lines: [i], section };
      }
    }
    // running text has started: no breadcrumb below it
    if (l.text.length > 120) return null;
  }
  return null;
}
