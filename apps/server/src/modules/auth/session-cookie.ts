import { parseCookie, stringifySetCookie } from 'cookie';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../../config/config.js';
import { SESSION_COOKIE } from './session-token.js';

/** HttpOnly so scripts cannot read it; SameSite=Lax so cross-site posts do not carry it. */
export function sessionCookie(config: AppConfig, token: string, expiresAt: Date): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isCookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearedSessionCookie(config: AppConfig): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: '',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isCookieSecure,
    path: '/',
    maxAge: 0,
  });
}

/** The session token of an HTTP request or WebSocket upgrade: bearer header first, then cookie. */
export function tokenFromRequest(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = request.headers.cookie;
  return cookies ? parseCookie(cookies)[SESSION_COOKIE] : undefined;
}
