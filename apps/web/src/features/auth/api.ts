import {
  demoAccount,
  invitationSignupAnswer,
  passwordResetRequested,
  sessionResponse,
  user,
  type AccountPreferencesBody,
  type LoginBody,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  type InvitationSignupBody,
  type User,
} from '@cw/shared';
import { api } from '../../lib/api-client';
import { ApiError } from '../../lib/api-error';

/** The signed-in user, or null when there is no valid session. */
export async function fetchCurrentUser(): Promise<User | null> {
  try {
    return await api.get('/api/auth/me', user);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const login = (body: LoginBody) => api.post('/api/auth/login', body, sessionResponse);

export const logout = () => api.post('/api/auth/logout');

export const savePreferences = (body: AccountPreferencesBody) => api.patch('/api/auth/me', body, user);

/** The demo accounts, or null outside demo mode (the server answers 404 then). */
export async function fetchDemoAccounts() {
  try {
    return await api.get('/api/demo/accounts', demoAccount.array());
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The same answer whether or not the email has an account: sign in next. */
export const signupWithInvitation = (token: string, body: InvitationSignupBody) =>
  api.post(`/api/invitations/${encodeURIComponent(token)}/signup`, body, invitationSignupAnswer);

/** The same answer whether or not the email has an account: look for the mail. */
export const requestPasswordReset = (body: PasswordResetRequestBody) =>
  api.post('/api/auth/password-reset', body, passwordResetRequested);

/** Sets the new password with the link's token; every session of the account ends. */
export const confirmPasswordReset = (body: PasswordResetConfirmBody) =>
  api.post('/api/auth/password-reset/confirm', body);
