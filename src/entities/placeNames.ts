/**
 * data/gazetteer/placeNames.json into the gazetteer: the names of cities in other languages
 * and scripts (CLDR), and the world's provinces and regions (ISO 3166-2) with their bare names
 * and Russian adjective stems. A name the gazetteer already holds gains aliases; it is not made twice.
 */
import { foldKey, slug } from './tokens.js';

/** What of the gazetteer's builder these names go into (the builder is one; its module calls this one). */
export interface PlaceSink {
  placeByName: Map<string, number>;
  adjectiveStems: Map<string, { entry: number; name: string }>;
  foreignNames: Set<string>;
  add(entry: { id: string; kind: 'place'; name: string; country: string | null }, aliases: Iterable<string>): number;
  addAliases(index: number, aliases: Iterable<string>): void;
}

export interface PlaceNameData {
  /** [English name, alpha-3 or null, names in other languages] */
  cities: [string, string | null, string[]][];
  /** [name, alpha-3, aliases, bare names, city of the bare name or null, Russian adjective stems, English bare name] */
  regions: [string, string, string[], string[], string | null, string[], string][];
}

/** Adds the places to the sink, yielding every few hundred so the build can run in slices. */
export function* addPlaceNames(b: PlaceSink, data: PlaceNameData, notPlaces: Set<string>): Generator<void, void> {
  let n = 0;
  const place = (name: string, country: string | null): number => {
    const known = b.placeByName.get(foldKey(name));
    if (known !== undefined) return known;
    return b.add({ id: `place:${slug(name)}`, kind: 'place', name, country }, []);
  };
  const usable = (n: string) => !notPlaces.has(foldKey(n));
  // a Latin name from another language ("Qobul" for Kabul) may be a person's name in English text
  const foreign = (names: string[]) => {
    for (const n of names) if (/^\p{Script=Latin}+$/u.test(n)) b.foreignNames.add(foldKey(n));
    return names;
  };
  for (const [name, country, names] of data.cities) {
    if (++n % 50 === 0) yield;
    if (!usable(name)) continue;
    b.addAliases(place(name, country), [name, ...foreign(names.filter(usable))]);
  }
  for (const [name, country, aliases, bare, city, stems, english] of data.regions) {
    if (++n % 50 === 0) yield;
    const region = place(name, country);
    b.addAliases(region, aliases.filter(usable));
    // "Kunduz", "حلب", "北京": the city of that name where there is one, else the region
    const bareOwner = city ? place(city, country) : region;
    b.addAliases(bareOwner, bare.filter(usable));
    for (const stem of stems) if (!b.adjectiveStems.has(foldKey(stem))) b.adjectiveStems.set(foldKey(stem), { entry: region, name: english });
  }
}
