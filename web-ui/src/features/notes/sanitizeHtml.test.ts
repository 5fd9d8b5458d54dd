import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitizeHtml';

describe('sanitizeHtml (defence in depth behind the server’s policy)', () => {
  const vectors = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    '<iframe src="https://example.com"></iframe>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  ];

  it.each(vectors)('leaves nothing executable of %s', (vector) => {
    const clean = sanitizeHtml(vector).toLowerCase();
    for (const banned of ['<script', '<img', '<svg', '<iframe', '<style', 'javascript:', 'data:', 'onerror', 'onload', 'onclick', 'style=']) {
      expect(clean).not.toContain(banned);
    }
  });

  it('keeps the formatting the server keeps and forces a safe rel on links', () => {
    const clean = sanitizeHtml('<h2>T</h2><p><strong>b</strong> <em>i</em> <u>u</u> <s>s</s><br></p><ul><li>x</li></ul>'
      + '<blockquote>q</blockquote><pre><code>c</code></pre><a href="mailto:a@example.com">m</a>');
    expect(clean).toContain('<h2>T</h2>');
    expect(clean).toContain('<strong>b</strong>');
    expect(clean).toContain('<ul><li>x</li></ul>');
    expect(clean).toContain('<pre><code>c</code></pre>');
    expect(clean).toContain('href="mailto:a@example.com"');
    expect(clean).toContain('rel="nofollow noopener noreferrer"');
  });
});
