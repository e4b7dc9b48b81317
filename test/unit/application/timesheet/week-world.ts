import { Actor } from '../../../../src/application/shared/actor';
import { WeekCalculator } from '../../../../src/application/timesheet/week-calculator';
import { ensureWeek, WeekDeps } from '../../../../src/application/timesheet/week-deps';
import { AgencySettingsInput } from '../../../../src/domain/agency/agency-settings.value-object';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { Placement } from '../../../../src/domain/placement/placement.entity';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { DayEntryInput } from '../../../../src/domain/timesheet/week-entries';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { FakeUnitOfWork, mapParticipant } from '../../../support/fakes/fake-unit-of-work';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { InMemoryAuditTrailRepository } from '../../../support/fakes/in-memory-audit-trail.repository';
import { InMemoryCaoScheduleRepository } from '../../../support/fakes/in-memory-cao-schedule.repository';
import { InMemoryDeclarationRepository } from '../../../support/fakes/in-memory-declaration.repository';
import { InMemoryAgencyRepository, InMemoryPlacementRepository } from '../../../support/fakes/in-memory-organisation.repositories';
import { InMemoryTimesheetRepository } from '../../../support/fakes/in-memory-timesheet.repository';
import { InMemoryWorkerHoursLock } from '../../../support/fakes/in-memory-worker-hours-lock';
import { aCaoSchedule } from '../../../support/mothers/cao-schedule.mother';
import { anAgency, aPlacement } from '../../../support/mothers/organisation.mother';

/** Friday 27 November 2026, 11:00 in Amsterdam: week 2026-W48 is the current one. */
export const FRIDAY_W48 = new Date('2026-11-27T10:00:00Z');

/** Hours of Monday and Tuesday of 2026-W48, as a client sends them. */
export const MON_TUE: readonly DayEntryInput[] = [
  { date: '2026-11-23', total: '8:00' },
  { date: '2026-11-24', blocks: [{ start: '09:00', end: '17:00' }], breakDuration: '0:45' },
];

/**
 * Agency A with relations r1 and r2 and three placements unravelled by CAO schedule cao-a:
 *   pW  worker w1 at r1 from Monday 2026-11-09 (W46), the worker enters the hours;
 *   pR  worker w2 at r1 from Monday 2026-11-16 (W47), the relation enters the hours;
 *   pW2 worker w2 at r2 from Monday 2026-11-23 (W48), the worker enters the hours, manual hour codes.
 * Agency B has its own worker wB placed at rB. The clock stands at FRIDAY_W48.
 */
export class WeekWorld {
  readonly agencies = new InMemoryAgencyRepository();
  readonly placements = new InMemoryPlacementRepository();
  readonly schedules = new InMemoryCaoScheduleRepository();
  readonly declarations = new InMemoryDeclarationRepository();
  readonly timesheets = new InMemoryTimesheetRepository(this.declarations);
  readonly auditTrail = new InMemoryAuditTrailRepository();
  readonly unitOfWork = new FakeUnitOfWork([
    this.timesheets,
    this.declarations,
    this.auditTrail,
    mapParticipant(this.placements.store.rows),
    mapParticipant(this.agencies.store.rows),
  ]);
  /** The worker locks taken (`lock w1`), in order; a test may log the stores' calls here too (worker-hours-lock.test.ts). */
  readonly log: string[] = [];
  readonly hoursLock = new InMemoryWorkerHoursLock(this.unitOfWork, this.log);
  readonly ids = new SequentialIds('new');
  readonly clock = new FixedClock(FRIDAY_W48);
  readonly calculator = new WeekCalculator(HAND_WRITTEN_DUTCH_HOLIDAYS, HAND_WRITTEN_AMSTERDAM);
  readonly deps: WeekDeps = {
    timesheets: this.timesheets,
    declarations: this.declarations,
    placements: this.placements,
    agencies: this.agencies,
    schedules: this.schedules,
    auditTrail: this.auditTrail,
    unitOfWork: this.unitOfWork,
    hoursLock: this.hoursLock,
    ids: this.ids,
    clock: this.clock,
    calculator: this.calculator,
  };

