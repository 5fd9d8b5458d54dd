import { describe, expect, it } from 'vitest';
import { searchable, shortSearchHint } from './search';

describe('search texts', () => {
  it('searches from three characters on, trimmed', () => {
    expect(searchable(' ad ')).toBe('');
    expect(searchable(' ada ')).toBe('ada');
    expect(searchable('')).toBe('');
  });

  it('hints while the text is too short, and not before anything is typed', () => {
    expect(shortSearchHint('yy')).toBe('Type at least 3 characters to search');
    expect(shortSearchHint('y', 'search the pipeline')).toBe('Type at least 3 characters to search the pipeline');
    expect(shortSearchHint('')).toBeUndefined();
    expect(shortSearchHint('yyy')).toBeUndefined();
  });
});
