import { HoursReminderMail, MailOutbox, OutgoingMail } from '../../../../src/application/ports/mail-outbox';
import { SendDueReminders } from '../../../../src/application/reminder/send-due-reminders.use-case';
import { HoursEnteredBy } from '../../../../src/domain/placement/placement.entity';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { LuxonZonedTime } from '../../../../src/infrastructure/calendar/luxon-zoned-time';
import { FakeUnitOfWork } from '../../../support/fakes/fake-unit-of-work';
import { FixedClock } from '../../../support/fakes/fixed-clock';
import { InMemoryHoursReminders } from '../../../support/fakes/in-memory-hours-reminders';
import { FixedPortalLinks, InMemoryMailOutbox } from '../../../support/fakes/in-memory-mail-outbox';
import { anAgency } from '../../../support/mothers/organisation.mother';

/** Friday 2026-12-04 16:00 in Amsterdam (winter time): the default Friday moment. */
const FRIDAY_1600 = new Date('2026-12-04T15:00:00Z');
const MONDAY_0900 = new Date('2026-12-07T08:00:00Z');

/** An outbox that refuses its next `failures` mails (as a database error would), then stores them. */
class FlakyOutbox extends MailOutbox {
  constructor(
    private readonly inner: InMemoryMailOutbox,
    private failures: number,
  ) {
    super();
  }
  async enqueue(mail: OutgoingMail): Promise<string> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('outbox refused');
    }
    return this.inner.enqueue(mail);
  }
}

function world(options: { failingEnqueues?: number } = {}) {
  const agency = anAgency({ name: 'U-Boss uitzendbureau' });
  const reminders = new InMemoryHoursReminders();
  const unitOfWork = new FakeUnitOfWork([reminders.participant]);
  reminders.unitOfWork = unitOfWork;
  const mails = new InMemoryMailOutbox(unitOfWork);
  const outbox = options.failingEnqueues ? new FlakyOutbox(mails, options.failingEnqueues) : mails;
  const clock = new FixedClock(FRIDAY_1600);
  reminders.agencies.push(agency);
  const useCase = new SendDueReminders({ reminders, outbox, links: new FixedPortalLinks(), unitOfWork, clock, zonedTime: new LuxonZonedTime() });

  const placement = (id: string, worker: string, relation: string, enteredBy: HoursEnteredBy = 'FLEXWORKER', sendReminders = true) =>
    reminders.placements.push({
      id,
      agencyId: agency.id,
      flexworkerId: worker,
      relationId: relation,
      startDate: LocalDate.parse('2026-11-16'),
      endDate: null,
      hoursEnteredBy: enteredBy,
      relationName: `Relation ${relation}`,
      workerName: `Worker ${worker}`,
      sendReminders,
    });
  const login = (userId: string, role: 'FLEXWORKER' | 'RELATION_CONTACT', ownerId: string, language = 'nl', active = true) =>
    reminders.logins.push({ agencyId: agency.id, userId, email: `${userId}@example.com`, name: `Name ${userId}`, language, role, ownerId, active });

  // Anna enters her own hours at two relations; W47 and W48 of the first are approved.
  placement('p-anna-1', 'anna', 'r1');
  placement('p-anna-2', 'anna', 'r3');
  login('u-anna', 'FLEXWORKER', 'anna', 'pl');
  reminders.approved.add('p-anna-1/2026-W47').add('p-anna-1/2026-W48');
  // Bram approved every week.
  placement('p-bram', 'bram', 'r1');
  login('u-bram', 'FLEXWORKER', 'bram');
  for (const w of ['2026-W47', '2026-W48', '2026-W49']) reminders.approved.add(`p-bram/${w}`);
  // Chris works at r2, whose contacts enter the hours; one contact is blocked.
  placement('p-chris', 'chris', 'r2', 'RELATION', false);
  login('u-chris', 'FLEXWORKER', 'chris');
  login('u-contact', 'RELATION_CONTACT', 'r2', 'de');
  login('u-blocked', 'RELATION_CONTACT', 'r2', 'en', false);
  // Dana does not get reminders; Eve has no login.
  placement('p-dana', 'dana', 'r1', 'FLEXWORKER', false);
  login('u-dana', 'FLEXWORKER', 'dana');
  placement('p-eve', 'eve', 'r1');

  const sent = () => mails.ofKind('HOURS_REMINDER');
  const to = (userId: string) => sent().filter((m) => m.to.userId === userId);
  const weeksOf = (mail: HoursReminderMail) => mail.weeks.map((w) => `${w.week} ${w.label}`);
  return { agency, reminders, unitOfWork, clock, useCase, sent, to, weeksOf };
}

