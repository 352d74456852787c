/**
 * An acronym the article defines binds to the name for the rest of it: "the Drug Control
 * Agency (DCA)" makes every later "DCA" the agency, whatever else the letters could stand for
 * ("the National Security Service (SNB)" in a Kyrgyz story is Kyrgyzstan's, not Uzbekistan's).
 */
import type { Mention } from '../corpus/types.js';
import type { Token } from './tokens.js';

const DEFINED = /^\s*\((\p{Lu}[\p{Lu}\d&+-]{1,9})\)/u;

/** Rewrites and adds the mentions of acronyms defined in the article. `tokens[p]` are paragraph p's. */
export function bindAcronyms(paragraphs: string[], tokens: Token[][], mentions: Mention[]): Mention[] {
  const bound = new Map<string, Mention>();
  for (const m of mentions) {
    // a name written out, of two words or more, with capitals in brackets right after it; the first definition holds
    if (m.type !== 'organization' || m.text.split(/\s+/).length < 2) continue;
    const acronym = DEFINED.exec(paragraphs[m.paragraph]!.slice(m.end, m.end + 14))?.[1];
    if (acronym && !bound.has(acronym)) bound.set(acronym, m);
  }
  if (bound.size === 0) return mentions;
  const at = new Map(mentions.map((m) => [`${m.paragraph}:${m.start}`, m]));
  const out = [...mentions];
  tokens.forEach((list, paragraph) => {
    for (const t of list) {
      const definition = bound.get(t.text);
      if (!definition) continue;
      const here = { type: 'organization' as const, id: definition.id, name: definition.name, text: t.text, paragraph, start: t.start, end: t.end };
      const existing = at.get(`${paragraph}:${t.start}`);
      if (existing) {
        if (existing.end === t.end) Object.assign(existing, here);
      } else out.push(here);
    }
  });
  return out;
}
