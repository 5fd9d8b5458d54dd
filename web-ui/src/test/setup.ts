import { StyleSheet } from '@emotion/sheet';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';

// Lazy pages are transformed on first import in tests; give them time on a slow machine.
configure({ asyncUtilTimeout: 10000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  sessionStorage.clear();
});
afterAll(() => server.close());

// As css: false does for stylesheets, the rules MUI's emotion writes at runtime stay out of jsdom: every role query
// and every click matched each of them against the elements in question (getComputedStyle), a quarter of the suite's
// CPU (137.9 → 100.7 s, every test still passing). jsdom lays nothing out; what the styles show is the browser
// tests' to check, in Chromium.
StyleSheet.prototype.insert = () => undefined;

// jsdom lays nothing out and has no Range.getClientRects: the rich-text editor (ProseMirror) measures a range when it
// scrolls the cursor into view, which a test reaches whenever a focused editor keeps the document's focus
const range = Range.prototype as Partial<Range>;
range.getClientRects ??= () => [] as unknown as DOMRectList;
range.getBoundingClientRect ??= () => new DOMRect();
