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

  /** Only this file's agency: other test files share the database and have SMTP servers of their own. */
  const deliver = () => t.app.services.mail.deliverDue({ agencyIds: [agency.agencyId] });
  const sentTo = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));

  beforeEach(async () => {
    smtp.refuse(null);
    // Rows of earlier tests that wait for a retry must not be sent by this test's deliveries.
    await t.app.database.dataSource.query(
      `UPDATE mail_outbox SET status = 'FAILED', payload = NULL, failed_at = now() WHERE status = 'PENDING' AND agency_id = $1`,
      [agency.agencyId],
    );
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
    await deliver();
    expect(smtp.attempts.some((a) => a.to.includes(email))).toBe(false);
  });

  it('a committed mail arrives in its language with a stable Message-ID and Content-Language', async () => {
    const email = `${unique('ana')}@example.com`;
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email, { language: 'ro' }));
    const outcome = await deliver();
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
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('a temporary refusal (451) is tried again after a doubling wait and then delivered once', async () => {
    const email = `${unique('retry')}@example.com`;
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email));
    smtp.refuse({ code: 451, message: 'Try again later' });
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(new Date(row.next_attempt_at).getTime() - t.clock.now().getTime()).toBeGreaterThan(29_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    t.clock.advance(31_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    row = await outboxRow(t, id);
    expect(row.attempts).toBe(2);
    // The second wait is twice the first.
    expect(new Date(row.next_attempt_at).getTime() - t.clock.now().getTime()).toBeGreaterThan(59_000);
    t.clock.advance(31_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    smtp.refuse(null);
    t.clock.advance(30_000);
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sentTo(email)).toHaveLength(1);
    expect(smtp.attempts.filter((a) => a.to.includes(email))).toHaveLength(3);
    expect(await outboxRow(t, id)).toMatchObject({ status: 'SENT', attempts: 3, payload: null });
  });

  it('a permanent refusal (550) ends FAILED at once, with the error', async () => {
    const email = `${unique('perm')}@example.com`;
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email));
    smtp.refuse({ code: 550, message: 'No such user here' });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, payload: null });
    expect(row.last_error).toMatch(/550.*No such user here/);
    expect(row.failed_at).not.toBeNull();
    smtp.refuse(null);
    t.clock.advance(3600_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sentTo(email)).toHaveLength(0);
  });

  it('running out of attempts ends FAILED with the last error', async () => {
    const email = `${unique('out')}@example.com`;
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email));
    smtp.refuse({ code: 421, message: 'Service not available' });
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    t.clock.advance(31_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 1, failed: 0 });
    t.clock.advance(61_000);
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await outboxRow(t, id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, payload: null });
    expect(row.last_error).toContain('421');
    expect(smtp.attempts.filter((a) => a.to.includes(email))).toHaveLength(3);
  });

  it('a mail server that cannot be reached is a temporary failure', async () => {
    const other = await startTestApp({ clock: t.clock, env: { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_RETRY_SECONDS: '30' } });
    try {
      const email = `${unique('down')}@example.com`;
      const [id] = await enqueue(other, invitationTo(agency.agencyId, email));
      expect(await other.app.services.mail.deliverDue({ agencyIds: [agency.agencyId] })).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await outboxRow(other, id);
      expect(row.status).toBe('PENDING');
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await other.stop();
    }
  });
});
