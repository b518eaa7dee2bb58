import { checkInvitationRows, MAX_BULK_INVITATIONS } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { parseInvitationList } from './bulk-rows';

const groups = [
  { id: '00000000-0000-4000-8000-000000000031', name: 'Trade union' },
  { id: '00000000-0000-4000-8000-000000000032', name: 'Company / business' },
];

describe('parseInvitationList', () => {
  it('reads pasted lines and a CSV export with a header, quotes and other separators', () => {
    const pasted = parseInvitationList('ana@example.org, editor, Trade union\nben@example.org\n\n');
    expect(pasted.rows).toEqual([
      { email: 'ana@example.org', role: 'editor', group: 'Trade union' },
      { email: 'ben@example.org', role: 'reviewer', group: null },
    ]);
    const csv = parseInvitationList(
      'Email;Role;Group\r\n"cy@example.org";observer;"Company / business"\r\ndi@example.org;admin;open\r\n',
    );
    expect(csv.rows).toEqual([
      { email: 'cy@example.org', role: 'observer', group: 'Company / business' },
      { email: 'di@example.org', role: 'admin', group: null },
    ]);
    expect(parseInvitationList('ed@example.org\tobserver\tTrade union').rows).toEqual([
      { email: 'ed@example.org', role: 'observer', group: 'Trade union' },
    ]);
  });

  it('says when the list is longer than one request may hold', () => {
    const lines = Array.from({ length: MAX_BULK_INVITATIONS + 2 }, (_, i) => `p${i}@example.org`);
    const parsed = parseInvitationList(lines.join('\n'));
    expect(parsed.tooLong).toBe(true);
    expect(parsed.rows).toHaveLength(MAX_BULK_INVITATIONS);
  });

  it('previews each row with the problem the server would answer', () => {
    const { rows } = parseInvitationList(
      'ana@example.org,reviewer,trade UNION\nnope,reviewer\nben@example.org,owner\nben@example.org,editor,Farmers\nANA@example.org',
    );
    expect(checkInvitationRows(rows, groups)).toEqual([
      { ok: true, row: { email: 'ana@example.org', role: 'reviewer', groupId: groups[0]!.id } },
      { ok: false, problem: 'invalidEmail' },
      { ok: false, problem: 'invalidRole' },
      { ok: false, problem: 'unknownGroup' },
      { ok: false, problem: 'duplicate' },
    ]);
  });
});
