import { z } from 'zod';
import { LABEL_SCOPES } from '../attribution.js';
import { ACTIONS } from '../permissions.js';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../languages.js';
import { ATTRIBUTION_MODES, DEFAULT_TEXT_CHANGE_MODE, PHASES, ROLES, TEXT_CHANGE_MODES } from '../roles.js';
import { SCHEDULED_PHASES } from '../schedule.js';
import { instant, localDate, localDateTime, NO_CHANGE, text, timeZone, uuid } from './common.js';
import { sessionNotesState } from './notes.js';

export const role = z.enum(ROLES);
export const phase = z.enum(PHASES);
export const attributionMode = z.enum(ATTRIBUTION_MODES);
export const textChanges = z.enum(TEXT_CHANGE_MODES);
export const consultationLanguage = z.enum(LANGUAGES);

/** Smallest number of distinct people behind a published figure (SPEC §3). */
export const kThreshold = z.int().min(2).max(100);

export const stakeholderGroup = z.object({
  id: uuid,
  name: z.string(),
  position: z.int(),
  /** What the group stands for, shown to invitees who pick their own group. */
  description: z.string(),
});
export type StakeholderGroup = z.infer<typeof stakeholderGroup>;

export const section = z.object({
  /** Stable for the life of the consultation: renaming or reordering keeps it. */
  id: uuid,
  /** Display number such as "1" or "2.3". */
  number: z.string(),
  title: z.string(),
  position: z.int(),
});
export type Section = z.infer<typeof section>;

/**
 * What an agenda item is: a `review` session discusses paper sections and guiding questions; a
 * `programme` item frames the meeting around them (dial-in, opening remarks, an overview, the
 * wrap-up) with its speakers and times, and has no sections or questions of its own.
 */
