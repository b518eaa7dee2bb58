import { quoteOf } from '@cw/shared';
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as buffer from 'lib0/buffer';
import * as Y from 'yjs';

/** A thread's passage as the server stores it: encoded Yjs relative positions. */
export interface PassageAnchor {
  threadId: string;
  start: string;
  end: string;
}

interface DecodedPassage {
  threadId: string;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

interface PassagesState {
  passages: DecodedPassage[];
  focusedThreadId: string | null;
}

export interface PassageRange {
  threadId: string;
  from: number;
  to: number;
}

const passagesKey = new PluginKey<PassagesState>('threadPassages');

function decode(anchor: PassageAnchor): DecodedPassage | null {
  try {
    return {
      threadId: anchor.threadId,
      start: Y.decodeRelativePosition(buffer.fromBase64(anchor.start)),
      end: Y.decodeRelativePosition(buffer.fromBase64(anchor.end)),
    };
  } catch {
    return null;
  }
}

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/**
 * The position in the section's editor, or null when its text is gone. y-tiptap takes any text
 * position at absolute position 1 for a misresolved one, yet that is simply the section's first
 * character, where many passages begin; that case is recognised here from the Yjs structure.
 */
function toAbsolute(doc: Y.Doc, fragment: Y.XmlFragment, position: Y.RelativePosition, mapping: Mapping) {
  const resolved = relativePositionToAbsolutePosition(doc, fragment, position, mapping);
  if (resolved !== null) return resolved;
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!decoded || !(decoded.type instanceof Y.XmlText) || decoded.index !== 0) return null;
  const block = decoded.type.parent;
  const isSectionStart =
    block instanceof Y.XmlElement &&
    block.parent === fragment &&
    fragment.firstChild === block &&
    block.firstChild === decoded.type;
  return isSectionStart ? 1 : null;
}

/**
 * Where each passage is in the text now, ordered by position; passages whose text is gone are
 * left out. Computed from the relative positions through the live Yjs ↔ ProseMirror mapping, so
 * the ranges follow every local and remote edit.
 */
export function passageRanges(state: EditorState): PassageRange[] {
  const passages = passagesKey.getState(state)?.passages ?? [];
  const sync = ySyncPluginKey.getState(state) as
    { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Mapping } | null } | undefined;
  if (!sync?.binding || passages.length === 0) return [];
  const { doc, type, binding } = sync;
  const ranges: PassageRange[] = [];
  for (const passage of passages) {
    const from = toAbsolute(doc, type, passage.start, binding.mapping);
    const to = toAbsolute(doc, type, passage.end, binding.mapping);
    if (from !== null && to !== null && from < to) ranges.push({ threadId: passage.threadId, from, to });
  }
  return ranges.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Selected text with its encoded positions: a new thread's anchor without the section. */
export interface SelectedPassage {
  start: string;
  end: string;
  quote: string;
}

/**
 * A relative position at the same place with the given association: `0` sticks to the character
 * after it, `-1` to the character before it.
 */
export function associated(position: Y.RelativePosition, doc: Y.Doc, assoc: 0 | -1): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return absolute ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc) : position;
}

/**
 * The text between `from` and `to` as an anchor for a new thread, or null when it holds no text.
 * The start sticks to the passage's first character and the end to its last, so text typed just
 * before or just after the passage stays outside it, and deleting the passage leaves nothing
 * between its ends.
 */
export function passageAnchor(state: EditorState, from: number, to: number): SelectedPassage | null {
  const sync = ySyncPluginKey.getState(state) as
    | {
        doc: Y.Doc;
        type: Y.XmlFragment;
        binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
      }
    | undefined;
  if (from >= to || !sync?.binding) return null;
  const quote = quoteOf(state.doc.textBetween(from, to, '\n'));
  if (quote === '') return null;
  const encode = (position: number, assoc: 0 | -1) =>
    buffer.toBase64(
      Y.encodeRelativePosition(
        associated(
          absolutePositionToRelativePosition(
            position,
            sync.type,
            sync.binding!.mapping,
          ) as Y.RelativePosition,
          sync.doc,
          assoc,
        ),
      ),
    );
  return { start: encode(from, 0), end: encode(to, -1), quote };
}

/** The selection as an anchor for a new thread, or null when nothing is selected. */
export function selectionAnchor(state: EditorState): SelectedPassage | null {
  const { from, to, empty } = state.selection;
  return empty ? null : passageAnchor(state, from, to);
}

/** Replaces the passages to highlight and which of them has focus. */
export function setPassages(
  state: EditorState,
  anchors: readonly PassageAnchor[],
  focusedThreadId: string | null,
) {
  const passages = anchors.map(decode).filter((passage): passage is DecodedPassage => passage !== null);
  return state.tr.setMeta(passagesKey, { passages, focusedThreadId } satisfies PassagesState);
}

/** Highlights the passages threads are anchored to, recomputed on every change of the text. */
export const ThreadPassages = Extension.create({
  name: 'threadPassages',

  addProseMirrorPlugins() {
    return [
      new Plugin<PassagesState>({
        key: passagesKey,
        state: {
          init: () => ({ passages: [], focusedThreadId: null }),
          apply: (tr, previous) => (tr.getMeta(passagesKey) as PassagesState | undefined) ?? previous,
        },
        props: {
          decorations(state) {
            const focused = passagesKey.getState(state)?.focusedThreadId;
            const ranges = passageRanges(state);
            if (ranges.length === 0) return null;
            return DecorationSet.create(
              state.doc,
              ranges.map((range) =>
                Decoration.inline(range.from, range.to, {
                  class:
                    range.threadId === focused ? 'thread-passage thread-passage--focused' : 'thread-passage',
                  'data-thread-id': range.threadId,
                }),
              ),
            );
          },
        },
      }),
    ];
  },
});
