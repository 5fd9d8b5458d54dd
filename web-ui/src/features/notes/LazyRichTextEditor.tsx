import { lazy, Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import type { RichTextEditorProps } from './RichTextEditor';

// TipTap and ProseMirror load only when an editor is shown, so they add nothing to a first visit.
const RichTextEditor = lazy(() => import('./RichTextEditor'));

export function LazyRichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<PageLoading label={`Loading the editor for ${props.label.toLowerCase()}`} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
