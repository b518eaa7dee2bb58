/** What other parts of the app may use of the invitations module; the rest is its own. */
export { InvitationsModule } from './invitations.module.js';
export { invitationsThrottler } from './invitations-throttler.js';
