import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyaddr from 'proxy-addr';

/** `new URL(value).origin`, or undefined when `value` is not an absolute URL. */
function originOf(value: string): string | undefined {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The first entry of a comma-separated header (a proxy chain lists the client's first). */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

/**
 * Which web pages may use a member's session: the page the request came from (its `Origin`
 * header) must be the address the request was made to (same origin, whatever host name or IP
 * the app was opened at), `PUBLIC_URL` or one of `ALLOWED_ORIGINS`. Requests without an `Origin`
 * header come from programs, not from a page another site could have opened, and are let through.
 */
export class OriginPolicy {
  private readonly isTrustedProxy: (address: string, hop: number) => boolean;

  constructor(
    private readonly allowedOrigins: readonly string[],
    /** The `TRUST_PROXY` setting: proxies whose `X-Forwarded-Proto`/`-Host` are believed. */
    trustProxy: string,
  ) {
    this.isTrustedProxy = proxyaddr.compile(trustProxy.split(',').map((entry) => entry.trim()));
  }

  /**
   * The origin the browser addressed: scheme and host of the request as it left the browser,
   * read from `X-Forwarded-Proto`/`X-Forwarded-Host` only when a trusted proxy set them.
   */
  requestOrigin(request: IncomingMessage): string | undefined {
    const isTls = (request.socket as Partial<TLSSocket>).encrypted === true;
    const peer = request.socket.remoteAddress;
    const viaTrustedProxy = peer !== undefined && this.isTrustedProxy(peer, 0);
    const scheme =
      (viaTrustedProxy ? firstValue(request.headers['x-forwarded-proto']) : undefined) ??
      (isTls ? 'https' : 'http');
    const host =
      (viaTrustedProxy ? firstValue(request.headers['x-forwarded-host']) : undefined) ?? request.headers.host;
    return host ? originOf(`${scheme}://${host}`) : undefined;
  }

  /** Whether the page that sent this request (if any) may act with the request's session. */
  allows(request: IncomingMessage): boolean {
    const header = request.headers.origin;
    if (header === undefined) return true;
    const origin = originOf(header);
    if (!origin) return false;
    return origin === this.requestOrigin(request) || this.allowedOrigins.includes(origin);
  }

  /** Whether a page at `origin` on another address may call the API with cookies (CORS). */
  allowsCrossOrigin(origin: string): boolean {
    return this.allowedOrigins.includes(origin);
  }
}
