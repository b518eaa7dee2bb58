import { checklistItem } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

export const updateChecklistItem = (
  consultationId: string,
  itemId: string,
  body: { isChecked?: boolean; note?: string },
) => api.patch(`${consultationPath(consultationId)}/checklist/${itemId}`, body, checklistItem);
