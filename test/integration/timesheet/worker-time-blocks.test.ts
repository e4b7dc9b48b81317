import { QueryRunner } from 'typeorm';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { Placement } from '../../../src/domain/placement/placement.entity';
import { DayEntry } from '../../../src/domain/timesheet/day-entry.value-object';
import { Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { WorkerTimeBlocks1764200400000 } from '../../../src/infrastructure/database/migrations/1764200400000-worker-time-blocks';
import { TypeormWorkerHoursLock } from '../../../src/infrastructure/database/timesheet/typeorm-worker-hours-lock';
import { plainTimesheet, TimesheetDatabase, times, total } from './timesheet-database';

/*
 * Issue 16: the database's own guard against hours counted twice (migration 1764200400000), and
 * the worker's hours lock. The guard is reached here on purpose by writing through the repository
 * without the lock and without the use cases' checks, as a bug or a forgotten lock would.
 */
const REAL_POSTGRES = process.env.DATABASE_URL !== undefined;

describe('worker_time_blocks: a worker\'s times never overlap in the database', () => {
  let tdb: TimesheetDatabase;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
  });
  afterAll(() => tdb.close());

  /** The stored ranges of a timesheet, as PostgreSQL prints them. */
  async function blocksOf(timesheetId: string): Promise<string[]> {
    const rows = (await tdb.sql(`SELECT during::text AS during FROM worker_time_blocks WHERE timesheet_id = $1 ORDER BY lower(during)`, [timesheetId])) as {
      during: string;
    }[];
    return rows.map((r) => r.during);
  }

  /** Saves `days` on a stored week in one unit of work, as a use case would but with no checks and no lock. */
  async function store(placement: Placement, week: Timesheet, days: readonly DayEntry[]): Promise<Timesheet> {
    const current = (await tdb.timesheets.findById(week.agencyId, week.id))!;
    current.saveDraft(placement, placement.hoursEnteredBy, days);
    return tdb.db.run(() => tdb.timesheets.update(current));
  }

  async function refusal(promise: Promise<unknown>): Promise<ConflictError> {
    const error = await promise.then(
      () => new Error('expected the database to refuse'),
      (e: unknown) => e,
    );
    if (error instanceof ConflictError) return error;
    throw error;
  }

  it('keeps the blocks with times of each week as ranges of wall-clock time, following every save; totals have none', async () => {
    const { placements } = await tdb.setting();
    const week = await tdb.openWeek(placements[0][0], '2026-W48', [
      times('2026-11-23', [['07:00', '11:00'], ['17:00', '21:00']]),
      times('2026-11-29', [['22:00', '06:00']]),
      total('2026-11-24', '8:00'),
    ]);
    expect(await blocksOf(week.id)).toEqual([
      '["2026-11-23 07:00:00","2026-11-23 11:00:00")',
      '["2026-11-23 17:00:00","2026-11-23 21:00:00")',
      '["2026-11-29 22:00:00","2026-11-30 06:00:00")',
    ]);
    await store(placements[0][0], week, [times('2026-11-25', [['00:00', '24:00']])]);
    expect(await blocksOf(week.id)).toEqual(['["2026-11-25 00:00:00","2026-11-26 00:00:00")']);
    await store(placements[0][0], week, [total('2026-11-25', '8:00')]);
    expect(await blocksOf(week.id)).toEqual([]);
  });

  it('refuses times at a second placement that overlap stored ones (CONFLICT OVERLAPS_STORED_HOURS), and the week stays as it was', async () => {
    const { placements } = await tdb.setting();
    const [atA, atB] = placements[0];
    await tdb.openWeek(atA, '2026-W48', [times('2026-11-23', [['08:00', '16:00']])]);
    const other = await tdb.openWeek(atB, '2026-W48');

    const error = await refusal(store(atB, other, [times('2026-11-23', [['15:59', '18:00']])]));
    expect(error.reason).toBe('OVERLAPS_STORED_HOURS');
    const after = (await tdb.timesheets.findById(other.agencyId, other.id))!;
    expect(plainTimesheet(after)).toEqual(plainTimesheet(other));
    expect(await blocksOf(other.id)).toEqual([]);

    // Back to back is not an overlap; another worker at the same times is none either.
    await store(atB, other, [times('2026-11-23', [['16:00', '18:00']])]);
    await tdb.openWeek(placements[1][0], '2026-W48', [times('2026-11-23', [['08:00', '16:00']])]);
  });

  it('refuses a Monday at one placement that starts before the Sunday night shift at another has ended', async () => {
    const { placements } = await tdb.setting();
    const [atA, atC] = placements[0];
    await tdb.openWeek(atA, '2026-W47', [times('2026-11-22', [['22:00', '06:00']])]);
    const monday = await tdb.openWeek(atC, '2026-W48');
    expect((await refusal(store(atC, monday, [times('2026-11-23', [['00:00', '05:00']])]))).reason).toBe('OVERLAPS_STORED_HOURS');
    await store(atC, monday, [times('2026-11-23', [['06:00', '14:00']])]);
    expect(await blocksOf(monday.id)).toEqual(['["2026-11-23 06:00:00","2026-11-23 14:00:00")']);
  });

  it('refuses one of two overlapping saves sent at the same moment without the lock', async () => {
    const { placements } = await tdb.setting();
    const [atA, atB] = placements[0];
    const [weekA, weekB] = [await tdb.openWeek(atA, '2026-W48'), await tdb.openWeek(atB, '2026-W48')];
    const outcomes = await Promise.allSettled([
      store(atA, weekA, [times('2026-11-24', [['08:00', '16:00']])]),
      store(atB, weekB, [times('2026-11-24', [['12:00', '20:00']])]),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect((rejected.reason as ConflictError).reason).toBe('OVERLAPS_STORED_HOURS');
    const stored = [...(await blocksOf(weekA.id)), ...(await blocksOf(weekB.id))];
    expect(stored).toHaveLength(1);
  });
});

describe('the worker hours lock', () => {
  let tdb: TimesheetDatabase;
  let lock: TypeormWorkerHoursLock;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
    lock = new TypeormWorkerHoursLock(tdb.db);
  });
  afterAll(() => tdb.close());

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Holds the lock of `worker` in a unit of work until `release` is called. */
  function holder(agencyId: string, worker: string, events: string[]) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const done = tdb.db.run(async () => {
      await lock.lock(agencyId, worker);
      events.push('first locked');
      locked();
      await released;
      events.push('first ends');
    });
    return { isLocked, release, done };
  }

  it('makes a second unit of work for the same worker wait until the first has ended', async () => {
    const { agency, workers } = await tdb.setting();
    const events: string[] = [];
    const first = holder(agency.id, workers[0].id, events);
    await first.isLocked;
    const second = tdb.db.run(async () => {
      await lock.lock(agency.id, workers[0].id);
      events.push('second locked');
    });
    await pause(300);
    expect(events).toEqual(['first locked']);
    first.release();
    await Promise.all([first.done, second]);
    expect(events).toEqual(['first locked', 'first ends', 'second locked']);
  });

  (REAL_POSTGRES ? it : it.skip)('lets a unit of work for another worker go on (real PostgreSQL; the embedded one runs one transaction at a time)', async () => {
    const { agency, workers } = await tdb.setting();
    const events: string[] = [];
    const first = holder(agency.id, workers[0].id, events);
    await first.isLocked;
    await tdb.db.run(async () => {
      await lock.lock(agency.id, workers[1].id);
      events.push('other worker locked');
    });
    first.release();
    await first.done;
    expect(events).toEqual(['first locked', 'other worker locked', 'first ends']);
  });

  (REAL_POSTGRES ? it : it.skip)('does not keep a week of the worker from being created while it is held (foreign keys take KEY SHARE; real PostgreSQL)', async () => {
    const { agency, workers, placements } = await tdb.setting();
    const events: string[] = [];
    const first = holder(agency.id, workers[0].id, events);
    await first.isLocked;
    await tdb.openWeek(placements[0][1], '2026-W30');
    events.push('week created');
    first.release();
    await first.done;
    expect(events).toEqual(['first locked', 'week created', 'first ends']);
  });

  it('is refused outside a unit of work, and for a worker that is not there', async () => {
    const { agency, workers } = await tdb.setting();
    await expect(lock.lock(agency.id, workers[0].id)).rejects.toThrow(/inside a unit of work/);
    await expect(tdb.db.run(() => lock.lock(agency.id, '00000000-0000-4000-8000-000000000000'))).rejects.toThrow(/not there to lock/);
    await expect(tdb.db.run(() => lock.lock('another-agency', workers[0].id))).rejects.toThrow(/not there to lock/);
  });
});

