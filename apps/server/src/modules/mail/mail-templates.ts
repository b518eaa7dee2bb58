import i18next, { type TFunction } from 'i18next';
import { type MailKind, PASSWORD_RESET_MINUTES, type Role } from '@cw/shared';
import { DEFAULT_MAIL_LANGUAGE, MAIL_MESSAGES, type MailLanguage } from './mail-messages.js';

/** What each kind of mail needs to be written. */
export interface MailValues {
  passwordReset: { name: string; link: string };
  /**
   * No inviter's name: the mail speaks for the organisers, so it names nobody whom the
   * consultation's attribution rules might not name.
   */
  invitation: {
    consultation: string;
    role: Role;
    /** `null`: the invitee picks the group. */
    group: string | null;
    link: string;
    expiresAt: Date;
  };
}

/** A mail to write and queue: its kind, recipient, language and the values its template needs. */
export type MailRequest = {
  [K in MailKind]: { kind: K; to: string; language?: MailLanguage; values: MailValues[K] };
}[MailKind];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A mail's body as blocks, laid out once as plain text and once as HTML. */
type Block = { paragraph: string } | { link: { label: string; href: string } };

/** A written mail: subject, body, and a footer saying why it came when not the usual one. */
interface Written {
  subject: string;
  blocks: Block[];
  footer?: string;
}

const translator = i18next.createInstance();
void translator.init({
  // The catalogue is in the code: no loading, so `t` is ready when this module is.
  initAsync: false,
  resources: Object.fromEntries(
    Object.entries(MAIL_MESSAGES).map(([language, messages]) => [language, { translation: messages }]),
  ),
  lng: DEFAULT_MAIL_LANGUAGE,
  fallbackLng: DEFAULT_MAIL_LANGUAGE,
  // Values go into plain text as they are; the HTML layout escapes every text it writes.
  interpolation: { escapeValue: false },
});

const TEMPLATES: {
  [K in MailKind]: (t: TFunction, values: MailValues[K], site: string) => Written;
} = {
  passwordReset: (t, { name, link }, site) => ({
    subject: t('passwordReset.subject'),
    blocks: [
      { paragraph: t('greeting', { name }) },
      { paragraph: t('passwordReset.intro', { site }) },
      { paragraph: t('passwordReset.instructions', { minutes: PASSWORD_RESET_MINUTES }) },
      { link: { label: t('passwordReset.action'), href: link } },
      { paragraph: t('passwordReset.ignore') },
    ],
  }),
  invitation: (t, { consultation, role, group, link, expiresAt }, site) => ({
    subject: t('invitation.subject', { consultation }),
    blocks: [
      { paragraph: t('invitation.intro', { consultation, site, role: t(`invitation.roles.${role}`) }) },
      { paragraph: group === null ? t('invitation.openGroup') : t('invitation.group', { group }) },
      {
        paragraph: t('invitation.instructions', {
          expires: expiresAt.toISOString().slice(0, 16).replace('T', ' '),
        }),
      },
      { link: { label: t('invitation.action'), href: link } },
      { paragraph: t('invitation.ignore') },
    ],
    footer: t('invitationFooter', { site }),
  }),
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Writes a mail in the recipient's language, as plain text and as HTML. `site` is the address
 * the app is reached at. Nothing is fetched when the mail is read: no images, no tracking, and
 * links go straight to the app.
 */
export function renderMail(request: MailRequest, site: string): RenderedMail {
  const t = translator.getFixedT(request.language ?? DEFAULT_MAIL_LANGUAGE);
  // The union of requests pairs each kind with its values; TypeScript cannot follow that here.
  const template = TEMPLATES[request.kind] as (
    t: TFunction,
    values: MailValues[MailKind],
    site: string,
  ) => Written;
  const { subject, blocks, footer = t('footer', { site }) } = template(t, request.values, site);
  const app = t('app');

  const text = [
    ...blocks.map((block) => ('paragraph' in block ? block.paragraph : block.link.href)),
    '-- ',
    footer,
  ].join('\n\n');

  const htmlBlocks = blocks.map((block) =>
    'paragraph' in block
      ? `<p>${escapeHtml(block.paragraph)}</p>`
      : `<p><a href="${escapeHtml(block.link.href)}" style="display:inline-block;padding:0.5em 1em;background:#0d74ce;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(block.link.label)}</a></p>\n<p style="word-break:break-all;font-size:0.875em"><a href="${escapeHtml(block.link.href)}">${escapeHtml(block.link.href)}</a></p>`,
  );
  const html = `<!doctype html>
<html lang="${escapeHtml(request.language ?? DEFAULT_MAIL_LANGUAGE)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0 auto;padding:1em;max-width:36em;font-family:system-ui,sans-serif;line-height:1.5;color:#1c2024">
<p style="font-weight:bold">${escapeHtml(app)}</p>
${htmlBlocks.join('\n')}
<hr style="border:none;border-top:1px solid #d9d9e0">
<p style="font-size:0.875em;color:#60646c">${escapeHtml(footer)}</p>
</body>
</html>
`;
  return { subject: `${subject} — ${app}`, text: `${text}\n`, html };
}
