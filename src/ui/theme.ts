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
  /** a search hit's background; none: hits are inverse */
  hit?: string;
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

/** The theme with the config file's colours (semantic tokens); the mono theme keeps none, as NO_COLOR asks. */
export function themeWith(base: Theme, colors: Partial<Record<'focus' | 'muted' | 'error' | 'hit' | MentionType, string>>): Theme {
  if (base.mono) return base;
  return {
    ...base,
    accent: colors.focus ?? base.accent,
    muted: colors.muted ?? base.muted,
    error: colors.error ?? base.error,
    hit: colors.hit ?? base.hit,
    entity: {
      country: colors.country ?? base.entity.country,
      person: colors.person ?? base.entity.person,
      organization: colors.organization ?? base.entity.organization,
      place: colors.place ?? base.entity.place,
    },
  };
}