describe('SendDueReminders', () => {
  it('sends nothing before the moment', async () => {
    const w = world();
    w.clock.set(new Date(FRIDAY_1600.getTime() - 60_000));
    expect(await w.useCase.execute()).toBe(0);
    expect(w.sent()).toEqual([]);
  });

  it('at the moment: one mail per person with open weeks, in their language, listing every open week, with the link to the current week', async () => {
    const w = world();
    expect(await w.useCase.execute()).toBe(2);
    expect(w.sent().map((m) => m.to.userId).sort()).toEqual(['u-anna', 'u-contact']);
    const [anna] = w.to('u-anna');
    expect(anna).toMatchObject({
      kind: 'HOURS_REMINDER',
      agencyId: w.agency.id,
      agencyName: 'U-Boss uitzendbureau',
      timeZone: 'Europe/Amsterdam',
      link: 'https://portal.example/week',
      to: { email: 'u-anna@example.com', name: 'Name u-anna', language: 'pl', userId: 'u-anna' },
    });
    expect(w.weeksOf(anna)).toEqual(['2026-W47 Relation r3', '2026-W48 Relation r3', '2026-W49 Relation r1', '2026-W49 Relation r3']);
  });

  it('where the relation enters the hours, its active contacts get the weeks (labelled with the worker) and the worker nothing', async () => {
    const w = world();
    await w.useCase.execute();
    expect(w.to('u-chris')).toEqual([]);
    expect(w.to('u-blocked')).toEqual([]);
    const [contact] = w.to('u-contact');
    expect(contact.to.language).toBe('de');
    expect(w.weeksOf(contact)).toEqual(['2026-W47 Worker chris', '2026-W48 Worker chris', '2026-W49 Worker chris']);
  });

  it('sends nothing twice for the same moment, however often it runs', async () => {
    const w = world();
    await w.useCase.execute();
    w.clock.set(new Date(FRIDAY_1600.getTime() + 60_000));
    expect(await w.useCase.execute()).toBe(0);
    w.clock.set(new Date(FRIDAY_1600.getTime() + 3 * 3600_000));
    expect(await w.useCase.execute()).toBe(0);
    expect(w.sent()).toHaveLength(2);
    expect([...w.reminders.records.values()].map((r) => r.slotAt.toISOString())).toEqual([FRIDAY_1600.toISOString(), FRIDAY_1600.toISOString()]);
  });

  it('at the Monday moment asks again for what is still open, not for the week that has just begun', async () => {
    const w = world();
    await w.useCase.execute();
    for (const w49 of ['p-anna-1', 'p-anna-2']) w.reminders.approved.add(`${w49}/2026-W49`);
    w.clock.set(MONDAY_0900);
    expect(await w.useCase.execute()).toBe(2);
    const monday = w.sent().slice(2);
    expect(w.weeksOf(monday.find((m) => m.to.userId === 'u-anna')!)).toEqual(['2026-W47 Relation r3', '2026-W48 Relation r3']);
    expect(monday.flatMap((m) => m.weeks.map((x) => x.week))).not.toContain('2026-W50');
  });

  it('a moment missed for longer than the catch-up time is skipped', async () => {
    const w = world();
    w.clock.set(new Date(FRIDAY_1600.getTime() + 241 * 60_000));
    expect(await w.useCase.execute()).toBe(0);
    w.clock.set(new Date(FRIDAY_1600.getTime() + 239 * 60_000));
    expect(await w.useCase.execute()).toBe(2);
  });

  it('sends nothing for an agency without moments', async () => {
    const w = world();
    w.agency.changeSettings({ reminderMoments: [] });
    expect(await w.useCase.execute()).toBe(0);
  });

  it('a mail that could not be enqueued leaves no record behind: the others go out, the run fails, the next run sends it', async () => {
    const w = world({ failingEnqueues: 1 });
    await expect(w.useCase.execute()).rejects.toThrow('1 reminder(s) could not be sent; 1 were');
    expect(w.reminders.records.size).toBe(1);
    expect(w.sent()).toHaveLength(1);
    expect(await w.useCase.execute()).toBe(1);
    expect(w.sent().map((m) => m.to.userId).sort()).toEqual(['u-anna', 'u-contact']);
    expect(w.reminders.records.size).toBe(2);
  });
});
