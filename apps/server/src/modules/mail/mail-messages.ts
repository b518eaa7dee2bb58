/**
 * The text of every mail, by language, under keys a translation fills in (i18next's format, as
 * in the web app). Only English exists so far; a recipient of another language gets it too.
 */
export const MAIL_MESSAGES = {
  en: {
    app: 'Consultation Workspace',
    greeting: 'Hello {{name}},',
    footer: 'You receive this mail because of your account at {{site}}. The app sent it by itself.',
    passwordReset: {
      subject: 'Reset your password',
      intro: 'Someone — we hope you — asked to reset the password of your account at {{site}}.',
      instructions: 'To choose a new password, open this link. It works once, within {{minutes}} minutes:',
      action: 'Choose a new password',
      ignore:
        'If you did not ask for this, ignore this mail: your password stays as it is, and nobody can use the link after that hour.',
    },
  },
} as const;

export type MailLanguage = keyof typeof MAIL_MESSAGES;
export const DEFAULT_MAIL_LANGUAGE: MailLanguage = 'en';
