/**
 * The bench's filter script: 22 queries, typed a keystroke at a time (words, misspellings, a
 * phrase, an exclusion, fields, years), each then erased by Backspace a key at a time.
 */
export const QUERIES = [
  'kazakh',
  'nazarbaev',
  'kazakhstn',
  'militnts',
  'islamic state',
  '"islamic state"',
  'isis -taliban',
  'country:tajikistan',
  'org:isis',
  'person:rakhim',
  'place:almaty',
  'year:2011..2017',
  'year:2016 border',
  'detained',
  'citizens abroad',
  'tashkent',
  'uzbek kyrgyz',
  'source:reuters',
  'militants',
  'intelligence',
  'kazakstan',
  'checkpoints trade',
];

/**
 * For the queries fuse.js can express at all (plain words), what a reader means by them: an
 * article is relevant when its title or text holds every pattern. The bench scores both
 * steppe and the fuse.js baseline against these (precision, recall, F1).
 */
export const INTENDED: Record<string, RegExp[]> = {
  kazakh: [/\bkazakh/i],
  nazarbaev: [/\bnazarbayev\b/i],
  'islamic state': [/\bislamic\b/i, /\bstate\b/i],
  detained: [/\bdetained\b/i],
  'citizens abroad': [/\bcitizens\b/i, /\babroad\b/i],
  tashkent: [/\btashkent\b/i],
  'uzbek kyrgyz': [/\buzbek/i, /\bkyrgyz/i],
  militants: [/\bmilitants?\b/i],
  intelligence: [/\bintelligence\b/i],
  kazakstan: [/\bkazakh?stan\b/i],
  'checkpoints trade': [/\bcheckpoints\b/i, /\btrade\b/i],
};
