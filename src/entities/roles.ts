/** Role words, title words and surname endings (data/gazetteer/roles.json). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../paths.js';

export interface Roles {
  /** lowercase role phrases, their words joined by one space ("deputy chairman") */
  roles: Set<string>;
  /** the most words a role phrase has */
  longestRole: number;
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
      roles: new Set(d.roles.map((r) => r.split(/[\s-]+/).join(' '))),
      longestRole: Math.max(...d.roles.map((r) => r.split(/[\s-]+/).length)),
      titleWords: new Set(d.titleWords),
      notNameWords: new Set(d.notNameWords),
      surnameEnding: new RegExp(`\\p{Ll}(?:${[...d.surnameEndings].sort((a, b) => b.length - a.length).join('|')})$`, 'u'),
    };
  }
  return cached;
}
