import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../../support/test-app';
import { startTestApp } from '../../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf } from '../e2e-helpers';
import { approveWeek, timesheetForWeek } from '../week-helpers';

/*
 * Reminders to enter hours (issue 11), end to end: the job's use case on the real database, the
 * outbox delivered over a real SMTP server (test/support/smtp-sink.ts), mails read back with
 * mailparser. Friday 2026-12-04 16:00 in Amsterdam is 15:00Z (winter time); Monday 2026-12-07
 * 09:00 is 08:00Z.
 *
 * Two server processes on one database running the job at the same instant: only a real
 * PostgreSQL runs their transactions at once (the embedded one runs them one after another), so
 * the run on PostgreSQL (DATABASE_URL) goes many rounds, the embedded run a few.
 */
const REAL_POSTGRES = process.env.DATABASE_URL !== undefined;
const RACE_ROUNDS = REAL_POSTGRES ? 12 : 2;

const FRIDAY_1600 = new Date('2026-12-04T15:00:00Z');
const MONDAY_0900 = new Date('2026-12-07T08:00:00Z');
const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const ENV = { SESSION_TTL_MINUTES: String(90 * 24 * 60), PUBLIC_URL: 'https://portal.herinnering.example' };

interface Person {
  readonly email: string;
  readonly token: string;
}

