import {
  DASHBOARD_VIEWS,
  INPUT_METRICS,
  localDate,
  PHASES,
  type DashboardQuery,
  type InputMetric,
} from '@cw/shared';

export type DashboardFilterName = 'session' | 'phase' | 'day' | 'view' | 'metric';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** The dashboard query kept in the address; values the server would refuse are left out. */
export function dashboardQueryFromSearch(
  search: URLSearchParams,
  sessionIds: readonly string[],
): DashboardQuery {
  const sessionId = oneOf(sessionIds, search.get('session'));
  const phase = oneOf(PHASES, search.get('phase'));
  const day = localDate.safeParse(search.get('day')).data;
  const view = oneOf(DASHBOARD_VIEWS, search.get('view'));
  return {
    ...(sessionId ? { sessionId } : {}),
    ...(phase ? { phase } : {}),
    ...(day ? { day } : {}),
    ...(view ? { view } : {}),
  };
}

/** The figure the charts and tables show; comments unless the address names another. */
export const metricFromSearch = (search: URLSearchParams): InputMetric =>
  oneOf(INPUT_METRICS, search.get('metric')) ?? 'comments';

/** The address's search part with one filter set, or removed when `value` is empty. */
export function withDashboardFilter(search: URLSearchParams, name: DashboardFilterName, value: string) {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}
