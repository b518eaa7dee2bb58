import { Button } from '@radix-ui/themes';
import type { Editor } from '@tiptap/react';
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_SHORTCUT } from './comment-shortcut';
import type { SelectedPassage } from './thread-passages';

/** Room kept for the button at the column's far edge, in px, so it never overflows the text column. */
const BUTTON_ROOM = 120;
const GAP = 4;

/**
 * "Comment", just below the end of the selected passage, in the text column: where the eye and the
 * thumb are, on a phone as on a wide screen (the margin may be a screen below).
 */
export function SelectionCommentButton({
  editor,
  passage,
  column,
  onComment,
}: {
  editor: Editor;
  /** The selected passage; the button moves when it changes. */
  passage: SelectedPassage;
  /** The text column the button is placed in (positioned). */
  column: RefObject<HTMLDivElement | null>;
  onComment: () => void;
}) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<CSSProperties | null>(null);

  useLayoutEffect(() => {
    const container = column.current;
    if (!container) return;
    const measure = () => {
      const end = Math.min(editor.state.selection.to, editor.state.doc.content.size);
      const caret = editor.view.coordsAtPos(end);
      const box = container.getBoundingClientRect();
      const isRtl = getComputedStyle(container).direction === 'rtl';
      const fromStart = isRtl ? box.right - caret.right : caret.left - box.left;
      setPlace({
        insetBlockStart: caret.bottom - box.top + GAP,
        insetInlineStart: Math.max(0, Math.min(fromStart, box.width - BUTTON_ROOM)),
      });
    };
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(container);
    return () => resized.disconnect();
  }, [editor, passage, column]);

  if (!place) return null;
  return (
    <div className="selection-comment" style={place}>
      <Button
        size="2"
        aria-keyshortcuts={COMMENT_SHORTCUT.aria}
        // Keeps the editor's selection when pressed with a mouse or a finger.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
      >
        {t('threads.margin.comment')}
      </Button>
    </div>
  );
}
