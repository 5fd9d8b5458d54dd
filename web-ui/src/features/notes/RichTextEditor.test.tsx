import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import RichTextEditor from './RichTextEditor';

describe('RichTextEditor', () => {
  it('offers exactly the formatting the server keeps, as a labelled toolbar over a labelled text box', async () => {
    render(<RichTextEditor label="New note" initialHtml="<p><strong>Hi</strong> there</p>" onChange={vi.fn()} />);

    const toolbar = screen.getByRole('toolbar', { name: 'Formatting of new note' });
    expect(within(toolbar).getAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent))
      .toEqual(['Bold', 'Italic', 'Underline', 'Strikethrough', 'Heading 2', 'Heading 3', 'Heading 4', 'Bulleted list',
        'Numbered list', 'Quote', 'Code', 'Code block', 'Link']);
    const box = await screen.findByRole('textbox', { name: 'New note' });
    expect(within(box).getByText('Hi').tagName).toBe('STRONG');
  });
});
