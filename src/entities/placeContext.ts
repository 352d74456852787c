/**
 * Places no list holds, known by the words around them, in English: "the Rushan district",
 * "Kok-Tash village", "the Hamadoni crossing", "the Turkistan region", "the village of
 * Nariman", "the cities of Vahdat, Hissar and …". A district or region keeps its word in the
 * name ("Rushan District"); a village, town or crossing is its name alone.
 */
import { placeEntry, type Gazetteer, type GazetteerMatch } from './gazetteer.js';
import { adjacent, type Token } from './tokens.js';

/** the word after a name that makes it a place, and what it adds to the name */
const AFTER: Record<string, string> = {
  district: 'District',
  districts: 'District',
  region: 'Region',
  province: 'Province',
  oblast: 'Region',
  village: '',
  town: '',
  crossing: '',
  valley: 'Valley',
  gorge: 'Gorge',
};
/** "the village of X", "the cities of X, Y and Z": the list after the word */
const BEFORE =
  /\b(?:villages?|towns?|city|cities|districts?|settlements?)\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$/u;
/** capitalised words that are not names here: directions, kinds of area, the sentence's own words */
const GENERIC =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|upper|lower|greater|capital|border|frontier|military|federal|autonomous|administrative|tribal|mountain|mountainous|special|economic|industrial|border|the|this|that|a|an|its|their|his|her|our|in|of|and|each|every|whole|entire|same|new|old|former|local|rural|urban|home|native|one|two|three|several|which|what|another|other|pacific|arctic|atlantic)$/i;

export function contextPlace(g: Gazetteer, text: string, tokens: Token[], i: number): GazetteerMatch | null {
  const first = tokens[i]!;
  if (!first.capitalised || first.allCaps || first.text.charCodeAt(0) > 0x24f || first.text.length < 3) return null;
  // cheapest first: a place word after the name, or " of " before it
  const nextWord = tokens[i + 1]?.key;
  const ofBefore = text.lastIndexOf(' of ', first.start) >= first.start - 160;
  if (!ofBefore && !(nextWord && Object.hasOwn(AFTER, nextWord)) && !tokens[i + 1]?.capitalised) return null;
  if (GENERIC.test(first.text)) return null;
  let last = i;
  while (last - i < 2 && tokens[last + 1]?.capitalised && !GENERIC.test(tokens[last + 1]!.text) && adjacent(text, tokens[last]!, tokens[last + 1]!)) last++;
  const name = text.slice(first.start, tokens[last]!.end);
  const at = (placeName: string): GazetteerMatch => ({ entry: placeEntry(g, placeName, null), first: i, last, start: first.start, end: tokens[last]!.end });
  const after = tokens[last + 1];
  if (after && !after.capitalised && Object.hasOwn(AFTER, after.key) && /^\s{1,2}$/.test(text.slice(tokens[last]!.end, after.start))) {
    // "border crossing": the name stands before both words
    const word = AFTER[after.key]!;
    return at(word ? `${name} ${word}` : name);
  }
  if (ofBefore && BEFORE.test(text.slice(Math.max(0, first.start - 160), first.start))) return at(name);
  return null;
}
