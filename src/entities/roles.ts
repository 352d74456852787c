/** Role words, title words and surname endings (data/gazetteer/roles.json). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths.js';

export interface Roles {
  /** lowercase role phrases, as token lists */
  roles: string[][];
  titleWords: Set<string>;
  notNameWords: Set<string>;
  surnameEnding: RegExp;
}

let cached: Roles | undefined;

export function defaultRoles(): Roles {
  if (!cached) {
    const d = JSON.parse(readFileSync(path.join(dataDir, 'gazetteer', 'roles.json'), 'utf8')) as {
      roles: string[];
      titleWords: string[];
      notNameWords: string[];
      surnameEndings: string[];
    };
    cached = {
      roles: d.roles.map((r) => r.split(/[\s-]+/)),
      titleWords: new Set(d.titleWords),
      notNameWords: new Set(d.notNameWords),
      surnameEnding: new RegExp(`\\p{Ll}(?:${[...d.surnameEndings].sort((a, b) => b.length - a.length).join('|')})$`, 'u'),
    };
  }
  return cached;
}
