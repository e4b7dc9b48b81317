import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, startTestApp, TestAgency, TestApp, unique } from '../../support/test-app';
import { enqueue, invitationTo, outboxRow } from './mail-helpers';

/** Delivery of the outbox over SMTP to a real SMTP server (test/support/smtp-sink.ts). */
describe('mail delivery over SMTP', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_RETRY_SECONDS: '30', MAIL_MAX_ATTEMPTS: '3', MAIL_FROM: 'Zon <noreply@zon.example>' } });
    agency = await createAgencyWithStaff(t, 'Uitzendbureau Zon');
  });

  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  beforeEach(async () => {
    smtp.refuse(null);
    // Rows of earlier tests that wait for a retry must not be sent by this test's deliveries.
    await t.app.database.dataSource.query(`UPDATE mail_outbox SET status = 'FAILED', payload = NULL, failed_at = now() WHERE status = 'PENDING'`);
  });

  it('a mail enqueued in a unit of work that throws leaves no row and sends nothing', async () => {
    const email = `${unique('rolled')}@example.com`;
    await expect(
      t.app.services.unitOfWork.run(async () => {
        await t.app.services.mail.outbox.enqueue(invitationTo(agency.agencyId, email));
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    const rows = await t.app.database.dataSource.query('SELECT id FROM mail_outbox WHERE recipient_email = $1', [email]);
    expect(rows).toHaveLength(0);
    await t.app.services.mail.deliverDue();
    expect(smtp.attempts.some((a) => a.to.includes(email))).toBe(false);
  });

  it('a committed mail arrives in its language with a stable Message-ID and Content-Language', async () => {
    const email = `${unique('ana')}@example.com`;
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email, { language: 'ro' }));
    const outcome = await t.app.services.mail.deliverDue();
    expect(outcome).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = await smtp.waitForMailTo(email);
    expect(mail.messageId).toBe(`${id}@flexportal.mail`);
    expect(mail.language).toBe('ro');
    expect(mail.envelopeFrom).toBe('noreply@zon.example');
    expect(mail.to).toContain(email);
    expect(mail.subject).toBe('Uitzendbureau Zon: creați-vă contul Flexportal');
    expect(mail.text).toContain('Bună ziua, Ana Popescu,');
    expect(mail.text).toContain('https://portal.example/invitation#token=abc');
    // 15:30 UTC is 16:30 in Amsterdam, written the Romanian way.
    expect(mail.text).toMatch(/12 decembrie 2026.*16:30/);
    expect(mail.html).toContain('href="https://portal.example/invitation#token=abc"');
    expect(mail.html).toContain('Uitzendbureau Zon');
    const row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, payload: null, subject: mail.subject });
    expect(await t.app.services.mail.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });
});
