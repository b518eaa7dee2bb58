import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/index.js';

interface ThreadBody {
  anchor: { quote: string; isPassageRemoved: boolean; isPassageChanged: boolean } | null;
  status: string;
  resolution: { outcome: string; note: string } | null;
  comments: Array<{
    author: { label: string; isYou: boolean };
    endorsements: Array<{ groupId: string | null; label: string; count: number }>;
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
      expect(thread.anchor!).toMatchObject({ isPassageRemoved: false, isPassageChanged: false });
      expect(thread.anchor!.quote.length).toBeGreaterThan(10);
    }
    expect(threads.some((thread) => thread.status === 'resolved' && thread.resolution?.note)).toBe(true);
    const others = threads.flatMap((t) => t.comments.filter((c) => !c.author.isYou));
    expect(others.length).toBeGreaterThanOrEqual(5);
    // Each demo group has fewer than k = 5 members: a reviewer sees them pooled, none named.
    expect(new Set(others.map((c) => c.author.label))).toEqual(new Set(['Other stakeholders']));
    const endorsements = threads.flatMap((t) => t.comments.flatMap((c) => c.endorsements));
    expect(endorsements.reduce((sum, e) => sum + e.count, 0)).toBeGreaterThanOrEqual(3);
    // Only the viewer's own endorsements are counted under their group.
    for (const count of endorsements.filter((e) => e.groupId !== null))
      expect(count.label).toBe('Civil society organisation');
    expect(threads.some((t) => t.comments.some((c) => c.author.isYou))).toBe(true);

    // Chatham House: a reviewer sees no other demo person's name, nor a group that names them.
    const raw = JSON.stringify(threads);
    for (const account of DEMO_ACCOUNTS) expect(raw).not.toContain(account.name);
    for (const account of DEMO_ACCOUNTS.filter((a) => a.email !== 'civil-society@demo.example'))
      expect(raw).not.toContain(`"${account.group}"`);
  });
});
