import { DOMSerializer } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { paperSchema } from './paper-extensions';

/** Runs `work` when the browser is idle (soon, where it cannot tell); returns the cancel. */
function whenIdle(work: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(work, { timeout: 2_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}

/**
 * Keeps `target` holding a section's text as the paper's editor would render it, without an
 * editor: hidden until the browser's find-in-page matches it (`hidden="until-found"`, which then
 * calls `onFound`), and shown when the page is printed. Rendered when the browser is idle, again
 * after each change, and at once before printing. Returns the function that stops it.
 */
export function keepSectionText(
  fragment: Y.XmlFragment,
  target: HTMLElement,
  onFound: () => void,
): () => void {
  target.setAttribute('hidden', 'until-found');
  let cancel: (() => void) | undefined;
  const render = () => {
    cancel = undefined;
    const schema = paperSchema();
    const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    target.replaceChildren(DOMSerializer.fromSchema(schema).serializeFragment(doc.content));
  };
  const schedule = () => {
    cancel ??= whenIdle(render);
  };
  const renderNow = () => {
    if (!cancel) return;
    cancel();
    render();
  };
  schedule();
  fragment.observeDeep(schedule);
  window.addEventListener('beforeprint', renderNow);
  target.addEventListener('beforematch', onFound);
  return () => {
    cancel?.();
    fragment.unobserveDeep(schedule);
    window.removeEventListener('beforeprint', renderNow);
    target.removeEventListener('beforematch', onFound);
  };
}
