import { sectionFragmentName } from '@cw/shared';
import * as Y from 'yjs';
import { PaperRegistry } from '../modules/collab/index.js';
import {
  addMember,
  buildConsultation,
  buildUser,
  type TestConsultation,
  type TestUser,
} from './factories.js';
import type { TestApp } from './test-app.js';

export const CIVIL = 'Civil society organisation';
export const COMPANY = 'Company / business';
export const STATE = 'State / public authority';
export const ACADEMIA = 'Academia / research';

/** Starting text of the section every thread fixture anchors in. */
export const SECTION_TEXT = 'States must protect against human rights abuse by technology companies.';

export interface ThreadWorld {
  consultation: TestConsultation;
  admin: TestUser;
  editor: TestUser;
  reviewer: TestUser;
  /** A reviewer of another group. */
  otherReviewer: TestUser;
  observer: TestUser;
  sectionId: string;
  questionId: string;
  base: string;
}

/**
 * A consultation with one member per role (two reviewers of different groups), a section whose
 * paper text is SECTION_TEXT, and guiding question 1 linked to it.
 */
export async function buildThreadWorld(
  testApp: TestApp,
  overrides: { attributionMode?: string; phase?: string } = {},
): Promise<ThreadWorld> {
  const admin = await buildUser(testApp, { name: 'Ada Admin' });
  const consultation = await buildConsultation(testApp, admin, overrides);
  const editor = await buildUser(testApp, { name: 'Eddie Editor' });
  const reviewer = await buildUser(testApp, { name: 'Rosa Reviewer' });
  const otherReviewer = await buildUser(testApp, { name: 'Carl Company' });
  const observer = await buildUser(testApp, { name: 'Olga Observer' });
  await addMember(testApp, consultation.id, editor, 'editor', consultation.groups[ACADEMIA]!);
  await addMember(testApp, consultation.id, reviewer, 'reviewer', consultation.groups[CIVIL]!);
  await addMember(testApp, consultation.id, otherReviewer, 'reviewer', consultation.groups[COMPANY]!);
  await addMember(testApp, consultation.id, observer, 'observer', consultation.groups[STATE]!);
  const { sql } = testApp.db;
  const [section] = await sql<{ id: string }[]>`
    INSERT INTO sections (consultation_id, number, title, position, initial_body)
    VALUES (${consultation.id}, '1', 'The State duty to protect', 0, ${SECTION_TEXT}) RETURNING id`;
  const [question] = await sql<{ id: string }[]>`
    INSERT INTO guiding_questions (consultation_id, number, text)
    VALUES (${consultation.id}, 1, 'What should States require of companies?') RETURNING id`;
  await sql`INSERT INTO guiding_question_sections (question_id, section_id) VALUES (${question!.id}, ${section!.id})`;
  return {
    consultation,
    admin,
    editor,
    reviewer,
    otherReviewer,
    observer,
    sectionId: section!.id,
    questionId: question!.id,
    base: `/api/consultations/${consultation.id}`,
  };
}

/** The first text node of a section in a copy of the current paper. */
export async function sectionTextNode(testApp: TestApp, consultationId: string, sectionId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await testApp.app.get(PaperRegistry).currentState(consultationId));
  const paragraph = doc.getXmlFragment(sectionFragmentName(sectionId)).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

const encode = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** An anchor body for characters [from, to) of the section's first paragraph, as a client builds it. */
export async function anchorFor(testApp: TestApp, world: ThreadWorld, from: number, to: number) {
  const text = await sectionTextNode(testApp, world.consultation.id, world.sectionId);
  return {
    sectionId: world.sectionId,
    start: encode(Y.createRelativePositionFromTypeIndex(text, from)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, to, -1)),
    quote: text.toString().slice(from, to),
  };
}
