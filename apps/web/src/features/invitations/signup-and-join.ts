import type { InvitationSignupBody, SessionResponse } from '@cw/shared';
import { ApiError } from '../../lib/api-error';
import { login, signupWithInvitation } from '../auth/api';
import { acceptInvitation } from './api';

/** Where a sign-up through an invitation ends. */
export type SignupOutcome =
  /** Signed in and a member of the consultation. */
  | { kind: 'joined'; session: SessionResponse }
  /** Signed in, but the invitation could not be used (e.g. someone else used it meanwhile). */
  | { kind: 'signedIn'; session: SessionResponse }
  /** The email has an account with another password: its owner signs in, then joins. */
  | { kind: 'signInToJoin' };

/**
 * The server answers a sign-up the same whether or not the email already has an account, so the
 * app signs in next with what was typed: a new account has joined already (accepting again
 * confirms it); an existing account whose own password was typed joins now.
 */
export async function signupAndJoin(token: string, body: InvitationSignupBody): Promise<SignupOutcome> {
  await signupWithInvitation(token, body);
  let session: SessionResponse;
  try {
    session = await login({ email: body.email, password: body.password });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') return { kind: 'signInToJoin' };
    throw error;
  }
  try {
    await acceptInvitation(token, body.groupId);
    return { kind: 'joined', session };
  } catch (error) {
    const isMember = error instanceof ApiError && error.code === 'ALREADY_MEMBER';
    if (isMember) return { kind: 'joined', session };
    return { kind: 'signedIn', session };
  }
}
