import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One client's awareness entry as it travels in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Parsed JSON state; null means the client left. */
  state: Record<string, unknown> | null;
}

/** Reads an awareness update (y-protocols format); throws on malformed input. */
export function decodeAwarenessUpdate(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 16) throw new Error('too many awareness states in one update');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > maxStateBytes) throw new AwarenessTooLargeError();
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new Error('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  return entries;
}

export class AwarenessTooLargeError extends Error {
  constructor() {
    super('awareness state too large');
  }
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

const CURSOR_FIELD = /^cursor(:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;
const RELATIVE_POSITION_KEYS = new Set(['type', 'tname', 'item', 'assoc']);

function isId(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object') return false;
  const { client, clock, ...rest } = value as Record<string, unknown>;
  return Number.isInteger(client) && Number.isInteger(clock) && Object.keys(rest).length === 0;
}

function isRelativePosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (!Object.keys(record).every((key) => RELATIVE_POSITION_KEYS.has(key))) return false;
  if (record.tname !== undefined && record.tname !== null && typeof record.tname !== 'string') return false;
  if (record.assoc !== undefined && !Number.isInteger(record.assoc)) return false;
  return isId(record.type) && isId(record.item);
}

function isCursor(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const { anchor, head, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isRelativePosition(anchor) && isRelativePosition(head);
}

/**
 * Keeps only what a client may say about itself: its cursors (`cursor`, `cursor:<sectionId>`)
 * as relative positions. Identity (`user`) is never taken from the client; the server adds it
 * per viewer, so nobody can present themselves as someone else.
 */
export function sanitizeAwarenessState(
  state: Record<string, unknown> | null,
): Record<string, unknown> | null {
  if (state === null) return null;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (CURSOR_FIELD.test(key) && isCursor(value)) clean[key] = value;
  }
  return clean;
}

/** Presence colours, readable on white, in the order they are handed out. */
export const PRESENCE_COLOURS = [
  '#b42318',
  '#b54708',
  '#027a48',
  '#026aa2',
  '#175cd3',
  '#5925dc',
  '#c11574',
  '#3e4784',
  '#107569',
  '#6941c6',
];

/** The colour used least among `inUse` (the first such in palette order), for a newcomer. */
export function leastUsedColour(inUse: Iterable<string>): string {
  const counts = new Map(PRESENCE_COLOURS.map((colour) => [colour, 0]));
  for (const colour of inUse) if (counts.has(colour)) counts.set(colour, counts.get(colour)! + 1);
  let best = PRESENCE_COLOURS[0]!;
  for (const colour of PRESENCE_COLOURS) if (counts.get(colour)! < counts.get(best)!) best = colour;
  return best;
}
