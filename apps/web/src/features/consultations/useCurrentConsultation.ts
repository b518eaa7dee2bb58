import type { ConsultationDetail } from '@cw/shared';
import { useOutletContext } from 'react-router';

/** The consultation the page belongs to, loaded once by the consultation layout. */
export function useCurrentConsultation(): ConsultationDetail {
  return useOutletContext<ConsultationDetail>();
}
