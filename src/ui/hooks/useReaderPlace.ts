/** The reader keeps its place across a resize: the line at the top holds the same character of the text, wrapped anew. */
import { useRef } from 'react';
import type { ReaderLines } from '../selectors.js';
import type { UiState } from '../state.js';

interface Kept {
  width: number;
  reading: number | null;
  top: number;
  /** where the top line started when the reader last scrolled: kept across resizes, so a way back to a size is the same screen */
  place: { paragraph: number; offset: number } | null;
}

/**
 * `width` is the reader's text width now; `linesAt(width)` the open article's lines at a width.
 * Called during render: a changed width corrects `readerTop` before the frame is drawn (React
 * renders again at once with the corrected state), so no frame shows the wrong place.
 */
export function useReaderPlace(
  width: number,
  state: Pick<UiState, 'reading' | 'readerTop'>,
  setTop: (top: number) => void,
  linesAt: (width: number) => ReaderLines | null,
): void {
  const kept = useRef<Kept | null>(null);
  const k = kept.current;
  if (k && k.width === width && k.reading === state.reading && k.top === state.readerTop) return;
  if (k && k.width !== width && k.reading === state.reading && k.top === state.readerTop && k.place && state.reading !== null) {
    // only the size changed: the same place, on whichever line it now falls
    const top = linesAt(width)?.lineOf(k.place.paragraph, k.place.offset) ?? state.readerTop;
    kept.current = { ...k, width, top };
    if (top !== state.readerTop) setTop(top);
    return;
  }
  // the reader scrolled or opened another article: the place is where its top line now starts
  const place = state.reading === null || state.readerTop === 0 ? null : (linesAt(width)?.placeOf(state.readerTop) ?? null);
  kept.current = { width, reading: state.reading, top: state.readerTop, place };
}
