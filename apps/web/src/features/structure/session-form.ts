import { instantToZoned, sessionBody, type AgendaItemKind, type AgendaSession } from '@cw/shared';
import { z } from 'zod';

/** The agenda-session form as its controls hold it. */
export interface SessionValues {
  kind: AgendaItemKind;
  title: string;
  description: string;
  /** One speaker a line. */
  speakers: string;
  /** Wall-clock `YYYY-MM-DDTHH:mm` in the consultation's zone, as organisers plan them. */
  startsAt: string;
  endsAt: string;
  sectionIds: string[];
}

/** The session's own values in the consultation's zone, or an empty form for a new one. */
export function sessionValues(session: AgendaSession | undefined, timeZone: string): SessionValues {
  return {
    kind: session?.kind ?? 'review',
    title: session?.title ?? '',
    description: session?.description ?? '',
    speakers: session?.speakers.join('\n') ?? '',
    startsAt: session ? instantToZoned(session.startsAt, timeZone) : '',
    endsAt: session ? instantToZoned(session.endsAt, timeZone) : '',
    sectionIds: session?.sectionIds ?? [],
  };
}

/** Blank lines between speakers are dropped; a programme item drops the sections picked before. */
export function toSessionBody(values: SessionValues): z.input<typeof sessionBody> {
  return {
    ...values,
    sectionIds: values.kind === 'programme' ? [] : values.sectionIds,
    speakers: values.speakers
      .split('\n')
      .map((speaker) => speaker.trim())
      .filter(Boolean),
  };
}

/** The form checked by the server's own schema; its issues keep the field names. */
export const sessionForm = z.custom<SessionValues>().transform(toSessionBody).pipe(sessionBody);