describe('migration 1764200400000 on a database that already holds weeks', () => {
  let tdb: TimesheetDatabase;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
  });
  afterAll(() => tdb.close());

  /**
   * Runs `work` with the migration undone, inside a transaction that is rolled back: the shared
   * test database is left as it was (DDL is transactional in PostgreSQL).
   */
  async function withMigrationUndone(work: (q: QueryRunner) => Promise<void>): Promise<void> {
    const q = tdb.org.dataSource.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
      await new WorkerTimeBlocks1764200400000().down(q);
      await work(q);
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  }

  it('fills worker_time_blocks from the weeks already stored', async () => {
    const { placements } = await tdb.setting();
    const week = await tdb.openWeek(placements[0][0], '2026-W48', [times('2026-11-23', [['22:00', '06:00']]), total('2026-11-24', '8:00')]);
    await withMigrationUndone(async (q) => {
      expect(await q.query(`SELECT to_regclass('worker_time_blocks') AS t`)).toEqual([{ t: null }]);
      await new WorkerTimeBlocks1764200400000().up(q);
      expect(await q.query(`SELECT during::text AS during FROM worker_time_blocks WHERE timesheet_id = $1`, [week.id])).toEqual([
        { during: '["2026-11-23 22:00:00","2026-11-24 06:00:00")' },
      ]);
    });
  });

  it('stops, naming the weeks, when stored weeks already hold overlapping hours of one worker', async () => {
    const { placements } = await tdb.setting();
    const a = await tdb.openWeek(placements[0][0], '2026-W48', [times('2026-11-23', [['08:00', '16:00']])]);
    const b = await tdb.openWeek(placements[0][1], '2026-W48');
    await withMigrationUndone(async (q) => {
      // Hours counted twice, as the race could store them before this migration.
      await q.query(`UPDATE timesheets SET days = $2::jsonb WHERE id = $1`, [b.id, JSON.stringify([{ date: '2026-11-23', blocks: [{ start: '12:00', end: '20:00' }] }])]);
      const [first, second] = [a.id, b.id].sort();
      await expect(new WorkerTimeBlocks1764200400000().up(q)).rejects.toThrow(`${first} and ${second} (flexworker ${a.flexworkerId})`);
    });
  });
});
