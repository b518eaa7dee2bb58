import { expect, type Locator, type Page } from '@playwright/test';

/** Selects `text` inside an editor the way a mouse drag would, so the editor reads the selection. */
export async function selectText(
  section: Locator,
  text: string,
  { collapseAfter }: { collapseAfter?: string } = {},
) {
  await section.evaluate(
    (root, { wanted, caretAfter }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(wanted) ?? -1;
        if (index === -1) continue;
        const range = document.createRange();
        if (caretAfter === null) {
          range.setStart(node, index);
          range.setEnd(node, index + wanted.length);
        } else {
          range.setStart(node, index + caretAfter.length);
          range.collapse(true);
        }
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the text`);
    },
    { wanted: text, caretAfter: collapseAfter ?? null },
  );
}

/** Everything the page receives from the server: API answers and WebSocket frames, as text. */
export function recordTraffic(page: Page): { readonly received: string[] } {
  const received: string[] = [];
  page.on('response', (response) => {
    if (!response.url().includes('/api/')) return;
    response.text().then(
      (body) => received.push(body),
      () => undefined,
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) =>
      received.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
    );
  });
  return { received };
}

/** The text highlighted in a section as the passage of one thread. */
export async function highlightedText(section: Locator, threadId: string): Promise<string> {
  return (await section.locator(`.thread-passage[data-thread-id="${threadId}"]`).allTextContents()).join('');
}

/** Fails the test if a script from a comment ran: no dialog and no flag set by a payload. */
export async function expectNoScriptRan(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}
