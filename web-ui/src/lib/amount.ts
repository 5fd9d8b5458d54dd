// Thousands grouped by commas, spaces (plain, no-break, narrow no-break) or apostrophes, each group three digits:
// "12,500.50", "12 500.50", "1'200". A comma before fewer or more than three digits ("12,50") is no grouping.
const GROUPED = /^\d{1,3}(?:([,' \u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;

/**
 * An amount as typed, without its thousands separators: "12,500.50" → "12500.50". Text that is not a grouped number
 * comes back only trimmed, for the caller's own check to refuse.
 */
export function plainAmount(text: string): string {
  const trimmed = text.trim();
  return GROUPED.test(trimmed) ? trimmed.replace(/[,' \u00a0\u202f]/g, '') : trimmed;
}
