import { describe, expect, it } from 'vitest';
import { auditFiltersFromSearch, changes } from './audit-filters';

describe('audit filters and changes', () => {
  it('reads the filters the server accepts and drops the others', () => {
    const actorId = '00000000-0000-4000-8000-000000000001';
    expect(
      auditFiltersFromSearch(
        new URLSearchParams({ action: 'phase.changed', actorId, from: '2026-03-01', to: 'soon' }),
      ),
    ).toEqual({ action: 'phase.changed', actorId, from: '2026-03-01' });
    expect(
      auditFiltersFromSearch(new URLSearchParams({ action: 'deleted.everything', actorId: 'me' })),
    ).toEqual({});
  });

  it('lines up before and after field by field', () => {
    expect(changes({ attributionMode: 'chatham' }, { attributionMode: 'named' })).toEqual([
      { field: 'attributionMode', before: 'chatham', after: 'named' },
    ]);
    expect(changes(null, { role: 'reviewer', ranges: [{ start: 0, end: 2 }] })).toEqual([
      { field: 'role', before: '', after: 'reviewer' },
      { field: 'ranges', before: '', after: '[{"start":0,"end":2}]' },
    ]);
  });
});
