import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateUpdate } from './update-validator.js';

const SECTION = 'section:6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

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
    expect(validateUpdate(server, update)).toEqual({ ok: true });
  });

  it('refuses empty and garbage updates', () => {
    const server = new Y.Doc();
    expect(validateUpdate(server, new Uint8Array())).toEqual({ ok: false, reason: 'empty update' });
    expect(validateUpdate(server, new Uint8Array([0, 0]))).toEqual({ ok: false, reason: 'empty update' });
    expect(validateUpdate(server, new Uint8Array([255, 255, 255, 1, 2, 3])).ok).toBe(false);
  });

  it('refuses an update that builds on changes the server never saw', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getXmlFragment(SECTION).insert(0, [paragraph('first')]);
    const second = updateOf(client, () => client.getXmlFragment(SECTION).insert(1, [paragraph('second')]));
    expect(validateUpdate(server, second)).toEqual({
      ok: false,
      reason: 'update depends on unknown changes',
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(validateUpdate(server, second)).toEqual({ ok: true });
  });

  it('refuses root types other than section fragments', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const update = updateOf(client, () => client.getMap('settings').set('isAdmin', true));
    expect(validateUpdate(server, update)).toEqual({ ok: false, reason: 'unknown root type' });
  });

  it('refuses sub-documents inside a section', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const element = paragraph('with a sub-document');
    client.getXmlFragment(SECTION).insert(0, [element]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const subdoc = updateOf(client, () => element.setAttribute('embedded', new Y.Doc() as unknown as string));
    expect(validateUpdate(server, subdoc)).toEqual({ ok: false, reason: 'unsupported content' });
  });

  it('refuses deletions of content the server does not have', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getXmlFragment(SECTION).insert(0, [paragraph('secret')]);
    const deletion = updateOf(client, () => client.getXmlFragment(SECTION).delete(0, 1));
    expect(validateUpdate(server, deletion)).toEqual({ ok: false, reason: 'update deletes unknown content' });
  });
});
