import type { Role, ThreadOutcome } from '@cw/shared';

/** Who says something in the demo, by role and stakeholder group of a demo member. */
export interface DemoVoice {
  role: Role;
  group: string;
}

export interface DemoComment {
  by: DemoVoice;
  body: string;
  /** Voices endorsing this comment. */
  endorsedBy?: DemoVoice[];
}

export interface DemoThread {
  /** Guiding question number; null for general input. */
  question: number | null;
  /** Anchor on the first paragraph of the section at this paper position: its first `words` words. */
  anchor?: { sectionPosition: number; words: number };
  comments: DemoComment[];
  resolution?: { by: DemoVoice; outcome: ThreadOutcome; note: string };
}

const STATE: DemoVoice = { role: 'reviewer', group: 'State / public authority' };
const CIVIL: DemoVoice = { role: 'reviewer', group: 'Civil society organisation' };
const COMPANY: DemoVoice = { role: 'reviewer', group: 'Company / business' };
const ACADEMIA: DemoVoice = { role: 'reviewer', group: 'Academia / research' };
const EDITOR: DemoVoice = { role: 'editor', group: 'International organisation' };

/**
 * Sample input for the demo consultation, so a visitor sees the product at work: every demo
 * reviewer speaks, some threads sit on passages, groups endorse each other, one is resolved.
 */
export const DEMO_THREADS: readonly DemoThread[] = [
  {
    question: 1,
    anchor: { sectionPosition: 0, words: 8 },
    comments: [
      {
        by: CIVIL,
        body: 'This should say **must**, not should. Voluntary language has not protected affected communities.',
        endorsedBy: [ACADEMIA, STATE],
      },
      {
        by: COMPANY,
        body: 'Binding language is fine if the obligations are clear and the same across jurisdictions.',
      },
    ],
  },
  {
    question: 1,
    comments: [
      {
        by: STATE,
        body: 'Regulators need a shared vocabulary first. Could the paper add a short glossary?',
        endorsedBy: [CIVIL],
      },
    ],
    resolution: {
      by: EDITOR,
      outcome: 'accepted',
      note: 'A glossary will be added as an annex in the next version.',
    },
  },
  {
    question: 2,
    anchor: { sectionPosition: 1, words: 6 },
    comments: [
      {
        by: ACADEMIA,
        body: 'Evidence from the last five years suggests a *smart mix* works only when enforcement is funded.',
        endorsedBy: [CIVIL, COMPANY],
      },
      { by: STATE, body: 'Agreed in principle; budget cycles make this hard to promise.' },
    ],
  },
  {
    question: 3,
    comments: [
      {
        by: COMPANY,
        body: 'Please distinguish platform providers from companies that only buy technology.',
        endorsedBy: [STATE],
      },
    ],
    resolution: {
      by: EDITOR,
      outcome: 'partly_accepted',
      note: 'The distinction is drawn in section 2; procurement is left for a later paper.',
    },
  },
  {
    question: null,
    comments: [
      {
        by: CIVIL,
        body: 'Thank you for opening this consultation to groups outside the usual circle.',
        endorsedBy: [ACADEMIA],
      },
    ],
  },
];
