import { randomUUID } from 'node:crypto';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { Flexworker } from '../../../src/domain/flexworker/flexworker.entity';
import { Placement } from '../../../src/domain/placement/placement.entity';
import { Relation } from '../../../src/domain/relation/relation.entity';
import { HoursMinutes } from '../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../src/domain/time/time-of-day.value-object';
import { DayEntry } from '../../../src/domain/timesheet/day-entry.value-object';
import { Declaration } from '../../../src/domain/timesheet/declaration.entity';
import { breakDownWeek, HoursBreakdown } from '../../../src/domain/timesheet/hours-breakdown';
import { Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { NO_CLOCK_CHANGES, NO_NATIONAL_HOLIDAYS } from '../../../src/domain/unravel/unravel-ports';
import { TypeormAuditTrailRepository } from '../../../src/infrastructure/database/timesheet/typeorm-audit-trail.repository';
import { TypeormDeclarationRepository } from '../../../src/infrastructure/database/timesheet/typeorm-declaration.repository';
import { TypeormTimesheetRepository } from '../../../src/infrastructure/database/timesheet/typeorm-timesheet.repository';
import { aFlexworker, aPlacement, aRelation } from '../../support/mothers/organisation.mother';
import { OrganisationDatabase } from '../organisation/organisation-database';

export const newId = (): string => randomUUID();

/** An agency with two relations, two workers and a placement per pair, on manual hour codes. */
export interface Setting {
  readonly agency: Agency;
  readonly relations: readonly [Relation, Relation];
  readonly workers: readonly [Flexworker, Flexworker];
  /** placements[worker][relation] */
  readonly placements: readonly (readonly Placement[])[];
}

/** The week's repositories on the shared test database, over the organisation ones; each test makes its own agency. */
export class TimesheetDatabase {
  readonly timesheets: TypeormTimesheetRepository;
  readonly declarations: TypeormDeclarationRepository;
  readonly auditTrail: TypeormAuditTrailRepository;

  private constructor(readonly org: OrganisationDatabase) {
    this.timesheets = new TypeormTimesheetRepository(org.db);
    this.declarations = new TypeormDeclarationRepository(org.db);
    this.auditTrail = new TypeormAuditTrailRepository(org.db);
  }

  static async open(): Promise<TimesheetDatabase> {
    return new TimesheetDatabase(await OrganisationDatabase.open());
  }

  get db() {
    return this.org.db;
  }

  /** Raw SQL outside any unit of work. */
  sql(query: string, parameters: unknown[] = []): Promise<unknown> {
    return this.org.dataSource.query(query, parameters);
  }

  async setting(placement: Partial<Parameters<typeof aPlacement>[3]> = {}): Promise<Setting> {
    const agency = await this.org.newAgency();
    const relations = [aRelation(agency.id, { id: newId() }), aRelation(agency.id, { id: newId() })] as const;
    const workers = [aFlexworker(agency.id, { id: newId() }), aFlexworker(agency.id, { id: newId() })] as const;
    for (const r of relations) await this.org.relations.insert(r);
    for (const w of workers) await this.org.flexworkers.insert(w);
    const placements: Placement[][] = [];
    for (const w of workers) {
      const row: Placement[] = [];
      for (const r of relations) {
        const p = aPlacement(agency.id, w.id, r.id, { id: newId(), caoScheduleId: undefined, hourCodes: HOUR_CODES, ...placement });
        await this.org.placements.insert(p);
        row.push(p);
      }
      placements.push(row);
    }
    return { agency, relations, workers, placements };
  }

  /** A week with `days` saved as a draft, stored. */
  async openWeek(placement: Placement, week: string, days: readonly DayEntry[] = []): Promise<Timesheet> {
    const timesheet = Timesheet.open({ id: newId(), placement, week: IsoWeek.parse(week) });
    if (days.length > 0) timesheet.saveDraft(placement, placement.hoursEnteredBy, days);
    await this.timesheets.insertMissing([timesheet]);
    return timesheet;
  }

  /** The worker approves the saved days: the week and its declaration stored in one unit of work. */
  async approveByWorker(placement: Placement, timesheet: Timesheet, at = new Date('2026-11-29T18:00:00Z')): Promise<{ timesheet: Timesheet; declaration: Declaration }> {
    const declaration = timesheet.approveByWorker(placement, {
      by: newId(),
      at,
      declarationId: newId(),
      confirmed: true,
      today: LocalDate.parse('2030-01-01'),
      breakdown: manualBreakdown(placement, timesheet),
    });
    return this.db.run(async () => {
      const saved = await this.timesheets.update(timesheet);
      await this.declarations.insert(declaration);
      return { timesheet: saved, declaration };
    });
  }

  close(): Promise<void> {
    return this.org.close();
  }
}

export const HOUR_CODES = [
  { code: 'H100', percentage: 100, label: 'Normaal' },
  { code: 'OW150', percentage: 150, label: null },
];

/**
 * A breakdown to store with a declaration. The repositories store it as it is; the round trips mix
 * kinds of days, so only the days filled per hour code are split here (the rest is the engine's
 * business and has its own tests).
 */
export function manualBreakdown(placement: Placement, timesheet: Timesheet, days: readonly DayEntry[] = timesheet.days): HoursBreakdown {
  const source = placement.hourSource;
  if (source.kind !== 'MANUAL_HOUR_CODES') throw new Error('expected a placement with manual hour codes');
  return breakDownWeek({
    week: timesheet.week,
    entries: days.filter((day) => day.kind === 'HOUR_CODES'),
    source: { kind: 'MANUAL_HOUR_CODES', hourCodes: source.hourCodes },
    contractMinutes: null,
    holidays: NO_NATIONAL_HOLIDAYS,
    timeZone: NO_CLOCK_CHANGES,
  });
}

export function total(date: string, hours: string): DayEntry {
  return DayEntry.total(LocalDate.parse(date), HoursMinutes.parse(hours));
}

const range = ([start, end]: readonly [string, string]) => ({ start: TimeOfDay.parse(start), end: TimeOfDay.parseEnd(end) });

export function times(date: string, blocks: readonly (readonly [string, string])[], breaks: { duration?: string; times?: readonly (readonly [string, string])[] } = {}): DayEntry {
  return DayEntry.times(
    LocalDate.parse(date),
    blocks.map(range),
    breaks.duration === undefined ? null : HoursMinutes.parse(breaks.duration),
    (breaks.times ?? []).map(range),
  );
}

export function hourCodes(date: string, hours: Record<string, string>): DayEntry {
  return DayEntry.hourCodes(
    LocalDate.parse(date),
    Object.entries(hours).map(([hourCode, h]) => ({ hourCode, minutes: HoursMinutes.parse(h).totalMinutes })),
  );
}

/** A timesheet as plain data, to compare a stored one with what was written. */
export function plainTimesheet(timesheet: Timesheet): object {
  const s = timesheet.toState();
  return { ...s, week: s.week.toString(), days: s.days.map((d) => d.toData()) };
}

export function plainDeclaration(declaration: Declaration): object {
  const s = declaration.toState();
  return { ...s, week: s.week.toString(), days: s.days.map((d) => d.toData()), status: declaration.status };
}

/** The SQL statements the DataSource runs while `work` runs. */
export async function statementsOf(tdb: TimesheetDatabase, work: () => Promise<unknown>): Promise<string[]> {
  const driver = tdb.org.dataSource.driver;
  const queries: string[] = [];
  const original = driver.createQueryRunner.bind(driver);
  const spy = jest.spyOn(driver, 'createQueryRunner').mockImplementation((mode) => {
    const runner = original(mode);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      queries.push(sql);
      return (query as (...args: unknown[]) => unknown)(sql, ...rest);
    }) as typeof runner.query;
    return runner;
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return queries;
}
