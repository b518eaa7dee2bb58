import {
  createConsultationBody,
  updateConsultationBody,
  type AttributionMode,
  type ConsultationDetail,
  type Language,
  DEFAULT_LANGUAGE,
  DEFAULT_TEXT_CHANGE_MODE,
  type TextChangeMode,
  type UpdateConsultationBody,
} from '@cw/shared';
import { z } from 'zod';

/** The fields every consultation form has, as their controls hold them. */
export interface ConsultationFieldValues {
  title: string;
  description: string;
  timezone: string;
  attributionMode: AttributionMode;
  textChanges: TextChangeMode;
  language: Language;
}

/** Radix Select cannot hold an empty value, so "no template" has its own marker. */
export const BLANK_TEMPLATE = 'blank';

export interface NewConsultationValues extends ConsultationFieldValues {
  /** A template id, or `BLANK_TEMPLATE`. */
  templateId: string;
  /** `YYYY-MM-DD`, or empty; only sent with a template. */
  agendaDate: string;
}

export interface ConsultationSettingsValues extends ConsultationFieldValues {
  /** `YYYY-MM-DD`, or empty for no date. */
  opensOn: string;
  closesOn: string;
  /** As typed into the number control. */
  kThreshold: string;
}

export function newConsultationValues(timezone: string): NewConsultationValues {
  return {
    title: '',
    description: '',
    timezone,
    attributionMode: 'chatham',
    textChanges: DEFAULT_TEXT_CHANGE_MODE,
    language: DEFAULT_LANGUAGE,
    templateId: BLANK_TEMPLATE,
    agendaDate: '',
  };
}

/** The create body the values stand for: template fields only with a template, an agenda date only when given. */
export function toCreateBody(values: NewConsultationValues): z.input<typeof createConsultationBody> {
  const { templateId, agendaDate, ...fields } = values;
  const hasTemplate = templateId !== BLANK_TEMPLATE;
  return {
    ...fields,
    ...(hasTemplate ? { templateId } : {}),
    ...(hasTemplate && agendaDate ? { agendaDate } : {}),
  };
}

/**
 * The new-consultation form checked by the server's own schema, so the browser refuses exactly
 * what the server would; its issues keep the field names, so each lands beside its control.
 */
export const newConsultationForm = z
  .custom<NewConsultationValues>()
  .transform(toCreateBody)
  .pipe(createConsultationBody);

export function consultationSettingsValues(consultation: ConsultationDetail): ConsultationSettingsValues {
  return {
    title: consultation.title,
    description: consultation.description,
    timezone: consultation.timezone,
    attributionMode: consultation.attributionMode,
    textChanges: consultation.textChanges,
    language: consultation.language,
    opensOn: consultation.opensOn ?? '',
    closesOn: consultation.closesOn ?? '',
    kThreshold: String(consultation.kThreshold),
  };
}

/** Every setting as the update body carries it: an empty date is no date, k a number. */
export function toSettingsBody(values: ConsultationSettingsValues): z.input<typeof updateConsultationBody> {
  return {
    ...values,
    opensOn: values.opensOn || null,
    closesOn: values.closesOn || null,
    kThreshold: Number(values.kThreshold),
  };
}

/** The settings form checked by the server's update schema, every field at once. */
export const consultationSettingsForm = z
  .custom<ConsultationSettingsValues>()
  .transform(toSettingsBody)
  .pipe(updateConsultationBody);

/** The checked settings that differ from the consultation as stored: what a save sends. */
export function changedSettings(
  consultation: ConsultationDetail,
  settings: UpdateConsultationBody,
): UpdateConsultationBody {
  return Object.fromEntries(
    Object.entries(settings).filter(
      ([key, value]) =>
        consultation[key as keyof UpdateConsultationBody & keyof ConsultationDetail] !== value,
    ),
  );
}
