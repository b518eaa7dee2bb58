import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildConsultation, buildSection, buildUser, type TestUser } from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { eventually, RawClient, typeParagraph } from '../../test/ws-clients.js';

const METRICS_TOKEN = 'scrape-token-0123456789';

/** The value of one sample line, e.g. `cw_papers_loaded 1` or `name{label="x"} 2`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus metrics', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let scraper: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp('pglite', { METRICS_TOKEN, COLLAB_FLUSH_MS: '5' });
    admin = await buildUser(testApp, { isOrganiser: true });
    scraper = new ApiClient(testApp.url, METRICS_TOKEN);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('refuses anyone without the metrics token, signed-in members included', async () => {
    const anonymous = await new ApiClient(testApp.url).get('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect((await admin.api.get('/metrics')).status).toBe(401);
    expect((await new ApiClient(testApp.url, `${METRICS_TOKEN}x`).get('/metrics')).status).toBe(401);
  });

  it('counts sockets, loaded papers, accepted updates, store latency and HTTP latency by route', async () => {
    const consultation = await buildConsultation(testApp, admin);
    await admin.api.get(`/api/consultations/${consultation.id}`);
    const client = new RawClient(testApp.url, `/collab/${consultation.id}`, {
      token: admin.token,
      acks: true,
    });
    await client.opened;
    const doc = new Y.Doc();
    const section = await buildSection(testApp, consultation.id);
    for (let i = 0; i < 5; i++) {
      const before = Y.encodeStateVector(doc);
      typeParagraph(doc, section, `line ${i}`);
      client.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    }

    const text = await eventually(async () => {
      const response = await scraper.get<string>('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(sample(response.body, 'cw_paper_updates_total')).toBe(5);
      expect(sample(response.body, 'cw_paper_store_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0);
      return response.body;
    });
    expect(sample(text, 'cw_papers_loaded')).toBe(1);
    expect(sample(text, 'cw_websocket_connections{path="/collab"}')).toBe(1);
    expect(sample(text, 'cw_websocket_connections{path="/events"}')).toBe(0);
    expect(
      sample(
        text,
        'cw_http_request_duration_seconds_count{method="GET",route="/api/consultations/:consultationId",status="200"}',
      ),
    ).toBe(1);
    // Route templates only: no consultation id ever becomes a label value.
    expect(text).not.toContain(consultation.id);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');

    client.close();
    await eventually(async () => {
      const after = await scraper.get<string>('/metrics');
      expect(sample(after.body, 'cw_websocket_connections{path="/collab"}')).toBe(0);
    });
  });

  it('samples event-loop lag every 0.1 s, so an idle server is not woken a hundred times a second', async () => {
    // A scrape resets the histogram; the next one sees only timer intervals of at least 0.1 s.
    await scraper.get('/metrics');
    const minimum = await eventually(async () => {
      // Each scrape starts the histogram afresh: leave it time for a sample between two.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const text = (await scraper.get<string>('/metrics')).body;
      const lag = sample(text, 'nodejs_eventloop_lag_min_seconds');
      // With no sample yet, the minimum reads as a huge number.
      expect(lag).toBeLessThan(1);
      return lag;
    }, 10_000);
    expect(minimum).toBeGreaterThanOrEqual(0.09);
  });
});

describe('metrics without METRICS_TOKEN', () => {
  it('are off: /metrics does not exist', async () => {
    const testApp = await startTestApp('pglite');
    try {
      const response = await new ApiClient(testApp.url, 'anything-at-all-0123').get('/metrics');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    } finally {
      await testApp.close();
    }
  });
});
