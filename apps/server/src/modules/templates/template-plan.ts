import { type AgendaItemKind, zonedToInstant } from '@cw/shared';
import type { TemplateFile } from './template-file.schema.js';

/** The rows a template adds to a new consultation, in insertion order, linked by section number and session key. */
export interface TemplatePlan {
  sections: { number: string; title: string; body: string; position: number }[];
  sessions: {
    key: string;
    kind: AgendaItemKind;
    title: string;
    description: string;
    speakers: string[];
    /** Instants (ISO 8601, UTC). */
    startsAt: string;
    endsAt: string;
    sectionNumbers: string[];
  }[];
  questions: { number: number; text: string; sectionNumbers: string[]; sessionKey: string | null }[];
  checklist: { label: string; position: number }[];
}

/**
 * Places a template on a consultation: session times are wall-clock times on `agendaDate`
 * (YYYY-MM-DD) read in `timeZone`, so "16:15" stays 16:15 local across daylight-saving changes.
 */
export function planFromTemplate(template: TemplateFile, agendaDate: string, timeZone: string): TemplatePlan {
  return {
    sections: template.sections.map((section, position) => ({ ...section, position })),
    sessions: template.sessions.map((session) => ({
      key: session.key,
      kind: session.kind,
      title: session.title,
      description: session.description,
      speakers: session.speakers,
      startsAt: zonedToInstant(`${agendaDate}T${session.startsAt}`, timeZone),
      endsAt: zonedToInstant(`${agendaDate}T${session.endsAt}`, timeZone),
      sectionNumbers: session.sections,
    })),
    questions: template.questions.map((question) => ({
      number: question.number,
      text: question.text,
      sectionNumbers: question.sections,
      sessionKey: question.session ?? null,
    })),
    checklist: template.checklist.map((label, position) => ({ label, position })),
  };
}
