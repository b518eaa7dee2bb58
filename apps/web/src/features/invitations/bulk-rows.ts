import { type BulkInvitationRow, MAX_BULK_INVITATIONS } from '@cw/shared';
import Papa from 'papaparse';

/** What a pasted list or an uploaded file holds: its rows, and whether it is longer than allowed. */
export interface ParsedList {
  rows: BulkInvitationRow[];
  tooLong: boolean;
}

const HEADER = /^e-?mail$/i;

/**
 * Reads lines of "email, role, group" — comma, semicolon or tab separated, quoted or not, as a
 * spreadsheet exports them — with or without a header line. A missing role means reviewer; a
 * missing group, or "open", leaves the group for the invitee to pick.
 */
export function parseInvitationList(text: string): ParsedList {
  const { data } = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' });
  const lines = data.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  if (lines[0] && HEADER.test(lines[0][0]?.trim() ?? '')) lines.shift();
  const rows = lines.map(([email = '', role = '', group = '']) => ({
    email: email.trim(),
    role: role.trim() || 'reviewer',
    group: group.trim() === '' || group.trim().toLowerCase() === 'open' ? null : group.trim(),
  }));
  return { rows: rows.slice(0, MAX_BULK_INVITATIONS), tooLong: rows.length > MAX_BULK_INVITATIONS };
}
