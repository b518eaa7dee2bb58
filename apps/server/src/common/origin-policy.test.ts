import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { OriginPolicy } from './origin-policy.js';

interface FakeRequest {
  headers: Record<string, string>;
  peer?: string;
  isTls?: boolean;
}

function request({ headers, peer = '127.0.0.1', isTls = false }: FakeRequest): IncomingMessage {
  return { headers, socket: { remoteAddress: peer, encrypted: isTls } } as unknown as IncomingMessage;
}

const policy = new OriginPolicy(['http://localhost:3000', 'https://review.example.org'], 'loopback');

describe('OriginPolicy', () => {
  it('accepts a page on the address the request was made to, whatever the host name', () => {
    for (const host of ['127.0.0.1:3000', 'my-vm:3000', '192.168.1.20:3000', '[::1]:3000']) {
      expect(policy.allows(request({ headers: { host, origin: `http://${host}` } }))).toBe(true);
    }
  });

  it('accepts PUBLIC_URL and ALLOWED_ORIGINS, and requests from programs that send no Origin', () => {
    expect(
      policy.allows(request({ headers: { host: '10.0.0.5:3000', origin: 'https://review.example.org' } })),
    ).toBe(true);
    expect(policy.allows(request({ headers: { host: 'my-vm:3000', origin: 'http://localhost:3000' } }))).toBe(
      true,
    );
    expect(policy.allows(request({ headers: { host: 'my-vm:3000' } }))).toBe(true);
  });

  it('refuses a page of another site, another port or another scheme', () => {
    const host = 'my-vm:3000';
    for (const origin of [
      'http://evil.example',
      'http://my-vm:4000',
      'https://my-vm:3000',
      'null',
      'garbage',
    ]) {
      expect(policy.allows(request({ headers: { host, origin } })), origin).toBe(false);
    }
  });

  it('reads the scheme of a TLS socket and default ports the way browsers write origins', () => {
    expect(
      policy.allows(
        request({ headers: { host: 'paper.example', origin: 'https://paper.example' }, isTls: true }),
      ),
    ).toBe(true);
    expect(
      policy.allows(request({ headers: { host: 'paper.example:80', origin: 'http://paper.example' } })),
    ).toBe(true);
  });

  it('believes X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy only', () => {
    const forwarded = {
      host: 'app-1:3000',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'consult.example.org',
      origin: 'https://consult.example.org',
    };
    expect(policy.allows(request({ headers: forwarded, peer: '127.0.0.1' }))).toBe(true);
    expect(policy.allows(request({ headers: forwarded, peer: '::ffff:127.0.0.1' }))).toBe(true);
    expect(policy.allows(request({ headers: forwarded, peer: '203.0.113.9' }))).toBe(false);
  });

  it('lets only the configured origins call across origins', () => {
    expect(policy.allowsCrossOrigin('https://review.example.org')).toBe(true);
    expect(policy.allowsCrossOrigin('http://my-vm:3000')).toBe(false);
  });
});
