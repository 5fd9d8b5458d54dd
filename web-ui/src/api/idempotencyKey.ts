/** A random key for `Idempotency-Key`, so a retried create (e.g. after a 429) is applied once. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; fall back to getRandomValues elsewhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