export const AGENDA_ITEM_KINDS = ['review', 'programme'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const agendaItemKind = z.enum(AGENDA_ITEM_KINDS);

export const agendaSession = z.object({
  id: uuid,
  kind: agendaItemKind,
  title: z.string(),
  description: z.string(),
  speakers: z.array(z.string()),
  /** Instants; clients show them in the consultation's zone and in the viewer's. */
  startsAt: instant,
  endsAt: instant,
  sectionIds: z.array(uuid),
  position: z.int(),
});
export type AgendaSession = z.infer<typeof agendaSession>;

export const guidingQuestion = z.object({
  id: uuid,
  number: z.int(),
  text: z.string(),
  sectionIds: z.array(uuid),
  sessionId: uuid.nullable(),
});
export type GuidingQuestion = z.infer<typeof guidingQuestion>;

export const checklistItem = z.object({
  id: uuid,
  label: z.string(),
  position: z.int(),
  isChecked: z.boolean(),
  note: z.string(),
  updatedAt: instant.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const consultationSummary = z.object({
  id: uuid,
  title: z.string(),
  phase,
  attributionMode,
  timezone: z.string(),
  opensOn: localDate.nullable(),
  closesOn: localDate.nullable(),
  /** The caller's membership. */
  role,
  groupId: uuid,
  groupName: z.string(),
});
export type ConsultationSummary = z.infer<typeof consultationSummary>;

/** A phase change the consultation's dates schedule: input opens or closes at `at`. */
export const scheduledChange = z.object({ phase: z.enum(SCHEDULED_PHASES), at: instant });

/** A group as the consultation page lists it, with the scope its label has now (SPEC §3). */
export const consultationGroup = stakeholderGroup.extend({ labelScope: z.enum(LABEL_SCOPES) });
export type ConsultationGroup = z.infer<typeof consultationGroup>;

export const consultationDetail = consultationSummary.extend({
  description: z.string(),
  kThreshold,
  /** How reviewers may change the text; editors and admins always edit it directly. */
  textChanges,
  /** The language of the input, which search stems words by. */
  language: consultationLanguage,
  groups: z.array(consultationGroup),
  sections: z.array(section),
  sessions: z.array(agendaSession),
  /** Per agenda session, in the order of `sessions`: its rapporteurs and whether its notes are published. */
  sessionNotes: z.array(sessionNotesState),
  questions: z.array(guidingQuestion),
  checklist: z.array(checklistItem),
  /**
   * The change the dates schedule next from the current phase (opening a draft, closing an open
   * round); null when none is due any more.
   */
  scheduledChange: scheduledChange.nullable(),
  /** What the caller may do now, from the shared permission matrix. */
  allowedActions: z.array(z.enum(ACTIONS)),
});
export type ConsultationDetail = z.infer<typeof consultationDetail>;

export const DEFAULT_STAKEHOLDER_GROUPS = [
  'State / public authority',
  'Civil society organisation',
  'Company / business',
  'Academia / research',
  'International organisation',
  'Other',
] as const;

const groupName = text({ max: 80 });

export const createConsultationBody = z.strictObject({
  title: text({ max: 200 }),
  description: text({ min: 0, max: 5000, multiline: true }).default(''),
  timezone: timeZone.default('Europe/Zurich'),
  attributionMode: attributionMode.default('chatham'),
  textChanges: textChanges.default(DEFAULT_TEXT_CHANGE_MODE),
  language: consultationLanguage.default(DEFAULT_LANGUAGE),
  opensOn: localDate.nullable().default(null),
  closesOn: localDate.nullable().default(null),
  /** Build sections, agenda and guiding questions from this template. */
  templateId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/, 'must be a template id')
    .optional(),
  /** With a template: the day its agenda sessions take place, in the consultation's zone. */
  agendaDate: localDate.optional(),
  /** The stakeholder groups; the SPEC §2 defaults when omitted. */
  groups: z.array(groupName).min(1).max(30).optional(),
  /** The creator's own group (a name from `groups`); the last group when omitted. */
  organiserGroup: groupName.optional(),
});
export type CreateConsultationBody = z.infer<typeof createConsultationBody>;

export const updateConsultationBody = z
  .strictObject({
    title: text({ max: 200 }),
    description: text({ min: 0, max: 5000, multiline: true }),
    timezone: timeZone,
    attributionMode,
    textChanges,
    language: consultationLanguage,
    opensOn: localDate.nullable(),
    closesOn: localDate.nullable(),
    kThreshold,
    /**
     * Must be `true` for a change that opens attribution — a more open mode or a lower k — after
     * the admin has seen what it changes (otherwise 409 CONFIRMATION_REQUIRED). Input made before
     * keeps the attribution it was made under either way.
     */
    confirmOpening: z.literal(true),
  })
  .partial()
  .refine((body) => Object.keys(body).some((key) => key !== 'confirmOpening'), NO_CHANGE);
export type UpdateConsultationBody = z.infer<typeof updateConsultationBody>;

export const changePhaseBody = z.strictObject({ phase });
export type ChangePhaseBody = z.infer<typeof changePhaseBody>;

const groupDescription = text({ min: 0, max: 500 });
export const groupBody = z.strictObject({ name: groupName, description: groupDescription.default('') });
export const updateGroupBody = z
  .strictObject({ name: groupName, position: z.int().min(0).max(1000), description: groupDescription })
  .partial()
  .refine((body) => Object.keys(body).length > 0, NO_CHANGE);

const sectionNumber = z
  .string()
  .max(64, { message: 'must be a section number such as 2 or 2.1', abort: true })
  .trim()
  .regex(/^[0-9A-Za-z]{1,4}(\.[0-9A-Za-z]{1,4}){0,3}$/, 'must be a section number such as 2 or 2.1');

export const createSectionBody = z.strictObject({
  title: text({ max: 200 }),
  /** Defaults to the next whole number. */
  number: sectionNumber.optional(),
  /** Insert after this section; at the end when omitted. */
  afterSectionId: uuid.nullable().optional(),
});
export const updateSectionBody = z
  .strictObject({ title: text({ max: 200 }), number: sectionNumber })
  .partial()
  .refine((body) => Object.keys(body).length > 0, NO_CHANGE);
/** The complete new order: every section id of the consultation exactly once. */
export const reorderBody = z.strictObject({ order: z.array(uuid).min(1).max(500) });

export const sessionBody = z
  .strictObject({
    kind: agendaItemKind.default('review'),
    title: text({ max: 200 }),
    description: text({ min: 0, max: 5000, multiline: true }).default(''),
    speakers: z
      .array(text({ max: 200 }))
      .max(30)
      .default([]),
    /** Wall-clock start in the consultation's time zone. */
    startsAt: localDateTime,
    endsAt: localDateTime,
    sectionIds: z.array(uuid).max(100).default([]),
  })
  .refine((body) => body.endsAt > body.startsAt, {
    message: 'must be after the start',
    path: ['endsAt'],
    params: { issue: 'endsBeforeStart' },
  })
  .refine((body) => body.kind === 'review' || body.sectionIds.length === 0, {
    message: 'a programme item has no sections',
    path: ['sectionIds'],
    params: { issue: 'programmeItemSections' },
  });
export type SessionBody = z.infer<typeof sessionBody>;

export const questionBody = z.strictObject({
  number: z.int().min(1).max(999).optional(),
  text: text({ max: 2000, multiline: true }),
  sectionIds: z.array(uuid).max(100).default([]),
  sessionId: uuid.nullable().default(null),
});
export type QuestionBody = z.infer<typeof questionBody>;

export const checklistUpdateBody = z
  .strictObject({
    isChecked: z.boolean(),
    note: text({ min: 0, max: 2000, multiline: true }),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, NO_CHANGE);

export const template = z.object({ id: z.string(), name: z.string(), description: z.string() });
export type Template = z.infer<typeof template>;
