import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './baseApi';

describe('retryAfterSeconds', () => {
  it('reads seconds and HTTP dates, defaults and caps', () => {
    expect(retryAfterSeconds('3')).toBe(3);
    expect(retryAfterSeconds(null)).toBe(5);
    expect(retryAfterSeconds('soon')).toBe(5);
    expect(retryAfterSeconds('3600')).toBe(60);
    expect(retryAfterSeconds(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThanOrEqual(9);
  });
});
