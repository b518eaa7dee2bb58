import type { ThrottlerOptions } from '@nestjs/throttler';
import { InvitationLinksController } from './invitation-links.controller.js';

/**
 * The `invitations` throttler: `limit` requests a minute per client address across all
 * `/api/invitations/:token*` routes together (one bucket, so probing preview and accept alike
 * counts), and nowhere else.
 */
export function invitationsThrottler(limit: number): ThrottlerOptions {
  return {
    name: 'invitations',
    ttl: 60_000,
    limit,
    skipIf: (context) => context.getClass() !== InvitationLinksController,
    generateKey: (_context, tracker) => `invitations:${tracker}`,
  };
}
