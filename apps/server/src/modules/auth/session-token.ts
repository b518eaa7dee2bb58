import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: unguessable, URL- and header-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 digests. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export const SESSION_COOKIE = 'cw_session';
