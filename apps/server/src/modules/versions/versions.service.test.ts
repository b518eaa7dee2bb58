import { VERSION_NAME_MAX_LENGTH } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { beforeRestoringName } from './versions.service.js';

describe('the version saved before a restore', () => {
  const at = new Date('2026-12-07T06:30:12.345Z');

  it('names the restored version and the second it was saved', () => {
    expect(beforeRestoringName('Draft for consultation', at)).toBe(
      'Before restoring "Draft for consultation" (2026-12-07 06:30:12 UTC)',
    );
  });

  it('shortens a long name so the whole fits the limit', () => {
    const name = beforeRestoringName('x'.repeat(VERSION_NAME_MAX_LENGTH), at);
    expect(name).toHaveLength(VERSION_NAME_MAX_LENGTH);
    expect(name).toContain('x…" (2026-12-07 06:30:12 UTC)');
  });
});
