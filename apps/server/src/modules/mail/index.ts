/** What other parts of the app may use of the mail module; the rest is its own. */
export { MailModule } from './mail.module.js';
export { MailOutbox } from './mail-outbox.service.js';
export type { MailRequest, MailValues } from './mail-templates.js';
