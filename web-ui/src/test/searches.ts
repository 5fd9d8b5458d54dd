import { expect } from 'vitest';

/**
 * What a list sent while `typed` was typed into its search box: typed faster than the debounce, one search for the
 * whole term; a slow machine may send one for a prefix first (useDebouncedValue's own test pins the delay down).
 */
export function expectDebouncedSearches(searches: (string | null)[], typed: string): void {
  expect(searches.at(-1)).toBe(typed);
  expect(searches.every((q) => q !== null && typed.startsWith(q))).toBe(true);
}
