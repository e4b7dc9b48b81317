import { Agency } from '../../domain/agency/agency.entity';
import { HoursEnteredBy } from '../../domain/placement/placement.entity';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';

/** What a reminder needs of a placement that reminds someone. */
export interface ReminderPlacement {
  readonly id: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  readonly hoursEnteredBy: HoursEnteredBy;
  /** The relation's name (how a worker's mail labels the week). */
  readonly relationName: string;
  /** The worker's full name (how a contact's mail labels the week). */
  readonly workerName: string;
}

/** An active login that can receive a reminder, with the language its mail is written in. */
export interface ReminderLogin {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly language: string;
}

/** One reminder sent: at most one per login and slot. */
export interface HoursReminderRecord {
  readonly agencyId: string;
  readonly userId: string;
  readonly slotAt: Date;
  readonly weeks: readonly IsoWeek[];
  readonly now: Date;
}

/** Reads who is reminded of what, and records the reminders sent (the idempotency of a slot). */
export abstract class HoursReminderRepository {
  /** Every agency with at least one reminder moment (of `agencyIds` when given). */
  abstract agenciesWithReminders(agencyIds?: readonly string[]): Promise<Agency[]>;
  /**
   * The agency's placements that remind someone, whose period contains a day from `from` to `upTo`:
   * those with `sendReminders` on (the worker enters the hours), and those where the relation
   * enters the hours (its contacts are reminded; `sendReminders` is always off there, as it is the worker's).
   */
  abstract placementsToRemind(agencyId: string, from: LocalDate, upTo: LocalDate): Promise<ReminderPlacement[]>;
  /** Of these placements' weeks from `from` to `upTo`, those the worker approved (SUBMITTED or later): keys `placementId/2026-W48`. */
  abstract weeksApprovedByWorker(agencyId: string, placementIds: readonly string[], from: IsoWeek, upTo: IsoWeek): Promise<Set<string>>;
  /** The active FLEXWORKER logins of these workers, by worker id (language and name from the worker). */
  abstract workerLogins(agencyId: string, flexworkerIds: readonly string[]): Promise<Map<string, ReminderLogin>>;
  /** The active RELATION_CONTACT logins of these relations, by relation id. */
  abstract contactLogins(agencyId: string, relationIds: readonly string[]): Promise<Map<string, ReminderLogin[]>>;
  /**
   * Inside the unit of work: records the reminder unless this login already has one for this slot
   * (`ON CONFLICT DO NOTHING`; a concurrent insert waits for the other to commit). True when
   * this call recorded it: only then is the mail sent.
   */
  abstract record(reminder: HoursReminderRecord): Promise<boolean>;
}
