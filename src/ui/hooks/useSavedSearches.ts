/** Keeps the UI state's copy of the saved searches in step with the review state (this steppe's saves and another's). */
import { useEffect } from 'react';
import type { Review } from '../effects.js';
import { withSaved, type UiState } from '../state.js';

export function useSavedSearches(review: Review | undefined, setState: (f: (s: UiState) => UiState) => void): void {
  useEffect(() => {
    if (!review) return;
    const sync = () => setState((s) => withSaved(s, new Map(review.savedSearches())));
    sync();
    return review.subscribe(sync);
  }, [review, setState]);
}
