/** Apple keyboards use ⌘ where the others use Ctrl, as Google Docs' "insert comment" does. */
const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);

/** The shortcut that comments on the selected passage, as `aria-keyshortcuts` names it and as shown. */
export const COMMENT_SHORTCUT = isApple
  ? { aria: 'Meta+Alt+M', shown: '⌘+Option+M' }
  : { aria: 'Control+Alt+M', shown: 'Ctrl+Alt+M' };

/** Whether a key press is the comment shortcut; by the key's place, since Option changes its letter. */
export function isCommentShortcut(
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>,
) {
  return (
    event.code === 'KeyM' && event.altKey && !event.shiftKey && (isApple ? event.metaKey : event.ctrlKey)
  );
}
