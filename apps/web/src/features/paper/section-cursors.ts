import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { sectionAwareness } from '../../collab/section-awareness';

interface RemoteUser {
  name?: unknown;
  color?: unknown;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOUR = '#3e4784';

function colourOf(user: RemoteUser): string {
  return typeof user.color === 'string' && HEX_COLOUR.test(user.color) ? user.color : FALLBACK_COLOUR;
}

/**
 * A remote caret: a coloured bar with the label the server chose for this viewer (a name or a
 * stakeholder group). Hidden from screen readers, which hear who is here in the presence list.
 */
export function buildCaret(user: RemoteUser): HTMLElement {
  const colour = colourOf(user);
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret__label';
  label.style.backgroundColor = colour;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

function buildSelection(user: RemoteUser) {
  // A faint tint (alpha 0x14) keeps even link text above 4.5:1 contrast; the underline carries the colour.
  const colour = colourOf(user);
  return {
    class: 'remote-selection',
    style: `background-color: ${colour}14; border-block-end: 2px solid ${colour}`,
  };
}

export interface SectionCursorsOptions {
  awareness: Awareness | null;
  /** The awareness field holding this section's cursor (`sectionCursorField(sectionId)`). */
  field: string;
}

/** Shares this editor's caret and draws the others' carets and selections in one section. */
export const SectionCursors = Extension.create<SectionCursorsOptions>({
  name: 'sectionCursors',

  addOptions() {
    return { awareness: null, field: 'cursor' };
  },

  addProseMirrorPlugins() {
    const { awareness, field } = this.options;
    if (!awareness) throw new Error('SectionCursors needs the paper’s awareness');
    // The plugin is typed against the full Awareness class; it only uses the members the view provides.
    const view = sectionAwareness(awareness, field) as Awareness;
    return [yCursorPlugin(view, { cursorBuilder: buildCaret, selectionBuilder: buildSelection })];
  },
});
