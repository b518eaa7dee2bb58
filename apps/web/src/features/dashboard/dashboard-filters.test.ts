import { describe, expect, it } from 'vitest';
import { dashboardQueryFromSearch, metricFromSearch, withDashboardFilter } from './dashboard-filters';

const session = '00000000-0000-4000-8000-000000000001';

describe('dashboard filters in the address', () => {
  it('reads the session, phase, day and view the server accepts', () => {
    const search = new URLSearchParams({ session, phase: 'open', day: '2026-03-02', view: 'published' });
    expect(dashboardQueryFromSearch(search, [session])).toEqual({
      sessionId: session,
      phase: 'open',
      day: '2026-03-02',
      view: 'published',
    });
  });

  it('drops unknown sessions, phases, days and views instead of asking for a 400', () => {
    const search = new URLSearchParams({
      session: 'gone',
      phase: 'archived',
      day: '2026-02-30',
      view: 'raw',
    });
    expect(dashboardQueryFromSearch(search, [session])).toEqual({});
  });

  it('shows comments unless another known figure is chosen', () => {
    expect(metricFromSearch(new URLSearchParams())).toBe('comments');
    expect(metricFromSearch(new URLSearchParams({ metric: 'charsEdited' }))).toBe('charsEdited');
    expect(metricFromSearch(new URLSearchParams({ metric: 'names' }))).toBe('comments');
  });

  it('sets and clears one filter, keeping the others', () => {
    const search = new URLSearchParams({ phase: 'open' });
    expect(withDashboardFilter(search, 'session', session).toString()).toBe(`phase=open&session=${session}`);
    expect(withDashboardFilter(search, 'phase', '').toString()).toBe('');
  });
});
