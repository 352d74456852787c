/**
 * Colours as semantic tokens. The mono theme (NO_COLOR, --no-color) keeps every distinction
 * with inverse, bold and underline, because chalk under Ink ignores NO_COLOR by itself.
 */
import type { MentionType } from '../corpus/types.js';

export interface Theme {
  mono: boolean;
  accent?: string;
  muted?: string;
  error?: string;
  entity: Record<MentionType, string | undefined>;
}

export const COLOR: Theme = {
  mono: false,
  accent: 'cyan',
  muted: 'gray',
  error: 'red',
  entity: { country: 'cyan', person: 'yellow', organization: 'magenta', place: 'green' },
};

export const MONO: Theme = {
  mono: true,
  entity: { country: undefined, person: undefined, organization: undefined, place: undefined },
};

export function themeFor(env: NodeJS.ProcessEnv, colorFlag: boolean): Theme {
  return !colorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') ? MONO : COLOR;
}
