import { sectionCursorField, sectionFragmentName } from '@cw/shared';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type { PaperSession } from '../../collab/paper-session';
import { EditorToolbar } from './EditorToolbar';
import { paperExtensions } from './paper-extensions';

interface SectionEditorProps {
  session: PaperSession;
  sectionId: string;
  /** The section's display number, for the toolbar's name. */
  number: string;
  /** Accessible name of the text area, e.g. "Section 2: Scope". */
  label: string;
  isEditable: boolean;
  /** Whether this is the section last focused, which shows the formatting toolbar. */
  isActive: boolean;
  onFocus: () => void;
}

/** One section's rich text, bound to its own fragment of the shared paper. */
export function SectionEditor({
  session,
  sectionId,
  number,
  label,
  isEditable,
  isActive,
  onFocus,
}: SectionEditorProps) {
  const fragment = useMemo(
    () => session.doc.getXmlFragment(sectionFragmentName(sectionId)),
    [session, sectionId],
  );
  const editor = useEditor(
    {
      extensions: paperExtensions(fragment, session.awareness, sectionCursorField(sectionId)),
      editable: isEditable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          class: 'paper-editor__text',
        },
      },
      onFocus,
    },
    [fragment, session],
  );

  useEffect(() => {
    if (editor.isEditable !== isEditable) editor.setEditable(isEditable);
    editor.view.dom.setAttribute('aria-readonly', String(!isEditable));
  }, [editor, isEditable]);

  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', label);
  }, [editor, label]);

  return (
    <div className="paper-editor">
      {isEditable && isActive ? <EditorToolbar editor={editor} number={number} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
