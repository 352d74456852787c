/** Numbers as written in news text: digits with separators and spelled numbers ("Five hundred", "1,100", "seven"). */

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const SPELLED_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(SCALES)].join('|')})`;
/** One number: "1,100", "15,000", "5.5 million", "Five hundred", "twenty-two". */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(?:thousand|million))?|${SPELLED_WORD}(?:[\\s-]+(?:and\\s+)?${SPELLED_WORD})*`;

export function numberValue(text: string): number | null {
  const t = text.toLowerCase().trim();
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million))?$/.exec(t);
  if (digits) return Number(digits[1]!.replace(/,/g, '')) * (digits[2] ? SCALES[digits[2]]! : 1);
  let total = 0;
  let current = 0;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w in UNITS) current += UNITS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return null;
  }
  return total + current || null;
}
