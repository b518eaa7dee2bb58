import { type Extensions, getSchema } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { isAllowedLinkAddress, LINK_PROTOCOLS } from '@cw/shared';
import type { OwnSuggestions } from '../../collab/own-suggestions';
import { PaperSuggestions } from './paper-suggestions';
import { SectionCursors } from './section-cursors';
import { ThreadPassages } from './thread-passages';

/** Section text sits under the section's own h2, so headings inside it start at level 3. */
export const CONTENT_HEADING_LEVELS = [3, 4] as const;

/**
 * The rich text every collaborative editor shares (the paper's sections, a session's notes).
 * Everything that would write to the document on its own (StarterKit's trailing paragraph) is
 * left out: a reader's editor must never produce changes.
 */
export function collaborativeStarterKit() {
  return StarterKit.configure({
    // Collaboration brings its own undo, which undoes only this person's changes.
    undoRedo: false,
    trailingNode: false,
    heading: { levels: [...CONTENT_HEADING_LEVELS] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...LINK_PROTOCOLS],
      defaultProtocol: 'https',
      isAllowedUri: (address) => isAllowedLinkAddress(address),
    },
  });
}

/** The editor schema of one section: the shared rich text, tables, thread passages and suggestions. */
export function paperExtensions(
  fragment: Y.XmlFragment,
  awareness: Awareness,
  cursorField: string,
  ownSuggestions: OwnSuggestions,
): Extensions {
  return [
    collaborativeStarterKit(),
    paperTables(),
    Collaboration.configure({ fragment }),
    SectionCursors.configure({ awareness, field: cursorField }),
    ThreadPassages,
    PaperSuggestions.configure({
      isOwnSuggestion: (id) => ownSuggestions.has(id),
      onOwnSuggestion: (id) => ownSuggestions.add(id),
    }),
  ];
}

const paperTables = () => TableKit.configure({ table: { resizable: false } });

let sectionSchema: Schema | undefined;

/** The schema of a section's text, for reading it without an editor (see `section-text.ts`). */
export function paperSchema(): Schema {
  sectionSchema ??= getSchema([collaborativeStarterKit(), paperTables(), PaperSuggestions]);
  return sectionSchema;
}
