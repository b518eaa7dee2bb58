import { outbox } from '@cw/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** The latest outgoing mail; installation organisers only (the server answers 403 to others). */
export function useOutbox() {
  return useQuery({ queryKey: ['outbox'], queryFn: () => api.get('/api/mail/outbox', outbox) });
}
