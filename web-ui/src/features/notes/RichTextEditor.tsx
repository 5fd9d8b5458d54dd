import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useState } from 'react';
import { LinkDialog } from './LinkDialog';

export interface RichTextEditorProps {
  /** Visible label, also the editing area's accessible name. */
  label: string;
  initialHtml?: string;
  /** The HTML as it is now; '' when the text is empty. */
  onChange: (html: string) => void;
  disabled?: boolean;
}

/** Only what customer-service's policy keeps: the editor offers nothing the server would strip. */
const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url),
      HTMLAttributes: { rel: 'nofollow noopener noreferrer', target: null },
    },
  }),
];

interface Tool {
  name: string;
  text: string;
  active: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const TOOLS: Tool[] = [
  { name: 'Bold', text: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { name: 'Italic', text: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  { name: 'Underline', text: 'U', active: (e) => e.isActive('underline'), run: (e) => e.chain().focus().toggleUnderline().run() },
  { name: 'Strikethrough', text: 'S', active: (e) => e.isActive('strike'), run: (e) => e.chain().focus().toggleStrike().run() },
  ...([2, 3, 4] as const).map((level) => ({
    name: `Heading ${level}`,
    text: `H${level}`,
    active: (e: Editor) => e.isActive('heading', { level }),
    run: (e: Editor) => e.chain().focus().toggleHeading({ level }).run(),
  })),
  { name: 'Bulleted list', text: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { name: 'Numbered list', text: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { name: 'Quote', text: '❝', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { name: 'Code', text: '</>', active: (e) => e.isActive('code'), run: (e) => e.chain().focus().toggleCode().run() },
  { name: 'Code block', text: '{ }', active: (e) => e.isActive('codeBlock'), run: (e) => e.chain().focus().toggleCodeBlock().run() },
];

/** TipTap, loaded on demand (LazyRichTextEditor): its code stays out of every page until someone writes. */
export default function RichTextEditor({ label, initialHtml = '', onChange, disabled = false }: RichTextEditorProps) {
  const labelId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor({
    extensions,
    content: initialHtml,
    editable: !disabled,
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId, class: 'crm-rich-text' },
    },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? '' : current.getHTML()),
  });
  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      tools: current ? TOOLS.map((tool) => tool.active(current)) : TOOLS.map(() => false),
      link: current?.isActive('link') ?? false,
      href: (current?.getAttributes('link').href as string | undefined) ?? '',
    }),
  });

  return (
    <Stack spacing={0.5}>
      <Typography id={labelId} component="span" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box
        role="toolbar"
        aria-label={`Formatting of ${label.toLowerCase()}`}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}
      >
        {TOOLS.map((tool, index) => (
          <Button
            key={tool.name}
            size="small"
            variant={active?.tools[index] ? 'contained' : 'outlined'}
            aria-label={tool.name}
            aria-pressed={active?.tools[index] ?? false}
            disabled={disabled || !editor}
            // The editor keeps the focus: a key typed right after the click goes into the text, not to this button.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => editor && tool.run(editor)}
            sx={{ minWidth: 40, px: 1, fontWeight: tool.text === 'B' ? 700 : 400 }}
          >
            {tool.text}
          </Button>
        ))}
        <Button
          size="small"
          variant={active?.link ? 'contained' : 'outlined'}
          aria-pressed={active?.link ?? false}
          disabled={disabled || !editor}
          onClick={() => setLinkOpen(true)}
        >
          Link
        </Button>
      </Box>
      <Box
        sx={{
          '& .crm-rich-text': {
            minHeight: 96,
            p: 1.5,
            border: 1,
            borderColor: 'grey.500',
            borderRadius: 1,
            overflowWrap: 'anywhere',
            '&:focus': { outline: '3px solid #f5a623', outlineOffset: 2 },
            '& p': { my: 0.5 },
            '& pre': { overflowX: 'auto', bgcolor: 'grey.100', p: 1 },
            '& blockquote': { borderLeft: 3, borderColor: 'divider', pl: 1.5, ml: 0 },
          },
        }}
      >
        <EditorContent editor={editor} />
      </Box>
      {linkOpen && editor && (
        <LinkDialog
          initialHref={active?.href ?? ''}
          onClose={() => setLinkOpen(false)}
          onApply={(href) => {
            const chain = editor.chain().focus().extendMarkRange('link');
            if (href) chain.setLink({ href }).run();
            else chain.unsetLink().run();
            setLinkOpen(false);
          }}
        />
      )}
    </Stack>
  );
}
