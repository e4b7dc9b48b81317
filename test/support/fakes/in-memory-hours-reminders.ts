import {
  HoursReminderRecord,
  HoursReminderRepository,
  ReminderLogin,
  ReminderPlacement,
} from '../../../src/application/ports/hours-reminder.repository';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { FakeUnitOfWork, mapParticipant, TransactionParticipant } from './fake-unit-of-work';

export interface InMemoryLogin extends ReminderLogin {
  readonly agencyId: string;
  /** The worker (FLEXWORKER login) or relation (RELATION_CONTACT login) it belongs to. */
  readonly ownerId: string;
  readonly role: 'FLEXWORKER' | 'RELATION_CONTACT';
  readonly active: boolean;
}

export interface InMemoryReminderPlacement extends ReminderPlacement {
  readonly agencyId: string;
  readonly sendReminders: boolean;
}

/**
 * The reminders' reads over plain arrays the test fills, and the record of reminders sent as a
 * map keyed by login and slot (the primary key of `hours_reminders`); a unit of work that throws
 * takes its records back with it.
 */
export class InMemoryHoursReminders extends HoursReminderRepository {
  readonly agencies: Agency[] = [];
  readonly placements: InMemoryReminderPlacement[] = [];
  readonly logins: InMemoryLogin[] = [];
  /** Keys `placementId/2026-W48` of weeks the worker approved. */
  readonly approved = new Set<string>();
  readonly records = new Map<string, HoursReminderRecord>();
  unitOfWork?: FakeUnitOfWork;

  get participant(): TransactionParticipant {
    return mapParticipant(this.records);
  }

  async agenciesWithReminders(agencyIds?: readonly string[]): Promise<Agency[]> {
    return this.agencies.filter((a) => a.settings.reminderMoments.length > 0 && (!agencyIds || agencyIds.includes(a.id)));
  }

  async placementsToRemind(agencyId: string, from: LocalDate, upTo: LocalDate): Promise<ReminderPlacement[]> {
    return this.placements.filter(
      (p) => p.agencyId === agencyId && (p.sendReminders || p.hoursEnteredBy === 'RELATION') && !p.startDate.isAfter(upTo) && (p.endDate === null || !p.endDate.isBefore(from)),
    );
  }

  async weeksApprovedByWorker(agencyId: string, placementIds: readonly string[], from: IsoWeek, upTo: IsoWeek): Promise<Set<string>> {
    return new Set(
      [...this.approved].filter((key) => {
        const [placementId, week] = key.split('/');
        const w = IsoWeek.parse(week);
        return placementIds.includes(placementId) && w.compare(from) >= 0 && w.compare(upTo) <= 0;
      }),
    );
  }

  async workerLogins(agencyId: string, flexworkerIds: readonly string[]): Promise<Map<string, ReminderLogin>> {
    const found = this.activeLogins(agencyId, 'FLEXWORKER').filter((l) => flexworkerIds.includes(l.ownerId));
    return new Map(found.map((l) => [l.ownerId, l]));
  }

  async contactLogins(agencyId: string, relationIds: readonly string[]): Promise<Map<string, ReminderLogin[]>> {
    const result = new Map<string, ReminderLogin[]>();
    for (const l of this.activeLogins(agencyId, 'RELATION_CONTACT').filter((c) => relationIds.includes(c.ownerId))) {
      result.set(l.ownerId, [...(result.get(l.ownerId) ?? []), l]);
    }
    return result;
  }

  async record(reminder: HoursReminderRecord): Promise<boolean> {
    if (this.unitOfWork && !this.unitOfWork.isRunning()) throw new Error('a reminder is recorded inside a unit of work');
    const key = `${reminder.userId}@${reminder.slotAt.toISOString()}`;
    if (this.records.has(key)) return false;
    this.records.set(key, reminder);
    return true;
  }

  private activeLogins(agencyId: string, role: InMemoryLogin['role']): InMemoryLogin[] {
    return this.logins.filter((l) => l.agencyId === agencyId && l.role === role && l.active);
  }
}
