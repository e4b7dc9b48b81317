import { TypeormMailQueue, INTERRUPTED } from '../../../src/infrastructure/database/mail/typeorm-mail-queue';
import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, startTestApp, TestAgency, TestApp, TravelClock, unique } from '../../support/test-app';
import { enqueue, invitationTo, outboxRow } from './mail-helpers';

/*
 * Each message reaches the SMTP server at most once: across a restart, when the process that
 * claimed a message died mid-send, and when two processes deliver the same due rows at once.
 * Real PostgreSQL (DATABASE_URL) races many rounds; the embedded run a few.
 */
const REAL_POSTGRES = process.env.DATABASE_URL !== undefined;
const ROUNDS = REAL_POSTGRES ? 16 : 3;
const MAILS_PER_ROUND = 8;

describe('each mail at most once to the SMTP server', () => {
  let smtp: SmtpSink;
  const clock = new TravelClock();
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  let agency: TestAgency;

  const env = () => ({ SMTP_URL: smtp.url });
  const deliverBy = (t: TestApp) => t.app.services.mail.deliverDue({ agencyIds: [agency.agencyId] });
  const timesReceived = (messageId: string) => smtp.received.filter((m) => m.messageId === messageId).length;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    a = await startTestApp({ clock, env: env() });
    agency = await createAgencyWithStaff(a, 'Once agency');
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await smtp?.stop();
  });

  it('a server restart in between sends nothing twice', async () => {
    const first = await enqueue(a!, ...[1, 2, 3].map((n) => invitationTo(agency.agencyId, `${unique(`r${n}`)}@example.com`)));
    expect(await deliverBy(a!)).toEqual({ sent: 3, retried: 0, failed: 0 });
    const second = await enqueue(a!, ...[4, 5].map((n) => invitationTo(agency.agencyId, `${unique(`r${n}`)}@example.com`)));
    await a!.stop();
    a = undefined;
    a = await startTestApp({ clock, env: env() });
    expect(await deliverBy(a)).toEqual({ sent: 2, retried: 0, failed: 0 });
    clock.advance(24 * 3600_000);
    expect(await deliverBy(a)).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (const id of [...first, ...second]) expect(timesReceived(`${id}@flexportal.mail`)).toBe(1);
  });

  it('a message claimed by a process that died mid-send is never sent again: FAILED "interrupted"', async () => {
    const email = `${unique('died')}@example.com`;
    const [id] = await enqueue(a!, invitationTo(agency.agencyId, email));
    // The dying process: its claim committed, then nothing more (no SENT, no retry).
    const queue = new TypeormMailQueue(a!.app.database.dataSource);
    const claimed = await queue.claimDue(clock.now(), new Date(clock.now().getTime() + 300_000), 100, [agency.agencyId]);
    expect(claimed.map((m) => m.id)).toEqual([id]);
    expect(await outboxRow(a!, id)).toMatchObject({ status: 'SENDING', attempts: 1 });
    // While the claim holds, nobody touches it.
    expect(await deliverBy(a!)).toEqual({ sent: 0, retried: 0, failed: 0 });
    clock.advance(301_000);
    expect(await deliverBy(a!)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await outboxRow(a!, id);
    expect(row).toMatchObject({ status: 'FAILED', last_error: INTERRUPTED, payload: null });
    clock.advance(24 * 3600_000);
    expect(await deliverBy(a!)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.attempts.some((x) => x.to.includes(email))).toBe(false);
  });

  it(`two processes delivering the same due rows, ${ROUNDS} rounds: each message exactly once`, async () => {
    b = await startTestApp({ clock, env: env() });
    for (let round = 0; round < ROUNDS; round++) {
      const ids = await enqueue(
        a!,
        ...Array.from({ length: MAILS_PER_ROUND }, (_, n) => invitationTo(agency.agencyId, `${unique(`race${round}x${n}`)}@example.com`)),
      );
      const [one, two] = await Promise.all([deliverBy(a!), deliverBy(b)]);
      expect(one.sent + two.sent).toBe(MAILS_PER_ROUND);
      expect(one.failed + two.failed + one.retried + two.retried).toBe(0);
      for (const id of ids) expect(timesReceived(`${id}@flexportal.mail`)).toBe(1);
    }
  }, 120_000);
});
