/**
 * The text of every mail, by language, under keys a translation fills in (i18next's format, as
 * in the web app). Only English exists so far; a recipient of another language gets it too.
 */
export const MAIL_MESSAGES = {
  en: {
    app: 'Consultation Workspace',
    greeting: 'Hello {{name}},',
    footer: 'You receive this mail because of your account at {{site}}. The app sent it by itself.',
    invitationFooter:
      'You receive this mail because the organisers of a consultation at {{site}} entered your address. The app sent it by itself.',
    passwordReset: {
      subject: 'Reset your password',
      intro: 'Someone — we hope you — asked to reset the password of your account at {{site}}.',
      instructions: 'To choose a new password, open this link. It works once, within {{minutes}} minutes:',
      action: 'Choose a new password',
      ignore:
        'If you did not ask for this, ignore this mail: your password stays as it is, and nobody can use the link after that hour.',
    },
    invitation: {
      subject: 'Your invitation to “{{consultation}}”',
      intro:
        'The organisers of the consultation “{{consultation}}” at {{site}} invite you to take part as {{role}}.',
      group: 'You will take part for the stakeholder group “{{group}}”.',
      openGroup: 'When you accept, you pick the stakeholder group you take part for.',
      instructions:
        'To accept, open this link and sign up or sign in with this email address. It works once, until {{expires}} (UTC):',
      action: 'Accept the invitation',
      ignore: 'If you do not want to take part, ignore this mail: nothing happens without you.',
      roles: { observer: 'an observer', reviewer: 'a reviewer', editor: 'an editor', admin: 'an admin' },
    },
  },
} as const;

export type MailLanguage = keyof typeof MAIL_MESSAGES;
export const DEFAULT_MAIL_LANGUAGE: MailLanguage = 'en';
