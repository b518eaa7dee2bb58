import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from '../test/http-client.js';
import { addMember, buildConsultation, buildUser, type TestUser } from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPECTRAL = join(SERVER_ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js');
const RULESET = join(SERVER_ROOT, '.spectral.yaml');

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

/** Lints a document with the repository's ruleset, as `spectral lint` does on the command line. */
async function lint(document: unknown): Promise<SpectralResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    const output = join(dir, 'results.json');
    await writeFile(file, JSON.stringify(document));
    // Spectral exits 1 when it finds an error; the results file says which.
    const stderr = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        [SPECTRAL, 'lint', file, '--ruleset', RULESET, '--format', 'json', '--output', output, '--quiet'],
        (_error, _stdout, errors) => resolve(errors),
      );
    });
    const text = await readFile(output, 'utf8').catch(() => {
      throw new Error(`spectral wrote no results: ${stderr}`);
    });
    return JSON.parse(text) as SpectralResult[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Schema = { maxLength?: number; properties?: Record<string, Schema> };
type Operation = {
  operationId: string;
  parameters?: { name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, any> }>;
};

describe('the OpenAPI document', () => {
  let testApp: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; [key: string]: any };

  const operation = (method: string, path: string) => document.paths[path]![method]!;
  /** The error codes an operation documents under each status. */
  const documentedCodes = (method: string, path: string): Record<string, string[]> =>
    Object.fromEntries(
      Object.entries(operation(method, path).responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([status, response]) => [
          status,
          response.content!['application/json'].schema.allOf[1].properties.code.enum as string[],
        ]),
    );

  beforeAll(async () => {
    testApp = await startTestApp('pglite');
    document = (await new ApiClient(testApp.url).get('/api/docs-json')).body;
  });
  afterAll(() => testApp.close());

  it("passes Spectral's OpenAPI and OWASP API Security rules without an error", async () => {
    const results = await lint(document);
    const errors = results
      .filter((result) => result.severity === 0)
      .map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`);
    expect(errors).toEqual([]);
  });

  it('declares who may call each operation: a session for signed-in routes, none for public ones', () => {
    const signedIn = [{ bearerToken: [] }, { sessionCookie: [] }];
    expect(operation('get', '/api/auth/me').security).toEqual(signedIn);
    expect(operation('post', '/api/consultations/{consultationId}/threads').security).toEqual(signedIn);
    expect(operation('post', '/api/auth/login').security).toEqual([{}]);
    expect(operation('get', '/api/health').security).toEqual([{}]);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('names every operation readably and once, and describes it with who may call it', () => {
    const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
    const ids = operations.map((each) => each.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('threadsReply');
    for (const each of operations) {
      expect(each.summary, each.operationId).toBeTruthy();
      expect(each.description, each.operationId).toMatch(/\*\*Who:\*\* /);
    }
    expect(operation('get', '/api/consultations/{consultationId}/audit').description).toContain(
      'admins in any phase',
    );
  });

  it('lists the errors each route can give, from its access rule, guards, input and own decorators', () => {
    expect(
      documentedCodes('post', '/api/consultations/{consultationId}/threads/{threadId}/comments'),
    ).toEqual({
      '400': ['VALIDATION_FAILED'],
      '401': ['UNAUTHENTICATED'],
      '403': ['FORBIDDEN', 'FORBIDDEN_ORIGIN'],
      '404': ['NOT_FOUND', 'CONSULTATION_NOT_FOUND'],
      '409': ['PHASE_FORBIDS', 'THREAD_RESOLVED'],
      '413': ['PAYLOAD_TOO_LARGE'],
      '422': ['IDEMPOTENCY_KEY_REUSED'],
      '429': ['RATE_LIMITED'],
      '500': ['INTERNAL'],
      '503': ['DATABASE_UNAVAILABLE'],
    });
    // Public, no input, no database: nothing but a failure of the server itself.
    expect(documentedCodes('get', '/api/health')).toEqual({ '500': ['INTERNAL'] });
    // Every member reads a consultation in every phase: neither 403 nor 409 can come of it.
    expect(Object.keys(documentedCodes('get', '/api/consultations/{consultationId}'))).toEqual([
      '400',
      '401',
      '404',
      '500',
      '503',
    ]);
    const login = operation('post', '/api/auth/login').responses;
    expect(documentedCodes('post', '/api/auth/login')['401']).toEqual(['INVALID_CREDENTIALS']);
    expect(login['429']!.headers).toHaveProperty('Retry-After');
    expect(login['200']!.headers).toHaveProperty('X-Request-Id');
  });

  it('carries the length limits of the shared schemas on input strings', () => {
    const login = operation('post', '/api/auth/login').requestBody!.content['application/json']!.schema;
    expect(login.properties!['email']!.maxLength).toBe(320);
    expect(login.properties!['password']!.maxLength).toBe(256);
    const preview = operation('get', '/api/invitations/{token}').parameters!;
    expect(preview.find((parameter) => parameter.name === 'token')!.schema.maxLength).toBe(100);
  });

  describe('answers only errors it documents', () => {
    let admin: TestUser;
    let reviewer: TestUser;
    let outsider: TestUser;
    let consultationId: string;

    beforeAll(async () => {
      admin = await buildUser(testApp);
      reviewer = await buildUser(testApp);
      outsider = await buildUser(testApp);
      const consultation = await buildConsultation(testApp, admin, { phase: 'closed' });
      consultationId = consultation.id;
      await addMember(
        testApp,
        consultationId,
        reviewer,
        'reviewer',
        consultation.groups['Academia / research']!,
      );
    });

    const expectDocumented = (response: ApiResponse, method: string, path: string) => {
      const codes = documentedCodes(method, path)[String(response.status)];
      expect(codes, `${response.status} ${response.body?.code} of ${method} ${path}`).toContain(
        response.body.code,
      );
    };

    it('to callers without a session or with a wrong password', async () => {
      const anonymous = new ApiClient(testApp.url);
      expectDocumented(await anonymous.get('/api/auth/me'), 'get', '/api/auth/me');
      const login = await anonymous.post('/api/auth/login', {
        email: admin.email,
        password: 'not the password',
      });
      expect(login.status).toBe(401);
      expectDocumented(login, 'post', '/api/auth/login');
    });

    it('to a page of another site sending the session cookie', async () => {
      const response = await new ApiClient(testApp.url).request('POST', '/api/auth/logout', undefined, {
        cookie: `cw_session=${admin.token}`,
        origin: 'https://attacker.example',
      });
      expect(response.status).toBe(403);
      expectDocumented(response, 'post', '/api/auth/logout');
    });

    it('to members and non-members the consultation refuses', async () => {
      const base = `/api/consultations/${consultationId}`;
      const consultation = '/api/consultations/{consultationId}';
      expectDocumented(await outsider.api.get(base), 'get', consultation);
      expectDocumented(await admin.api.get('/api/consultations/not-a-uuid'), 'get', consultation);
      expectDocumented(await reviewer.api.get(`${base}/audit`), 'get', `${consultation}/audit`);
      const opened = await reviewer.api.post(`${base}/threads`, { body: 'Late input', questionId: null });
      expect(opened.status).toBe(409);
      expectDocumented(opened, 'post', `${consultation}/threads`);
      expectDocumented(
        await admin.api.get(`${base}/threads/${randomUUID()}`),
        'get',
        `${consultation}/threads/{threadId}`,
      );
      const keyed = await admin.api.request(
        'POST',
        `${base}/versions`,
        { name: 'v1' },
        { 'idempotency-key': 'no!' },
      );
      expect(keyed.status).toBe(400);
      expectDocumented(keyed, 'post', `${consultation}/versions`);
    });
  });
});
