import { describe, expect, it } from 'vitest';
import { MAIL_MESSAGES } from './mail-messages.js';
import { renderMail } from './mail-templates.js';

const reset = (name: string, link: string) =>
  renderMail(
    { kind: 'passwordReset', to: 'a@example.org', values: { name, link } },
    'https://consult.example.org',
  );

describe('renderMail', () => {
  it('writes the reset mail from the English catalogue, as text and as HTML', () => {
    const mail = reset('Ada', 'https://consult.example.org/reset-password#abc');
    expect(mail.subject).toBe(`${MAIL_MESSAGES.en.passwordReset.subject} — ${MAIL_MESSAGES.en.app}`);
    expect(mail.text.split('\n\n')).toEqual([
      'Hello Ada,',
      'Someone — we hope you — asked to reset the password of your account at https://consult.example.org.',
      'To choose a new password, open this link. It works once, within 60 minutes:',
      'https://consult.example.org/reset-password#abc',
      MAIL_MESSAGES.en.passwordReset.ignore,
      '-- ',
      'You receive this mail because of your account at https://consult.example.org. The app sent it by itself.\n',
    ]);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('<p>Hello Ada,</p>');
  });

  it('escapes every value in the HTML, attributes included, and keeps the text as typed', () => {
    const mail = reset('<script>x</script>', 'https://consult.example.org/r#"><img src=x>');
    expect(mail.text).toContain('Hello <script>x</script>,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('href="https://consult.example.org/r#&#34;&#62;&#60;img src=x&#62;"');
  });
});
