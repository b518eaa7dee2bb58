import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const SCRIPT = `console.log(${JSON.stringify('consultation '.repeat(500))});`;
const ASSET = '/assets/index-AbCd1234.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET as a browser sends it, with the encodings it accepts; the body is left as sent. */
function get(testApp: TestApp, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(`${testApp.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

describe('delivery of the web app and the API', () => {
  let dist: string;
  let testApp: TestApp;

  beforeAll(async () => {
    // A built app as Vite leaves it: each file also compressed beside it.
    dist = await mkdtemp(join(tmpdir(), 'cw-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Consultation Workspace</title>');
    await writeFile(join(dist, ASSET), SCRIPT);
    await writeFile(join(dist, `${ASSET}.br`), brotliCompressSync(SCRIPT));
    await writeFile(join(dist, `${ASSET}.gz`), gzipSync(SCRIPT));
    testApp = await startTestApp('pglite', { WEB_DIST: dist });
  });
  afterAll(async () => {
    await testApp.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('sends hashed assets compressed as the browser accepts, cached for good', async () => {
    const brotli = await get(testApp, ASSET, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    const gzip = await get(testApp, ASSET, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get(testApp, ASSET);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('answers client-side routes with index.html, revalidated at every visit', async () => {
    for (const path of ['/', '/consultations/123/paper', '/login?next=%2F']) {
      const page = await get(testApp, path);
      expect(page.status, path).toBe(200);
      expect(page.body.toString()).toContain('<title>Consultation Workspace</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    // The server's own paths stay the server's.
    expect((await get(testApp, '/api/nothing-here')).status).toBe(404);
  });

  it('compresses JSON answers of the API', async () => {
    const admin = await buildUser(testApp, { isOrganiser: true });
    const answer = await get(testApp, '/api/docs-json', {
      'accept-encoding': 'br',
      authorization: `Bearer ${admin.token}`,
    });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(answer.body).toString())).toMatchObject({
      openapi: expect.any(String),
    });
  });
});
