import { TimesheetDatabase } from './timesheet-database';

/*
 * Issue 8, item 9: TimesheetRepository.findByIdForUpdate, the week's row lock the relation's
 * decisions take before they decide: a second unit of work that locks the same week waits until
 * the first has ended and then reads the week as the first left it; another week does not wait
 * (real PostgreSQL; the embedded one runs one transaction at a time).
 */
const REAL_POSTGRES = process.env.DATABASE_URL !== undefined;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the week row lock (findByIdForUpdate)', () => {
  let tdb: TimesheetDatabase;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
  });
  afterAll(() => tdb.close());

  /** Holds the lock of a week in a unit of work until `release` is called; saves a draft (a new version) before it ends. */
  function holder(agencyId: string, timesheetId: string, events: string[], change?: () => Promise<void>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const done = tdb.db.run(async () => {
      await tdb.timesheets.findByIdForUpdate(agencyId, timesheetId);
      events.push('first locked');
      locked();
      await released;
      if (change) await change();
      events.push('first ends');
    });
    return { isLocked, release, done };
  }

  it('makes a second lock of the same week wait until the first unit of work has ended, and then read what it left', async () => {
    const { agency, placements } = await tdb.setting();
    const week = await tdb.openWeek(placements[0][0], '2026-W47');
    const events: string[] = [];
    const first = holder(agency.id, week.id, events, async () => {
      const current = (await tdb.timesheets.findById(agency.id, week.id))!;
      current.saveDraft(placements[0][0], 'FLEXWORKER', []);
      await tdb.timesheets.update(current);
    });
    await first.isLocked;
    const second = tdb.db.run(async () => {
      const read = await tdb.timesheets.findByIdForUpdate(agency.id, week.id);
      events.push(`second locked at version ${read?.version}`);
    });
    await pause(300);
    expect(events).toEqual(['first locked']);
    first.release();
    await Promise.all([first.done, second]);
    expect(events).toEqual(['first locked', 'first ends', 'second locked at version 2']);
  });

  (REAL_POSTGRES ? it : it.skip)('lets another week be locked meanwhile (real PostgreSQL)', async () => {
    const { agency, placements } = await tdb.setting();
    const locked = await tdb.openWeek(placements[0][0], '2026-W47');
    const other = await tdb.openWeek(placements[0][0], '2026-W46');
    const events: string[] = [];
    const first = holder(agency.id, locked.id, events);
    await first.isLocked;
    await tdb.db.run(async () => {
      await tdb.timesheets.findByIdForUpdate(agency.id, other.id);
      events.push('other week locked');
    });
    first.release();
    await first.done;
    expect(events).toEqual(['first locked', 'other week locked', 'first ends']);
  });

  it('is the week of the agency, as findById: nothing for another agency, an unknown or a malformed id; refused outside a unit of work', async () => {
    const { agency, placements } = await tdb.setting();
    const other = await tdb.setting();
    const week = await tdb.openWeek(placements[0][0], '2026-W47');
    await tdb.db.run(async () => {
      expect((await tdb.timesheets.findByIdForUpdate(agency.id, week.id))?.id).toBe(week.id);
      expect(await tdb.timesheets.findByIdForUpdate(other.agency.id, week.id)).toBeNull();
      expect(await tdb.timesheets.findByIdForUpdate(agency.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await tdb.timesheets.findByIdForUpdate(agency.id, 'week-1')).toBeNull();
    });
    await expect(tdb.timesheets.findByIdForUpdate(agency.id, week.id)).rejects.toThrow(/inside a unit of work/);
  });
});
