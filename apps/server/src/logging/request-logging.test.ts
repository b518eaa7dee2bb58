import { describe, expect, it } from 'vitest';
import { loggableUrl } from './request-logging.js';

describe('loggableUrl', () => {
  it('keeps ordinary paths and queries', () => {
    expect(loggableUrl('/api/consultations/abc/threads?status=open')).toBe(
      '/api/consultations/abc/threads?status=open',
    );
  });

  it('hides invitation tokens in the path', () => {
    expect(loggableUrl('/api/invitations/s3cr3t-token')).toBe('/api/invitations/[redacted]');
    expect(loggableUrl('/api/invitations/s3cr3t-token/accept')).toBe('/api/invitations/[redacted]/accept');
  });

  it('hides session tokens in the query', () => {
    const url = loggableUrl('/collab/abc?token=s3cr3t&acks=1');
    expect(url).not.toContain('s3cr3t');
    expect(url).toBe('/collab/abc?token=[redacted]&acks=1');
  });
});
