/** The parts of `stopword` (MIT) steppe reads: its lists of stop words by ISO 639-3 code. */
declare module 'stopword' {
  export const eng: string[];
  export const rus: string[];
  export const ara: string[];
  export const fas: string[];
  export const zho: string[];
}
