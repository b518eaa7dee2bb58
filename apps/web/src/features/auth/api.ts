import {
  demoAccount,
  invitationSignupAnswer,
  sessionResponse,
  user,
  type LoginBody,
  type SignupBody,
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
export const signupWithInvitation = (token: string, body: SignupBody) =>
  api.post(`/api/invitations/${encodeURIComponent(token)}/signup`, body, invitationSignupAnswer);
