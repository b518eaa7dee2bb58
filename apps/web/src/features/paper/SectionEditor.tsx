import { sectionCursorField, sectionFragmentName } from '@cw/shared';
import { EditorContent, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSession } from '../../collab/paper-session';
import { EditorToolbar } from './EditorToolbar';
import { paperExtensions } from './paper-extensions';
import { setSuggesting } from './paper-suggestions';
import {
  passageRanges,
  selectionAnchor,
  setPassages,
  type PassageAnchor,
  type SelectedPassage,
} from './thread-passages';
import { useCollabTextEditor } from './useCollabTextEditor';

interface SectionEditorProps {
  session: PaperSession;
  sectionId: string;
  /** The section's display number, for the toolbar's name. */
  number: string;
  /** Accessible name of the text area, e.g. "Section 2: Scope". */
  label: string;
  isEditable: boolean;
  /** Whether this member's edits are made as suggestions. */
  suggesting: boolean;
  /** Turns suggesting on or off, where the member may choose; absent where it is decided for them. */
  onSuggestingChange?: (suggesting: boolean) => void;
  /** Whether this is the section last focused, which shows the formatting toolbar. */
  isActive: boolean;
  /** Take the focus once created: the section was reached with the keyboard before it mounted. */
  autoFocus: boolean;
  onFocus: () => void;
  /** Passages of this section's threads, highlighted in the text. */
  passages: readonly PassageAnchor[];
  /** The thread whose passage is shown emphasised and scrolled into view. */
  focusedThreadId: string | null;
  /** Thread ids in the order their passages now appear; threads whose text is gone are left out. */
  onPassageOrder: (threadIds: string[]) => void;
  /** The selected text as an anchor for a new thread, or null when nothing is selected. */
  onSelectPassage: (passage: SelectedPassage | null) => void;
  /** Receives the editor once it exists, so the margin can line cards up with its text. */
  onEditor: (editor: Editor) => void;
}

/** One section's rich text, bound to its own fragment of the shared paper. */
export function SectionEditor({
  session,
  sectionId,
  number,
  label,
  isEditable,
  suggesting,
  onSuggestingChange,
  isActive,
  autoFocus,
  onFocus,
  passages,
  focusedThreadId,
  onPassageOrder,
  onSelectPassage,
  onEditor,
}: SectionEditorProps) {
  const { t } = useTranslation();
  const fragment = useMemo(
    () => session.doc.getXmlFragment(sectionFragmentName(sectionId)),
    [session, sectionId],
  );
  const editor = useCollabTextEditor(
    {
      extensions: () =>
        paperExtensions(fragment, session.awareness, sectionCursorField(sectionId), session.ownSuggestions),
      label,
      isEditable,
      autoFocus,
      onFocus,
    },
    [fragment, session],
  );

  useEffect(() => {
    setSuggesting(editor, suggesting);
  }, [editor, suggesting]);

  useEffect(() => {
    onEditor(editor);
  }, [editor, onEditor]);

  const lastOrder = useRef<string | null>(null);
  const reportOrder = useRef(onPassageOrder);
  reportOrder.current = onPassageOrder;
  const reportSelection = useRef(onSelectPassage);
  reportSelection.current = onSelectPassage;

  useEffect(() => {
    const report = () => {
      const order = passageRanges(editor.state).map((range) => range.threadId);
      const key = order.join(' ');
      if (key === lastOrder.current) return;
      lastOrder.current = key;
      reportOrder.current(order);
    };
    const select = () => reportSelection.current(selectionAnchor(editor.state));
    editor.on('transaction', report);
    editor.on('selectionUpdate', select);
    return () => {
      editor.off('transaction', report);
      editor.off('selectionUpdate', select);
    };
  }, [editor]);

  useEffect(() => {
    editor.view.dispatch(setPassages(editor.state, passages, focusedThreadId));
  }, [editor, passages, focusedThreadId]);

  // Scrolls to a thread's passage when it gets the focus. An editor mounted to follow a link to
  // a thread receives its text from the shared document a moment later: it waits for it.
  useEffect(() => {
    if (!focusedThreadId) return;
    const reveal = () => {
      const passage = editor.view.dom.querySelector('.thread-passage--focused');
      passage?.scrollIntoView({ block: 'center' });
      return passage !== null;
    };
    if (reveal()) return;
    const untilShown = () => {
      if (reveal()) editor.off('transaction', untilShown);
    };
    editor.on('transaction', untilShown);
    return () => {
      editor.off('transaction', untilShown);
    };
  }, [editor, focusedThreadId]);

  return (
    <div className="paper-editor">
      {isEditable && isActive ? (
        <EditorToolbar
          editor={editor}
          label={t('paper.toolbar.label', { number })}
          suggesting={suggesting}
          onSuggestingChange={onSuggestingChange}
        />
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
