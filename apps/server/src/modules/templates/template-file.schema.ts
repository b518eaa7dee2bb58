import { agendaItemKind, text } from '@cw/shared';
import { z } from 'zod';

const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm');
const sectionNumber = z.string().regex(/^[0-9A-Za-z]{1,4}(\.[0-9A-Za-z]{1,4}){0,3}$/);

/**
 * The shape of a template data file in `apps/server/templates/`. Sessions and questions refer to
 * sections by their number and questions to sessions by key, so the files stay readable.
 */
export const templateFile = z
  .strictObject({
    /** Matches the file name; what `createConsultationBody.templateId` names. */
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    name: text({ max: 120 }),
    description: text({ max: 5000, multiline: true }),
    /** The zone the agenda was written in; the demo consultation uses it. */
    timezone: z.string().min(1),
    sections: z
      .array(
        z.strictObject({
          number: sectionNumber,
          title: text({ max: 200 }),
          /** Starting text of the section in the shared paper. */
          body: text({ min: 0, max: 20_000, multiline: true }).default(''),
        }),
      )
      .min(1),
    sessions: z.array(
      z
        .strictObject({
          key: z.string().regex(/^[a-z0-9-]+$/),
          /** `programme` for the items around the review sessions: dial-in, remarks, wrap-up. */
          kind: agendaItemKind.default('review'),
          title: text({ max: 200 }),
          description: text({ min: 0, max: 5000, multiline: true }).default(''),
          speakers: z.array(text({ max: 200 })).default([]),
          /** Wall-clock times on the agenda day, in the consultation's zone. */
          startsAt: wallClock,
          endsAt: wallClock,
          sections: z.array(sectionNumber).default([]),
        })
        .refine((session) => session.endsAt > session.startsAt, 'must end after it starts')
        .refine(
          (session) => session.kind === 'review' || session.sections.length === 0,
          'a programme item has no sections',
        ),
    ),
    questions: z.array(
      z.strictObject({
        number: z.int().min(1).max(999),
        text: text({ max: 2000, multiline: true }),
        /** Key of the agenda session that discusses it. */
        session: z.string().optional(),
        sections: z.array(sectionNumber).default([]),
      }),
    ),
    checklist: z.array(text({ max: 500 })).default([]),
  })
  .superRefine((file, context) => {
    const duplicates = (values: readonly (string | number)[]) =>
      values.filter((value, index) => values.indexOf(value) !== index);
    const sectionNumbers = new Set(file.sections.map((section) => section.number));
    const sessionKeys = new Set(file.sessions.map((session) => session.key));
    const programmeKeys = new Set(
      file.sessions.filter((session) => session.kind === 'programme').map((session) => session.key),
    );
    for (const number of duplicates(file.sections.map((section) => section.number))) {
      context.addIssue({ code: 'custom', path: ['sections'], message: `duplicate section ${number}` });
    }
    for (const key of duplicates(file.sessions.map((session) => session.key))) {
      context.addIssue({ code: 'custom', path: ['sessions'], message: `duplicate session ${key}` });
    }
    for (const number of duplicates(file.questions.map((question) => question.number))) {
      context.addIssue({ code: 'custom', path: ['questions'], message: `duplicate question ${number}` });
    }
    const checkSections = (numbers: string[], path: (string | number)[]) => {
      for (const number of numbers.filter((n) => !sectionNumbers.has(n))) {
        context.addIssue({ code: 'custom', path, message: `unknown section ${number}` });
      }
    };
    file.sessions.forEach((session, index) => checkSections(session.sections, ['sessions', index]));
    file.questions.forEach((question, index) => {
      checkSections(question.sections, ['questions', index]);
      if (question.session !== undefined && !sessionKeys.has(question.session)) {
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'session'],
          message: `unknown session ${question.session}`,
        });
      }
      if (question.session !== undefined && programmeKeys.has(question.session)) {
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'session'],
          message: `${question.session} is a programme item, not a review session`,
        });
      }
    });
  });
export type TemplateFile = z.infer<typeof templateFile>;
