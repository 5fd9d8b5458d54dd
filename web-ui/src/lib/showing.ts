import { formatCount } from './format';

/** How many records a list holds, as far as the server counted them: exactly, or at least the cap ("10,000+"). */
export interface ListCount {
  count: number;
  capped?: boolean;
}

/**
 * A list's status line: "Showing 50 of 1,234 leads" while more pages exist and their count is known, else "Showing 50
 * leads (more available)" or "Showing 3 leads".
 */
export function showing(shown: number, more: boolean, total: ListCount | undefined, noun: string): string {
  const nouns = `${noun}s`;
  if (more && total) return `Showing ${shown} of ${formatCount(total.count)}${total.capped ? '+' : ''} ${nouns}`;
  return `Showing ${shown} ${shown === 1 ? noun : nouns}${more ? ' (more available)' : ''}`;
}
