import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.js';

interface ThreadBody {
  anchor: { quote: string; isPassageRemoved: boolean } | null;
  status: string;
  resolution: { outcome: string; note: string } | null;
  comments: Array<{
    author: { group: { name: string }; isYou: boolean };
    endorsements: Array<{ groupName: string }>;
  }>;
}

describe.each(BACKENDS)('demo input on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { DEMO_MODE: 'true' });
  });
  afterAll(() => testApp.close());

  async function signIn(email: string) {
    const api = new ApiClient(testApp.url);
    const login = await api.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    return api.withToken(login.body.token);
  }

  it('shows every demo reviewer’s input, anchored passages, endorsements across groups and a resolution', async () => {
    const api = await signIn('civil-society@demo.example');
    const [consultation] = (await api.get('/api/consultations')).body as Array<{ id: string }>;
    const response = await api.get(`/api/consultations/${consultation!.id}/threads`);
    expect(response.status).toBe(200);
    const threads = response.body as ThreadBody[];
    expect(threads.length).toBeGreaterThanOrEqual(5);
    const anchored = threads.filter((thread) => thread.anchor);
    expect(anchored.length).toBeGreaterThanOrEqual(2);
    for (const thread of anchored) {
      expect(thread.anchor!.isPassageRemoved).toBe(false);
      expect(thread.anchor!.quote.length).toBeGreaterThan(10);
    }
    expect(threads.some((thread) => thread.status === 'resolved' && thread.resolution?.note)).toBe(true);
    const authorGroups = new Set(threads.flatMap((t) => t.comments.map((c) => c.author.group.name)));
    for (const account of DEMO_ACCOUNTS.filter((a) => a.role === 'reviewer'))
      expect(authorGroups).toContain(account.group);
    const endorsingGroups = new Set(
      threads.flatMap((t) => t.comments.flatMap((c) => c.endorsements.map((e) => e.groupName))),
    );
    expect(endorsingGroups.size).toBeGreaterThanOrEqual(3);
    expect(threads.some((t) => t.comments.some((c) => c.author.isYou))).toBe(true);

    // Chatham House: a reviewer sees groups, never the other demo people's names.
    const raw = JSON.stringify(threads);
    for (const account of DEMO_ACCOUNTS) expect(raw).not.toContain(account.name);
  });
});
