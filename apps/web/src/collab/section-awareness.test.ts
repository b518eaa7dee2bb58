import { Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sectionAwareness } from './section-awareness';

const FIELD = 'cursor:3f2b1c1e-0d9a-4c59-8f5e-2b0a7c9d1e11';
const OTHER_FIELD = 'cursor:0e7a1b22-4c1d-4e8b-9a6f-5d3c2b1a0f99';
const position = (clock: number) => ({ type: null, tname: null, item: { client: 7, clock }, assoc: 0 });

describe('sectionAwareness', () => {
  const awareness = new Awareness(new Y.Doc());
  afterEach(() => awareness.setLocalState({}));

  it('writes the cursor into the section’s own field, leaving the others alone', () => {
    awareness.setLocalStateField(OTHER_FIELD, { anchor: position(1), head: position(1) });
    const view = sectionAwareness(awareness, FIELD);

    view.setLocalStateField('cursor', { anchor: position(2), head: position(3) });

    const local = awareness.getLocalState()!;
    expect(local[FIELD]).toEqual({ anchor: position(2), head: position(3) });
    expect(local[OTHER_FIELD]).toEqual({ anchor: position(1), head: position(1) });
    expect(local.cursor).toBeUndefined();
  });

  it('reads only this section’s cursor as `cursor`', () => {
    awareness.setLocalStateField(OTHER_FIELD, { anchor: position(1), head: position(1) });
    const view = sectionAwareness(awareness, FIELD);

    expect(view.getLocalState()!.cursor).toBeNull();
    expect([...view.getStates().values()].map((state) => state.cursor)).toEqual([null]);

    awareness.setLocalStateField(FIELD, { anchor: position(4), head: position(4) });
    expect(view.getStates().get(awareness.clientID)!.cursor).toEqual({
      anchor: position(4),
      head: position(4),
    });
  });

  it('keeps the identity the server attached to each state', () => {
    awareness.setLocalStateField('user', { name: 'Academia / research reviewer', color: '#027a48' });
    const view = sectionAwareness(awareness, FIELD);
    expect(view.getStates().get(awareness.clientID)!.user).toEqual({
      name: 'Academia / research reviewer',
      color: '#027a48',
    });
  });

  it('hands change listeners to the real awareness, so removing one works', () => {
    const view = sectionAwareness(awareness, FIELD);
    let calls = 0;
    const listener = () => calls++;
    view.on('change', listener);
    awareness.setLocalStateField(FIELD, { anchor: position(5), head: position(5) });
    view.off('change', listener);
    awareness.setLocalStateField(FIELD, { anchor: position(6), head: position(6) });
    expect(calls).toBe(1);
  });
});
