import { describe, expect, it } from 'vitest';
import { saveStatus, type SaveStatusInput } from './save-status';

const connected: SaveStatusInput = {
  localClock: 0,
  storedClock: 0,
  hasUnstoredKeptEdits: false,
  isConnected: true,
  serverAccess: 'edit',
};

describe('saveStatus', () => {
  it('is saved when the server has stored everything this client wrote', () => {
    expect(saveStatus({ ...connected, localClock: 12, storedClock: 12 })).toBe('saved');
  });

  it('is saved before this client has written anything', () => {
    expect(saveStatus(connected)).toBe('saved');
    expect(saveStatus({ ...connected, isConnected: false, serverAccess: null })).toBe('saved');
  });

  it('is saving while the stored clock lags behind what was written', () => {
    expect(saveStatus({ ...connected, localClock: 13, storedClock: 12 })).toBe('saving');
  });

  it('is saving while the server has not yet said whether this socket may write', () => {
    expect(saveStatus({ ...connected, localClock: 3, storedClock: 0, serverAccess: null })).toBe('saving');
  });

  it('says the changes are not saved while offline', () => {
    expect(saveStatus({ ...connected, localClock: 5, storedClock: 2, isConnected: false })).toBe(
      'unsavedOffline',
    );
  });

  it('is not saved while edits kept from an earlier visit are not stored, though this page wrote nothing', () => {
    const kept = { ...connected, hasUnstoredKeptEdits: true };
    expect(saveStatus({ ...kept, isConnected: false, serverAccess: null })).toBe('unsavedOffline');
    expect(saveStatus(kept)).toBe('saving');
  });

  it('says the changes were refused when the server no longer accepts edits from this socket', () => {
    expect(saveStatus({ ...connected, localClock: 5, storedClock: 2, serverAccess: 'read' })).toBe('refused');
  });

  it('never reports saving once a later acknowledgement covers more than was written', () => {
    expect(saveStatus({ ...connected, localClock: 4, storedClock: 9 })).toBe('saved');
  });
});