  readonly pW = aPlacement('agency-a', 'w1', 'r1', { id: 'pW', startDate: '2026-11-09', caoScheduleId: 'cao-a' });
  readonly pR = aPlacement('agency-a', 'w2', 'r1', { id: 'pR', startDate: '2026-11-16', caoScheduleId: 'cao-a', hoursEnteredBy: 'RELATION' });
  readonly pW2 = aPlacement('agency-a', 'w2', 'r2', {
    id: 'pW2',
    startDate: '2026-11-23',
    caoScheduleId: undefined,
    hourCodes: [{ code: 'H100', percentage: 100 }, { code: 'H150', percentage: 150 }],
  });
  readonly pB = aPlacement('agency-b', 'wB', 'rB', { id: 'pB', startDate: '2026-11-09', caoScheduleId: 'cao-b' });

  readonly staff: Actor = { kind: 'USER', id: 'u-staff', role: 'AGENCY_STAFF', agencyId: 'agency-a' };
  readonly payroll: Actor = { kind: 'API_CLIENT', id: 'api-payroll', role: 'PAYROLL', agencyId: 'agency-a' };
  readonly worker1: Actor = { kind: 'USER', id: 'u-w1', role: 'FLEXWORKER', agencyId: 'agency-a', flexworkerId: 'w1' };
  readonly worker2: Actor = { kind: 'USER', id: 'u-w2', role: 'FLEXWORKER', agencyId: 'agency-a', flexworkerId: 'w2' };
  readonly contact1: Actor = { kind: 'USER', id: 'u-c1', role: 'RELATION_CONTACT', agencyId: 'agency-a', relationId: 'r1' };
  readonly contact2: Actor = { kind: 'USER', id: 'u-c2', role: 'RELATION_CONTACT', agencyId: 'agency-a', relationId: 'r2' };
  readonly staffB: Actor = { kind: 'USER', id: 'u-staff-b', role: 'AGENCY_STAFF', agencyId: 'agency-b' };
  readonly workerB: Actor = { kind: 'USER', id: 'u-wB', role: 'FLEXWORKER', agencyId: 'agency-b', flexworkerId: 'wB' };

  static async build(): Promise<WeekWorld> {
    const world = new WeekWorld();
    await world.agencies.insert(anAgency({ id: 'agency-a' }));
    await world.agencies.insert(anAgency({ id: 'agency-b', name: 'Andere uitzender' }));
    await world.schedules.insert(aCaoSchedule('agency-a', { id: 'cao-a' }));
    await world.schedules.insert(aCaoSchedule('agency-b', { id: 'cao-b' }));
    for (const p of [world.pW, world.pR, world.pW2, world.pB]) await world.placements.insert(p);
    return world;
  }

  /** The placement's timesheet of `week`, created when missing (as the queries do). */
  week(placement: Placement, week = '2026-W48'): Promise<Timesheet> {
    return ensureWeek(this.deps, placement, IsoWeek.parse(week));
  }

  /** The stored timesheet, read as a use case would. */
  async stored(id: string): Promise<Timesheet> {
    const timesheet = await this.timesheets.findById('agency-a', id);
    if (!timesheet) throw new Error(`timesheet ${id} is not stored`);
    return timesheet;
  }

  async storedDeclaration(id: string): Promise<Declaration> {
    const declaration = await this.declarations.findById('agency-a', id);
    if (!declaration) throw new Error(`declaration ${id} is not stored`);
    return declaration;
  }

  async changeSettings(agencyId: string, input: AgencySettingsInput): Promise<void> {
    const agency = await this.agencies.findById(agencyId);
    if (!agency) throw new Error(`agency ${agencyId} is not stored`);
    agency.changeSettings(input);
    await this.agencies.update(agency);
  }

  /** Everything the week's stores hold, to compare before and after a refused step. */
  dump(): unknown {
    return {
      timesheets: [...this.timesheets.rows.values()].map((t) => ({ ...t.toState(), days: t.days.map((d) => d.toData()) })),
      declarations: [...this.declarations.rows.values()].map((d) => ({ ...d.toState(), days: d.days.map((day) => day.toData()) })),
      audit: [...this.auditTrail.entries],
    };
  }
}

/** The DomainError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => new Error('expected a DomainError, but the promise resolved'),
    (error: unknown) => error,
  );
  if (outcome instanceof DomainError) return outcome;
  throw outcome;
}

/** Each problem of a ValidationError as `path:reason`. */
export function problemsOf(error: DomainError): string[] {
  return 'problems' in error ? (error.problems as readonly { path: string; reason: string }[]).map((p) => `${p.path}:${p.reason}`) : [];
}
