import type { DemoAccount, Role } from '@cw/shared';

/** The one password of every demo account; shown on the login page in demo mode only. */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Marks the demo seed in the `seeds` table so it runs once per database. */
export const DEMO_SEED_NAME = 'demo-consultation';

/** The template the demo consultation is built from. */
export const DEMO_TEMPLATE_ID = 'foundational-paper';

export const DEMO_CONSULTATION_TITLE =
  'Draft foundational paper: the State duty to protect in the technology sector';

/** The group the organisers sit in; the others represent the stakeholders being consulted. */
export const DEMO_ORGANISER_GROUP = 'International organisation';

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  group: string;
  isOrganiser: boolean;
}

/** Fictional people, one per role and reviewers from four stakeholder groups. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    email: 'admin@demo.example',
    name: 'Amara Okafor',
    role: 'admin',
    group: DEMO_ORGANISER_GROUP,
    isOrganiser: true,
  },
  {
    email: 'editor@demo.example',
    name: 'Jonas Lindqvist',
    role: 'editor',
    group: DEMO_ORGANISER_GROUP,
    isOrganiser: false,
  },
  {
    email: 'state@demo.example',
    name: 'Mariana Costa',
    role: 'reviewer',
    group: 'State / public authority',
    isOrganiser: false,
  },
  {
    email: 'civil-society@demo.example',
    name: 'Kwame Mensah',
    role: 'reviewer',
    group: 'Civil society organisation',
    isOrganiser: false,
  },
  {
    email: 'company@demo.example',
    name: 'Priya Raman',
    role: 'reviewer',
    group: 'Company / business',
    isOrganiser: false,
  },
  {
    email: 'academia@demo.example',
    name: 'Elena Petrova',
    role: 'reviewer',
    group: 'Academia / research',
    isOrganiser: false,
  },
  {
    email: 'observer@demo.example',
    name: 'Tomás Herrera',
    role: 'observer',
    group: 'Other',
    isOrganiser: false,
  },
];

/**
 * Who writes which session's notes in the demo (titles from the template's agenda): the editor
 * every review session's, and the academic reviewer joins them on the state-business nexus, so
 * the demo shows a reviewer named rapporteur as well as an organiser.
 */
export const DEMO_RAPPORTEURS: readonly { email: string; sessionTitles: readonly string[] }[] = [
  {
    email: 'editor@demo.example',
    sessionTitles: [
      'The Smart Mix of Measures and elements of regulatory approaches',
      'The state-business nexus',
      'Policy coherence',
    ],
  },
  { email: 'academia@demo.example', sessionTitles: ['The state-business nexus'] },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_PEOPLE.map(({ email, name, role, group }) => ({
  email,
  name,
  password: DEMO_PASSWORD,
  role,
  group,
}));
