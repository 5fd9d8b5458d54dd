/**
 * A search text is sent from three characters on: shorter text has no trigram index to find it through, and
 * customer- and lead-service refuse it (a walk over every row at a million of them).
 */
export const MIN_SEARCH = 3;

/** The text to search for: trimmed, or '' while it is too short to search. */
export function searchable(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= MIN_SEARCH ? trimmed : '';
}

/** Under a search box while its text is too short: why nothing was searched yet. */
export function shortSearchHint(text: string, what = 'search'): string | undefined {
  const length = text.trim().length;
  return length > 0 && length < MIN_SEARCH ? `Type at least ${MIN_SEARCH} characters to ${what}` : undefined;
}
