import { liveState, type ExtendLiveBody, type LiveFocus } from '@cw/shared';
import { api, apiRequest } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const livePath = (consultationId: string, action = '') =>
  `${consultationPath(consultationId)}/live${action ? `/${action}` : ''}`;

export const fetchLive = (consultationId: string) => api.get(livePath(consultationId), liveState);

export const startLive = (consultationId: string, sessionId: string) =>
  api.post(livePath(consultationId, 'start'), { sessionId }, liveState);
export const focusLive = (consultationId: string, focus: LiveFocus | null) =>
  api.put(livePath(consultationId, 'focus'), { focus }, liveState);
export const extendLive = (consultationId: string, body: ExtendLiveBody) =>
  api.post(livePath(consultationId, 'extend'), body, liveState);
export const endLive = (consultationId: string) => api.post(livePath(consultationId, 'end'), {}, liveState);

export const raiseHand = (consultationId: string) => api.put(livePath(consultationId, 'hand'), {}, liveState);
export const lowerHand = (consultationId: string) =>
  apiRequest('DELETE', livePath(consultationId, 'hand'), { schema: liveState });
export const acknowledgeHand = (consultationId: string, handId: string) =>
  apiRequest('DELETE', livePath(consultationId, `hands/${encodeURIComponent(handId)}`), {
    schema: liveState,
  });
export const clearHands = (consultationId: string) =>
  apiRequest('DELETE', livePath(consultationId, 'hands'), { schema: liveState });
