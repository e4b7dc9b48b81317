import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, TestApp, TEST_PASSWORD, TravelClock, unique } from '../../support/test-app';
import { startTestApp } from '../../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser } from '../e2e-helpers';

/**
 * The job `hours.reminders` on pg-boss (JOBS on), on whichever database the run uses: with the
 * app's clock standing on a reminder moment, the reminder is enqueued by the job's cron tick (once
 * a minute, by pg-boss's own clock) and delivered by the mail job, with no direct call.
 */
describe('reminders by the pg-boss job', () => {
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

  it('sends the reminder of a due moment by itself', async () => {
    // Friday 2026-12-04 16:00 in Amsterdam.
    const clock = new TravelClock(new Date('2026-12-04T15:00:30Z'));
    t = await startTestApp({ clock, env: { SMTP_URL: smtp.url, JOBS: 'true' }, mailAgencies: () => agencies });
    const agency = await createAgencyWithStaff(t, 'Uitzendbureau Cron');
    const relation = await createRelation(t, agency.staffToken, { name: 'Drukkerij Noord' });
    const email = `${unique('cron')}@example.com`;
    const worker = await createFlexworker(t, agency.staffToken, { firstName: 'Mihai', lastName: 'Popescu', email, language: 'RO' });
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: 'Mihai' });
    await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id, startDate: '2026-11-30', functionName: 'Printer' });
    agencies.push(agency.agencyId);
    const mail = await smtp.waitForMailTo(email, 100_000);
    expect(mail.language).toBe('ro');
    expect(mail.text).toMatch(/Săptămâna 49 \(/);
    const queues = (await t.app.database.dataSource.query(`SELECT name, policy FROM pgboss.queue WHERE name = 'hours.reminders'`)) as { name: string; policy: string }[];
    expect(queues).toEqual([{ name: 'hours.reminders', policy: 'stately' }]);
    const rows = (await t.app.database.dataSource.query('SELECT count(*) AS n FROM hours_reminders WHERE agency_id = $1', [agency.agencyId])) as { n: string }[];
    expect(Number(rows[0].n)).toBe(1);
  }, 130_000);
});