describe('reminders to enter hours', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let other: TestApp | undefined;
  let agency: TestAgency;
  let ana: Person & { placementA: string; placementB: string };
  let bram: Person;
  let chris: Person;
  let dana: Person;
  let contact: Person;
  /** Invited (no password yet): a worker with open weeks, and a second contact of the hotel. */
  let invitedWorker: string;
  let invitedContact: string;
  const agencies = () => [agency.agencyId];

  const remind = (app: TestApp = t) => app.app.services.reminders.sendDueReminders.execute({ agencyIds: agencies() });
  const deliver = () => t.app.services.mail.deliverDue({ agencyIds: agencies() });
  const mailsTo = (email: string) => smtp.received.filter((m) => m.envelopeTo.includes(email));
  const ourAddresses = () => [ana, bram, chris, dana, contact].map((p) => p.email);
  const count = async (sql: string): Promise<number> => Number(((await t.app.database.dataSource.query(sql, [agency.agencyId])) as { n: string }[])[0].n);

  /** A worker with a login in `language`, and a placement at `relationId` with `placement` as its settings. */
  async function worker(language: string, relationId: string, placement: Record<string, unknown> = {}): Promise<Person & { placementId: string; flexworkerId: string }> {
    const email = `${unique('worker')}@example.com`;
    const flexworker = await createFlexworker(t, agency.staffToken, { firstName: 'Fatima', lastName: unique('Bakker'), email, language });
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: flexworker.id, password: TEST_PASSWORD, displayName: 'Worker' });
    const created = await createPlacement(t, agency.staffToken, { flexworkerId: flexworker.id, relationId, startDate: '2026-11-16', functionName: 'Cleaner', ...placement });
    return { email, token: await login(t, email, TEST_PASSWORD), placementId: created.id, flexworkerId: flexworker.id };
  }

  async function approve(person: Person, placementId: string, week: string, date: string): Promise<void> {
    const timesheet = await timesheetForWeek(t, person.token, placementId, week);
    await approveWeek(t, person.token, timesheet, [{ date, hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
  }

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const clock = new TravelClock(new Date('2026-12-04T09:00:00Z'));
    t = await startTestApp({ clock, env: { ...ENV, SMTP_URL: smtp.url } });
    agency = await createAgencyWithStaff(t, 'Uitzendbureau Herinnering');
    const bakery = await createRelation(t, agency.staffToken, { name: 'Bakkerij de Korenschoof' });
    const farm = await createRelation(t, agency.staffToken, { name: 'Kwekerij Westland' });
    const hotel = await createRelation(t, agency.staffToken, { name: 'Hotel Zeezicht' });

    // Ana enters her own hours at two relations, in Polish; she approved W47 at the bakery.
    const anaAtBakery = await worker('PL', bakery.id);
    const anaAtFarm = await createPlacement(t, agency.staffToken, { flexworkerId: anaAtBakery.flexworkerId, relationId: farm.id, startDate: '2026-11-23', functionName: 'Picker' });
    ana = { ...anaAtBakery, placementA: anaAtBakery.placementId, placementB: anaAtFarm.id };
    await approve(ana, ana.placementA, '2026-W47', '2026-11-17');
    // Bram's placement ended in W48; he approved both his weeks.
    const bramAt = await worker('NL', bakery.id, { endDate: '2026-11-29' });
    bram = bramAt;
    await approve(bram, bramAt.placementId, '2026-W47', '2026-11-17');
    await approve(bram, bramAt.placementId, '2026-W48', '2026-11-24');
    // Chris works at the hotel, whose contact enters the hours (in Romanian): Chris gets nothing, the contact does.
    chris = await worker('DE', hotel.id, { hoursEnteredBy: 'RELATION', sendInvitations: false, sendReminders: false });
    const contactEmail = `${unique('contact')}@hotel.example`;
    await createUser(t, agency.staffToken, { email: contactEmail, role: 'RELATION_CONTACT', relationId: hotel.id, password: TEST_PASSWORD, displayName: 'Ioana Hotel', language: 'RO' });
    contact = { email: contactEmail, token: await login(t, contactEmail, TEST_PASSWORD) };
    // Dana's placement does not send reminders.
    dana = await worker('EN', bakery.id, { sendReminders: false });
    // Eve is placed at the bakery with sendInvitations (the default) and has not accepted; nor has the hotel's second contact.
    invitedWorker = `${unique('eve')}@example.com`;
    const eve = await createFlexworker(t, agency.staffToken, { firstName: 'Eve', email: invitedWorker, language: 'EN' });
    await createPlacement(t, agency.staffToken, { flexworkerId: eve.id, relationId: bakery.id, startDate: '2026-11-16', functionName: 'Cleaner' });
    invitedContact = `${unique('invited-contact')}@hotel.example`;
    dataOf(await t.gql('mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }', {
      input: { relationId: hotel.id, email: invitedContact, name: 'Ion Hotel', language: 'RO' },
    }, { token: agency.staffToken }));
    expect(await deliver()).toMatchObject({ sent: 2, failed: 0 });
  }, 60_000);

  afterAll(async () => {
    await other?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  it('the agency settings hold the moments: by default Friday 16:00 and Monday 09:00', async () => {
    const response = await t.gql<{ agency: { settings: { reminderMoments: { weekday: string; time: string }[] } } }>(
      '{ agency { settings { reminderMoments { weekday time } } } }',
      {},
      { token: agency.staffToken },
    );
    expect(dataOf(response).agency.settings.reminderMoments).toEqual([
      { weekday: 'MON', time: '09:00' },
      { weekday: 'FRI', time: '16:00' },
    ]);
  });

  it('sends nothing before the moment', async () => {
    t.clock.set(new Date(FRIDAY_1600.getTime() - MINUTE));
    expect(await remind()).toBe(0);
    await deliver();
    expect(smtp.received.filter((m) => m.envelopeTo.some((to) => ourAddresses().includes(to)))).toEqual([]);
  });

  it('at the moment: one mail to each person with open weeks, in their language, listing the weeks, with the link to the current week', async () => {
    t.clock.set(FRIDAY_1600);
    expect(await remind()).toBe(2);
    expect(await deliver()).toMatchObject({ sent: 2, failed: 0 });
    const [toAna] = await smtp.waitFor((all) => all.some((m) => m.envelopeTo.includes(ana.email))).then(() => mailsTo(ana.email));
    expect(toAna.language).toBe('pl');
    expect(toAna.subject).toBe('Uitzendbureau Herinnering: wpisz swoje godziny');
    expect(toAna.text).toContain('Godziny z tych tygodni nie zostały jeszcze wpisane i zatwierdzone:');
    // W47 at the bakery was approved; W48 and W49 are open there, and W48 and W49 at the farm.
    expect(toAna.text).not.toContain('Tydzień 47 (');
    expect(toAna.text.match(/Tydzień 48 \(.*Bakkerij de Korenschoof/g)).toHaveLength(1);
    expect(toAna.text.match(/Tydzień 48 \(.*Kwekerij Westland/g)).toHaveLength(1);
    expect(toAna.text.match(/Tydzień 49 \(.*Bakkerij de Korenschoof/g)).toHaveLength(1);
    expect(toAna.text.match(/Tydzień 49 \(.*Kwekerij Westland/g)).toHaveLength(1);
    expect(toAna.text).toContain('https://portal.herinnering.example/week');
    expect(toAna.html).toContain('href="https://portal.herinnering.example/week"');
  });

  it('none to a worker whose relation enters the hours: its contact gets the weeks, labelled with the worker', async () => {
    expect(mailsTo(chris.email)).toEqual([]);
    const [toContact] = mailsTo(contact.email);
    expect(toContact.language).toBe('ro');
    expect(toContact.text).toMatch(/Săptămâna 47 \(.*Fatima Bakker/);
    expect(toContact.text).toMatch(/Săptămâna 49 \(.*Fatima Bakker/);
  });

  it('none to invited logins that have not accepted (no password yet): only their invitation', async () => {
    expect(mailsTo(invitedWorker).map((m) => m.subject)).toEqual(['Uitzendbureau Herinnering: create your Flexportal account']);
    expect(mailsTo(invitedContact)).toHaveLength(1);
    expect(await count(`SELECT count(*) AS n FROM mail_outbox WHERE agency_id = $1 AND kind = 'HOURS_REMINDER'`)).toBe(2);
  });

  it('none to a worker with every week approved, nor where the placement sends no reminders', async () => {
    expect(mailsTo(bram.email)).toEqual([]);
    expect(mailsTo(dana.email)).toEqual([]);
  });

  it('none twice: when run again, and after a restart', async () => {
    t.clock.set(new Date(FRIDAY_1600.getTime() + MINUTE));
    expect(await remind()).toBe(0);
    other = await startTestApp({ clock: new TravelClock(new Date(FRIDAY_1600.getTime() + 2 * 60 * MINUTE)), env: { ...ENV, SMTP_URL: smtp.url } });
    expect(await remind(other)).toBe(0);
    await other.stop();
    other = undefined;
    await deliver();
    expect(mailsTo(ana.email)).toHaveLength(1);
    expect(mailsTo(contact.email)).toHaveLength(1);
    expect(await count(`SELECT count(*) AS n FROM hours_reminders WHERE agency_id = $1`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM mail_outbox WHERE agency_id = $1 AND kind = 'HOURS_REMINDER'`)).toBe(2);
  });

  it('on Monday 09:00 asks again for what is still open; a worker who approved everything gets nothing', async () => {
    t.clock.set(new Date('2026-12-05T10:00:00Z'));
    for (const [placement, week, date] of [
      [ana.placementA, '2026-W48', '2026-11-24'],
      [ana.placementA, '2026-W49', '2026-12-01'],
      [ana.placementB, '2026-W48', '2026-11-24'],
      [ana.placementB, '2026-W49', '2026-12-01'],
    ]) {
      await approve(ana, placement, week, date);
    }
    t.clock.set(MONDAY_0900);
    expect(await remind()).toBe(1);
    await deliver();
    expect(mailsTo(ana.email)).toHaveLength(1);
    const toContact = await smtp.waitFor(() => mailsTo(contact.email).length === 2).then(() => mailsTo(contact.email)[1]);
    // Monday: last week and older, not W50 that has just begun.
    expect(toContact.text).toMatch(/Săptămâna 49 \(/);
    expect(toContact.text).not.toMatch(/Săptămâna 50 \(/);
  });

  it('staff change the moments through updateAgencySettings; an empty list sends none', async () => {
    const update = (reminderMoments: unknown) =>
      t.gql<{ updateAgencySettings: { agency: { settings: { reminderMoments: { weekday: string; time: string }[] } } } }>(
        'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { settings { reminderMoments { weekday time } } } } }',
        { input: { reminderMoments } },
        { token: agency.staffToken },
      );
    const refused = await update([{ weekday: 'TUE', time: '10:00' }, { weekday: 'TUE', time: '10:00' }]);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'reminderMoments.1', reason: 'REMINDER_MOMENT_DUPLICATE' }] });
    expect(dataOf(await update([]))).toEqual({ updateAgencySettings: { agency: { settings: { reminderMoments: [] } } } });
    t.clock.set(new Date(MONDAY_0900.getTime() + WEEK));
    expect(await remind()).toBe(0);
    const moved = await update([{ weekday: 'MON', time: '09:30' }, { weekday: 'FRI', time: '16:00' }]);
    expect(dataOf(moved).updateAgencySettings.agency.settings.reminderMoments).toEqual([
      { weekday: 'MON', time: '09:30' },
      { weekday: 'FRI', time: '16:00' },
    ]);
    expect(await remind()).toBe(0);
    t.clock.set(new Date(MONDAY_0900.getTime() + WEEK + 30 * MINUTE));
    // Ana's W50 is open by now, and the contact's weeks still are.
    expect(await remind()).toBe(2);
    await deliver();
  });

  it(`none twice across two server processes running the job at the same instant (${RACE_ROUNDS} rounds)`, async () => {
    other = await startTestApp({ clock: new TravelClock(), env: { ...ENV, SMTP_URL: smtp.url } });
    const before = await count(`SELECT count(*) AS n FROM hours_reminders WHERE agency_id = $1`);
    for (let round = 1; round <= RACE_ROUNDS; round++) {
      const instant = new Date(FRIDAY_1600.getTime() + (round + 1) * WEEK);
      t.clock.set(instant);
      other.clock.set(instant);
      const [a, b] = await Promise.all([remind(t), remind(other)]);
      // The contact has open weeks every Friday; Ana too (her weeks after W49 are open).
      expect(a + b).toBe(2);
    }
    expect(await count(`SELECT count(*) AS n FROM hours_reminders WHERE agency_id = $1`)).toBe(before + 2 * RACE_ROUNDS);
    expect(await count(`SELECT count(*) AS n FROM (SELECT user_id, slot_at FROM hours_reminders WHERE agency_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) d`)).toBe(0);
    const mailsBefore = mailsTo(ana.email).length;
    await deliver();
    expect(mailsTo(ana.email)).toHaveLength(mailsBefore + RACE_ROUNDS);
  }, 120_000);
});
