import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, startTestApp, TestApp, unique } from '../../support/test-app';
import { enqueue, invitationTo, outboxRowAfter } from './mail-helpers';

/**
 * The jobs on pg-boss (JOBS on), on whichever database the run uses (the embedded PGlite through
 * its socket server by default): a committed mail goes out by itself within seconds, with no call
 * to deliverDue, and the app stops cleanly afterwards (jest's open-handle check would hang otherwise).
 */
describe('mail delivery by the pg-boss job', () => {
  let smtp: SmtpSink;
  let t: TestApp | undefined;
  const agencies: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
  });

  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  it('delivers a mail that was enqueued, without a direct call, then stops', async () => {
    t = await startTestApp({ env: { SMTP_URL: smtp.url, JOBS: 'true' }, mailAgencies: () => agencies });
    const agency = await createAgencyWithStaff(t, 'Jobs agency');
    agencies.push(agency.agencyId);
    const email = `${unique('job')}@example.com`;
    const started = Date.now();
    const [id] = await enqueue(t, invitationTo(agency.agencyId, email, { language: 'de' }));
    const mail = await smtp.waitForMailTo(email, 20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(mail.messageId).toBe(`${id}@flexportal.mail`);
    expect(mail.subject).toBe('Uitzendbureau Zon: Erstellen Sie Ihr Flexportal-Konto');
    expect((await outboxRowAfter(t, id, 'SENDING')).status).toBe('SENT');
    const queues = (await t.app.database.dataSource.query(`SELECT name, policy FROM pgboss.queue WHERE name LIKE 'mail.%' ORDER BY name`)) as { name: string; policy: string }[];
    expect(queues).toEqual([
      { name: 'mail.cleanup', policy: 'stately' },
      { name: 'mail.deliver', policy: 'stately' },
    ]);
    const stopping = Date.now();
    await t.stop();
    t = undefined;
    expect(Date.now() - stopping).toBeLessThan(8_000);
  }, 40_000);
});
