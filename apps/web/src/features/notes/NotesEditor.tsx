import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent } from '@tiptap/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabSession } from '../../collab/paper-session';
import { EditorToolbar } from '../paper/EditorToolbar';
import { collaborativeStarterKit } from '../paper/paper-extensions';
import { SectionCursors } from '../paper/section-cursors';
import { useCollabTextEditor } from '../paper/useCollabTextEditor';

interface NotesEditorProps {
  session: CollabSession;
  /** The notes' fragment: a guiding question's, or the general notes'. */
  fragmentName: string;
  /** The awareness field of the member's cursor in it (`notesCursorField`). */
  cursorField: string;
  /** Accessible name of the text area, e.g. "Notes on question 2". */
  label: string;
  isEditable: boolean;
  /** Whether this is the part last focused, which shows the formatting toolbar. */
  isActive: boolean;
  onFocus: () => void;
}

/**
 * One part of a session's notes, bound to its own fragment of the notes' document: the paper's
 * rich text and live cursors, without its tables, threads or suggestions.
 */
export function NotesEditor({
  session,
  fragmentName,
  cursorField,
  label,
  isEditable,
  isActive,
  onFocus,
}: NotesEditorProps) {
  const { t } = useTranslation();
  const fragment = useMemo(() => session.doc.getXmlFragment(fragmentName), [session, fragmentName]);
  const editor = useCollabTextEditor(
    {
      extensions: () => [
        collaborativeStarterKit(),
        Collaboration.configure({ fragment }),
        SectionCursors.configure({ awareness: session.awareness, field: cursorField }),
      ],
      label,
      isEditable,
      onFocus,
    },
    [fragment, session],
  );

  return (
    <div className="paper-editor">
      {isEditable && isActive ? (
        <EditorToolbar
          editor={editor}
          label={t('notes.toolbar', { part: label })}
          suggesting={false}
          onSuggestingChange={undefined}
          hasTables={false}
        />
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
