import { describe, expect, it } from 'vitest';
import { formatBytes, typeLabel } from './format';

describe('document formatting', () => {
  it('states sizes in 1024-byte units', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(20 * 1024 * 1024 + 1)).toBe('20 MB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('names known types and shows others as they are', () => {
    expect(typeLabel('application/pdf')).toBe('PDF');
    expect(typeLabel('application/x-unknown')).toBe('application/x-unknown');
  });
});
