import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateUpdate } from './update-validator.js';

const SECTION = 'section:6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';
const DELETED_SECTION = 'section:0d2e9f4b-1c3a-4b5d-8e6f-7a8b9c0d1e2f';
const isSection = (root: string) => root === SECTION;

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | undefined;
  const listener = (update: Uint8Array) => {
    captured = captured ? Y.mergeUpdates([captured, update]) : update;
  };
  doc.on('update', listener);
  change();
  doc.off('update', listener);
  return captured!;
}

describe('validateUpdate', () => {
  it('accepts an ordinary edit of a synced client', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const update = updateOf(client, () => client.getXmlFragment(SECTION).insert(0, [paragraph('Hello')]));
    expect(validateUpdate(server, update, isSection)).toEqual({ ok: true, inserts: true });
  });

  it('refuses empty and garbage updates', () => {
    const server = new Y.Doc();
    expect(validateUpdate(server, new Uint8Array(), isSection)).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'empty update',
    });
    expect(validateUpdate(server, new Uint8Array([0, 0]), isSection)).toMatchObject({ kind: 'invalid' });
    expect(validateUpdate(server, new Uint8Array([255, 255, 255, 1, 2, 3]), isSection)).toMatchObject({
      kind: 'invalid',
    });
  });

  it('reports an update that builds on changes the server has not seen yet, and accepts it once they came', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getXmlFragment(SECTION).insert(0, [paragraph('first')]);
    const second = updateOf(client, () => client.getXmlFragment(SECTION).insert(1, [paragraph('second')]));
    expect(validateUpdate(server, second, isSection)).toEqual({
      ok: false,
      kind: 'missing',
      reason: 'update depends on unknown changes',
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(validateUpdate(server, second, isSection)).toEqual({ ok: true, inserts: true });
  });

  it('takes an update with a gap once the server has what the gap leaves out', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const first = updateOf(client, () => client.getXmlFragment(SECTION).insert(0, [paragraph('one')]));
    const second = updateOf(client, () => client.getXmlFragment(SECTION).insert(1, [paragraph('two')]));
    const third = updateOf(client, () => client.getXmlFragment(SECTION).insert(2, [paragraph('three')]));
    // What a client that holds `third` without `second` sends: `second`'s range as a gap.
    const gapped = Y.mergeUpdates([first, third]);
    expect(Y.decodeUpdate(gapped).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(validateUpdate(server, gapped, isSection)).toMatchObject({ ok: false, kind: 'missing' });
    Y.applyUpdate(server, first);
    Y.applyUpdate(server, second);
    expect(validateUpdate(server, gapped, isSection)).toEqual({ ok: true, inserts: true });
  });

  it('reports roots that are not a section of the paper, at the top and inside existing content', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const settings = updateOf(client, () => client.getMap('settings').set('isAdmin', true));
    expect(validateUpdate(server, settings, isSection)).toMatchObject({
      kind: 'unknownRoot',
      root: 'settings',
    });
    const intoDeleted = updateOf(client, () =>
      client.getXmlFragment(DELETED_SECTION).insert(0, [paragraph('x')]),
    );
    expect(validateUpdate(server, intoDeleted, isSection)).toMatchObject({
      kind: 'unknownRoot',
      root: DELETED_SECTION,
    });
    // Content already in a root that is no longer a section cannot be extended either.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const nested = updateOf(client, () =>
      (client.getXmlFragment(DELETED_SECTION).get(0) as Y.XmlElement).insert(1, [new Y.XmlText('more')]),
    );
    expect(validateUpdate(server, nested, isSection)).toMatchObject({
      kind: 'unknownRoot',
      root: DELETED_SECTION,
    });
  });

  it('tells deletions from insertions', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getXmlFragment(SECTION).insert(0, [paragraph('to go')]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const deletion = updateOf(client, () => client.getXmlFragment(SECTION).delete(0, 1));
    expect(validateUpdate(server, deletion, isSection)).toEqual({ ok: true, inserts: false });
  });

  it('refuses sub-documents inside a section', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const element = paragraph('with a sub-document');
    client.getXmlFragment(SECTION).insert(0, [element]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const subdoc = updateOf(client, () => element.setAttribute('embedded', new Y.Doc() as unknown as string));
    expect(validateUpdate(server, subdoc, isSection)).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'unsupported content',
    });
  });

  it('reports deletions of content the server does not have yet', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getXmlFragment(SECTION).insert(0, [paragraph('secret')]);
    const deletion = updateOf(client, () => client.getXmlFragment(SECTION).delete(0, 1));
    expect(validateUpdate(server, deletion, isSection)).toEqual({
      ok: false,
      kind: 'missing',
      reason: 'update deletes unknown content',
    });
  });

  it('accepts a deletion spanning content the server has and content the same update brings', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const text = new Y.XmlText('stored');
    client.getXmlFragment(SECTION).insert(0, [new Y.XmlElement('paragraph')]);
    (client.getXmlFragment(SECTION).get(0) as Y.XmlElement).insert(0, [text]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    // Typed and then deleted along with the end of what was stored: one merged delete range.
    const update = updateOf(client, () => {
      text.insert(6, ' and new');
      text.delete(3, 8);
    });
    expect(Y.decodeUpdate(update).ds.clients.get(client.clientID)).toHaveLength(1);
    expect(validateUpdate(server, update, isSection)).toEqual({ ok: true, inserts: true });
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, update);
    expect(validateUpdate(ahead, Y.encodeStateAsUpdate(client), isSection)).toMatchObject({ ok: true });
  });
});
