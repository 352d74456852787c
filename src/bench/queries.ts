/** The bench's filter script: 20 queries, typed a keystroke at a time (words, a misspelling, a phrase, an exclusion, fields, years). */
export const QUERIES = [
  'kazakh', 'nazarbaev', 'islamic state', '"islamic state"', 'isis -taliban', 'country:tajikistan', 'org:isis', 'person:rakhim', 'place:almaty', 'year:2011..2017',
  'year:2016 border', 'detained', 'citizens abroad', 'tashkent', 'uzbek kyrgyz', 'source:reuters', 'militants', 'intelligence', 'kazakstan', 'checkpoints trade',
];
