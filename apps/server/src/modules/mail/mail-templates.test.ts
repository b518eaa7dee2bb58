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

  it('writes the invitation mail naming the consultation, role and group, or asking to pick one', () => {
    const invite = (group: string | null) =>
      renderMail(
        {
          kind: 'invitation',
          to: 'b@example.org',
          values: {
            consultation: 'Duty <to> protect',
            role: 'reviewer',
            group,
            link: 'https://consult.example.org/invite/abc',
            expiresAt: new Date('2030-01-02T03:04:05Z'),
          },
        },
        'https://consult.example.org',
      );
    const named = invite('Trade unions');
    expect(named.subject).toBe(`Your invitation to “Duty <to> protect” — ${MAIL_MESSAGES.en.app}`);
    expect(named.text).toContain('invite you to take part as a reviewer.');
    expect(named.text).toContain('for the stakeholder group “Trade unions”.');
    expect(named.text).toContain('until 2030-01-02 03:04 (UTC):\n\nhttps://consult.example.org/invite/abc');
    expect(named.text).toContain(
      MAIL_MESSAGES.en.invitationFooter.replace('{{site}}', 'https://consult.example.org'),
    );
    expect(named.html).toContain('Duty &#60;to&#62; protect');
    expect(named.html).not.toContain('<to>');
    expect(invite(null).text).toContain(MAIL_MESSAGES.en.invitation.openGroup);
  });
});
