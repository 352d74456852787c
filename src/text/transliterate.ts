/**
 * Cyrillic to Latin the way English-language news of the region spells names (BGN/PCGN, with
 * "дж" as "j" and "қ", "ғ" as "k", "g": Худжанд → Khujand, Кадамджай → Kadamjay, Тоқаев → Tokayev), and a spelling key (a skeleton) on which the
 * usual variants meet (Kŭlob / Kulob, Kyzyl-Kyya / Кызыл-Кия, Xiva / Khiva, Aqtöbe / Aktobe).
 */

const LETTERS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh, Kyrgyz, Tajik, Uzbek letters
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ӣ: 'i',
  ӯ: 'u',
  ҳ: 'h',
  ҷ: 'j',
  ў: 'o',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};
const VOWELS = /[аеёиоуыэюяәөұүіӣӯў]/;

export function transliterate(cyrillic: string): string {
  const lower = cyrillic.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    const capital = cyrillic[i] !== c;
    let latin: string;
    if (c === 'д' && lower[i + 1] === 'ж') {
      // the Persian "-jon" that ends Tajik and Uzbek given names keeps its d: Махмуджон → Makhmudjon
      latin = lower.slice(i + 1, i + 4) === 'жон' && i > 0 && !/\p{L}/u.test(lower[i + 4] ?? '') ? 'dj' : 'j';
      i++;
    } else if (c === 'е' && (i === 0 || VOWELS.test(lower[i - 1]!) || lower[i - 1] === 'ь' || lower[i - 1] === 'ъ')) latin = 'ye';
    else latin = LETTERS[c] ?? c;
    // keep the capitals of the original
    out += capital && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}

/** A spelling's skeleton: marks, apostrophes, hyphens and doubled letters gone, the region's variant letters made one. */
export function spellingKey(latin: string): string {
  return latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh|x/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ng/g, 'n')
    .replace(/q/g, 'k')
    .replace(/sh/g, 's')
    .replace(/ch|ts/g, 'c')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}
