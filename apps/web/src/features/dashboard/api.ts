import { dashboardData, type DashboardQuery } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

export const fetchDashboard = (consultationId: string, query: DashboardQuery) => {
  const search = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ).toString();
  return api.get(`${consultationPath(consultationId)}/dashboard${search ? `?${search}` : ''}`, dashboardData);
};
