import { ADMIN } from './servers.mjs';

const MEMBER_PASSWORD = 'bench-member-password';
/** Parallel sign-ups during setup; enough to be quick, few enough not to queue behind PGlite. */
const SETUP_CONCURRENCY = 8;

/**
 * A pooled connection the server closed while idle (its keep-alive timeout) fails the next
 * request before it is sent; that one case is tried again on a fresh connection.
 */
async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

/** One JSON request to our server's API; throws on any answer but 2xx. */
export async function call(baseUrl, method, path, { token, body } = {}) {
  const response = await send(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function inBatches(count, task) {
  const results = new Array(count);
  let next = 0;
  const runners = Array.from({ length: Math.min(SETUP_CONCURRENCY, count) }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  });
  await Promise.all(runners);
  return results;
}

/**
 * Prepares our server through its public API only, as an organiser would: signs in, creates a
 * consultation in the open phase (reviewers edit the text, or only suggest with `textChanges:
 * 'suggest'`) and invites `memberCount` reviewers, spread over the stakeholder groups, who sign up
 * from their invitation links. Returns their session tokens.
 */
export class Workspace {
  static async create(baseUrl, { title, memberCount, textChanges = 'edit' }) {
    const { token: adminToken } = await call(baseUrl, 'POST', '/api/auth/login', { body: ADMIN });
    const consultation = await call(baseUrl, 'POST', '/api/consultations', {
      token: adminToken,
      body: { title, attributionMode: 'chatham', textChanges },
    });
    await call(baseUrl, 'POST', `/api/consultations/${consultation.id}/phase`, {
      token: adminToken,
      body: { phase: 'open' },
    });
    const groupIds = consultation.groups.map((group) => group.id);
    const suffix = consultation.id.slice(0, 8);
    const memberTokens = await inBatches(memberCount, async (index) => {
      const invitation = await call(baseUrl, 'POST', `/api/consultations/${consultation.id}/invitations`, {
        token: adminToken,
        body: { role: 'reviewer', groupId: groupIds[index % groupIds.length] },
      });
      const email = `reviewer-${suffix}-${index + 1}@example.org`;
      await call(baseUrl, 'POST', `/api/invitations/${invitation.token}/signup`, {
        body: { name: `Reviewer ${index + 1}`, email, password: MEMBER_PASSWORD },
      });
      const session = await call(baseUrl, 'POST', '/api/auth/login', {
        body: { email, password: MEMBER_PASSWORD },
      });
      return session.token;
    });
    return new Workspace(baseUrl, consultation.id, adminToken, memberTokens);
  }

  constructor(baseUrl, consultationId, adminToken, memberTokens) {
    this.baseUrl = baseUrl;
    this.consultationId = consultationId;
    this.adminToken = adminToken;
    this.memberTokens = memberTokens;
  }

  /** A new paper section; each scenario types into its own, so scenarios do not share text. */
  async addSection(title) {
    const section = await call(this.baseUrl, 'POST', `/api/consultations/${this.consultationId}/sections`, {
      token: this.adminToken,
      body: { title },
    });
    return section.id;
  }
}
