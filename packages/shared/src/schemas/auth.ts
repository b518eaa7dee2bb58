import { z } from 'zod';
import { LANGUAGES } from '../languages.js';
import { email, password, text, uuid } from './common.js';

export const loginBody = z.strictObject({
  /** The account's email address; compared case-insensitively. */
  email,
  password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
});
export type LoginBody = z.infer<typeof loginBody>;

export const signupBody = z.strictObject({
  /** Shown to those entitled to names (SPEC §3). */
  name: text({ max: 120 }),
  email,
  password,
});
export type SignupBody = z.infer<typeof signupBody>;

export const user = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  /** May create consultations (and becomes their first admin). */
  isOrganiser: z.boolean(),
  /** The language the account chose for the app on every device; null until it chooses. */
  language: z.enum(LANGUAGES).nullable(),
});
export type User = z.infer<typeof user>;

/** What an account may change about itself. */
export const accountPreferencesBody = z.strictObject({
  language: z.enum(LANGUAGES),
});
export type AccountPreferencesBody = z.infer<typeof accountPreferencesBody>;

export const sessionResponse = z.object({
  /** Bearer token for API and WebSocket clients; the same session as the cookie. */
  token: z.string(),
  expiresAt: z.string(),
  user,
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const demoAccount = z.object({
  email: z.string(),
  name: z.string(),
  password: z.string(),
  role: z.string(),
  group: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccount>;
