import { describe, expect, it } from 'vitest';
import { collabRoom, parseCollabRoom } from './protocol.js';

const CONSULTATION = '5d2a1f6e-8b3c-4d9e-a1f2-3b4c5d6e7f80';
const SESSION = '0f1e2d3c-4b5a-4968-8776-655443322110';

describe('collab rooms', () => {
  it('names the paper by its consultation and a session’s notes under it, and reads both back', () => {
    const paper = { kind: 'paper', consultationId: CONSULTATION } as const;
    const notes = { kind: 'notes', consultationId: CONSULTATION, sessionId: SESSION } as const;
    expect(collabRoom(paper)).toBe(CONSULTATION);
    expect(collabRoom(notes)).toBe(`${CONSULTATION}/notes/${SESSION}`);
    expect(parseCollabRoom(collabRoom(paper))).toEqual(paper);
    expect(parseCollabRoom(collabRoom(notes))).toEqual(notes);
    expect(parseCollabRoom(CONSULTATION.toUpperCase())).toEqual(paper);
  });

  it('reads nothing else', () => {
    for (const room of [
      '',
      'not-a-uuid',
      `${CONSULTATION}/`,
      `${CONSULTATION}/notes`,
      `${CONSULTATION}/notes/${SESSION}/more`,
      `${CONSULTATION}/versions/${SESSION}`,
      `../${CONSULTATION}`,
    ]) {
      expect(parseCollabRoom(room)).toBeUndefined();
    }
  });
});
