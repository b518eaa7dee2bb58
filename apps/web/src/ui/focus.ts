/** How long a focus target may take to appear (the answer is rendered, a list refetched). */
const WAIT_LIMIT_MS = 5_000;

/**
 * Moves the focus to the first of these elements (by id) once it is in the page: the element that
 * shows the result of an action is often rendered after the action's answer arrives.
 */
export function focusWhenShown(...elementIds: readonly string[]): void {
  const focusFirst = () => {
    for (const id of elementIds) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        return true;
      }
    }
    return false;
  };
  if (focusFirst()) return;
  const observer = new MutationObserver(() => {
    if (focusFirst()) stop();
  });
  const limit = setTimeout(() => stop(), WAIT_LIMIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(limit);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}
