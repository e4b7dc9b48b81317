import { Agency } from '../../domain/agency/agency.entity';
import { dueReminderSlot, ENDED_PLACEMENT_GRACE_DAYS, reminderHorizon, ReminderSlot, weeksToRemind } from '../../domain/agency/reminder-slots';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { Clock } from '../ports/clock';
import { HoursReminderRepository, ReminderLogin } from '../ports/hours-reminder.repository';
import { MailOutbox } from '../ports/mail-outbox';
import { PortalLinks } from '../ports/portal-links';
import { UnitOfWork } from '../ports/unit-of-work';
import { ZonedTime } from '../ports/zoned-time';

export interface SendDueRemindersDeps {
  readonly reminders: HoursReminderRepository;
  readonly outbox: MailOutbox;
  readonly links: PortalLinks;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly zonedTime: ZonedTime;
}

export interface HoursReminderSettings {
  /** Weeks older than this many weeks before the slot's week are not asked about (OPEN_WEEKS_HORIZON_WEEKS). */
  readonly horizonWeeks: number;
  /** A moment is still sent this long after it passed (after a restart or an outage; REMINDER_CATCH_UP_MINUTES). */
  readonly catchUpMinutes: number;
}

export const DEFAULT_HOURS_REMINDERS: HoursReminderSettings = { horizonWeeks: 26, catchUpMinutes: 240 };

/** One mail: who gets it, and which weeks of which placements it lists. */
interface Reminder {
  readonly login: ReminderLogin;
  readonly weeks: { week: IsoWeek; label: string }[];
}

/**
 * Sends the reminders of every agency whose reminder moment is due (the job `hours.reminders`
 * runs this every minute). For each placement with `sendReminders` on, and each where the relation
 * enters the hours (there `sendReminders` is always off: it is the worker's), the open weeks are those
 * of `weeksToRemind` not approved yet by whoever enters them (no timesheet, or one still OPEN, also after
 * a rejection). Who gets them: the worker's active login where the worker enters the hours; each
 * active contact login of the relation where the relation does (the worker then gets nothing).
 * Someone without an active login (not invited yet, or blocked) gets nothing: the link asks them
 * to log in. One mail per person and slot lists all their open weeks, each labelled with the
 * relation (for a worker) or the worker (for a contact).
 */
export class SendDueReminders {
  constructor(
    private readonly deps: SendDueRemindersDeps,
    private readonly settings: HoursReminderSettings = DEFAULT_HOURS_REMINDERS,
  ) {}

  /**
   * Returns how many reminders this call enqueued (another process may have sent the rest).
   * `agencyIds` limits it to those agencies (tests that share one database); default: every agency.
   */
  async execute(options: { agencyIds?: readonly string[] } = {}): Promise<number> {
    const now = this.deps.clock.now();
    const failures: unknown[] = [];
    let sent = 0;
    for (const agency of await this.deps.reminders.agenciesWithReminders(options.agencyIds)) {
      const slot = this.dueSlot(agency, now);
      if (slot) sent += await this.remind(agency, slot, now, failures);
    }
    // One person's mail that fails does not hold up the others; the job fails (and is retried) after trying everyone.
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} reminder(s) could not be sent; ${sent} were`);
    return sent;
  }

  private dueSlot(agency: Agency, now: Date): ReminderSlot | null {
    const zone = agency.settings.timeZone;
    const local = this.deps.zonedTime.localDateTimeAt(now, zone);
    const instantOf = (at: typeof local) => this.deps.zonedTime.instantOf(at, zone);
    return dueReminderSlot(agency.settings.reminderMoments, now, local, instantOf, this.settings.catchUpMinutes);
  }

  private async remind(agency: Agency, slot: ReminderSlot, now: Date, failures: unknown[]): Promise<number> {
    const reminders = await this.plan(agency.id, slot);
    let sent = 0;
    for (const reminder of reminders) {
      const weeks = reminder.weeks.map((w) => w.week);
      const done = await this.deps.unitOfWork.run(async () => {
        const first = await this.deps.reminders.record({ agencyId: agency.id, userId: reminder.login.userId, slotAt: slot.at, weeks: uniqueWeeks(weeks), now });
        if (!first) return false;
        await this.deps.outbox.enqueue({
          kind: 'HOURS_REMINDER',
          agencyId: agency.id,
          agencyName: agency.name,
          timeZone: agency.settings.timeZone,
          to: { email: reminder.login.email, name: reminder.login.name, language: reminder.login.language, userId: reminder.login.userId },
          link: this.deps.links.week(),
          weeks: reminder.weeks.map((w) => ({ week: w.week.toString(), label: w.label })),
        });
        return true;
      }).catch((error: unknown) => {
        failures.push(error);
        return false;
      });
      if (done) sent++;
    }
    return sent;
  }

  /** Who gets which weeks at this slot, one entry per login. */
  private async plan(agencyId: string, slot: ReminderSlot): Promise<Reminder[]> {
    const slotDate = slot.local.date;
    const horizon = reminderHorizon(slotDate, this.settings.horizonWeeks);
    const placements = await this.deps.reminders.placementsToRemind(agencyId, slotDate.plusDays(-ENDED_PLACEMENT_GRACE_DAYS), slotDate);
    const candidates = placements
      .map((placement) => ({ placement, weeks: weeksToRemind(placement, slotDate, horizon) }))
      .filter((c) => c.weeks.length > 0);
    if (candidates.length === 0) return [];
    const approved = await this.deps.reminders.weeksApprovedByWorker(agencyId, candidates.map((c) => c.placement.id), horizon, IsoWeek.containing(slotDate));
    const open = candidates
      .map((c) => ({ ...c, weeks: c.weeks.filter((w) => !approved.has(`${c.placement.id}/${w}`)) }))
      .filter((c) => c.weeks.length > 0);
    const byWorker = open.filter((c) => c.placement.hoursEnteredBy === 'FLEXWORKER');
    const byRelation = open.filter((c) => c.placement.hoursEnteredBy === 'RELATION');
    const workers = await this.deps.reminders.workerLogins(agencyId, unique(byWorker.map((c) => c.placement.flexworkerId)));
    const contacts = await this.deps.reminders.contactLogins(agencyId, unique(byRelation.map((c) => c.placement.relationId)));
    const reminders = new Map<string, Reminder>();
    const add = (login: ReminderLogin | undefined, weeks: IsoWeek[], label: string) => {
      if (!login) return;
      const reminder = reminders.get(login.userId) ?? { login, weeks: [] };
      reminder.weeks.push(...weeks.map((week) => ({ week, label })));
      reminders.set(login.userId, reminder);
    };
    for (const c of byWorker) add(workers.get(c.placement.flexworkerId), c.weeks, c.placement.relationName);
    for (const c of byRelation) for (const login of contacts.get(c.placement.relationId) ?? []) add(login, c.weeks, c.placement.workerName);
    return [...reminders.values()].map((r) => ({ ...r, weeks: sortWeeks(r.weeks) }));
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function uniqueWeeks(weeks: readonly IsoWeek[]): IsoWeek[] {
  const seen = new Map(weeks.map((w) => [w.toString(), w]));
  return [...seen.values()].sort((a, b) => a.compare(b));
}

function sortWeeks(weeks: { week: IsoWeek; label: string }[]): { week: IsoWeek; label: string }[] {
  return [...weeks].sort((a, b) => a.week.compare(b.week) || a.label.localeCompare(b.label));
}
