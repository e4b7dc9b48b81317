import { CorrectDeclaration } from '../../../../src/application/timesheet/correct-declaration.use-case';
import { ApproveTimesheet, SaveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { ApproveDeclarations, RejectDeclaration } from '../../../../src/application/timesheet/relation-approval.use-case';
import { aPlacement } from '../../../support/mothers/organisation.mother';
import { problemsOf, refusal, WeekWorld } from './week-world';

/*
 * Issue 16: every unit of work that writes a worker's hours takes the worker's lock before it
 * reads the worker's other weeks, and before it writes; the relation's approvals take it too,
 * before the weeks' rows (an approval may settle a period from the worker's other weeks), and a
 * rejection, which reads no other week, takes none. Every unit takes the worker's lock before any
 * week row, so the lock adds no cycle to the order of week and declaration locks. The
 * fakes run units one at a time, so that the lock keeps two transactions apart is shown on a real
 * PostgreSQL (test/e2e/worker-hours-race.test.ts); here, that each use case asks for it in time.
 */
const MONDAY = [{ date: '2026-11-23', blocks: [{ start: '08:00', end: '16:00' }] }];

/** Logs the reads of other weeks and the writes, next to the lock the world's fake logs itself. */
function watch(world: WeekWorld): string[] {
  const log = world.log;
  for (const method of ['listAll', 'update'] as const) {
    const original = world.timesheets[method].bind(world.timesheets) as (...args: unknown[]) => Promise<unknown>;
    jest.spyOn(world.timesheets, method).mockImplementation(((...args: unknown[]) => {
      log.push(`timesheets.${method}`);
      return original(...args);
    }) as never);
  }
  const insert = world.declarations.insert.bind(world.declarations);
  jest.spyOn(world.declarations, 'insert').mockImplementation((declaration) => {
    log.push('declarations.insert');
    return insert(declaration);
  });
  log.length = 0;
  return log;
}

describe('the worker hours lock in the week use cases', () => {
  it('saving takes the lock of the week\'s worker first, then reads the worker\'s weeks, then writes', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const log = watch(world);
    await new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY });
    expect(log).toEqual(['lock w1', 'timesheets.listAll', 'timesheets.update']);
    expect(world.hoursLock.taken).toEqual(['agency-a/w1']);
  });

  it('"Opslaan + Accorderen" by the worker and by the relation that enters the hours lock the worker first', async () => {
    const world = await WeekWorld.build();
    const own = await world.week(world.pW);
    const entered = await world.week(world.pR);
    const log = watch(world);
    await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: own.id, expectedVersion: 1, days: MONDAY, confirm: true });
    await new ApproveTimesheet(world.deps).execute(world.contact1, { timesheetId: entered.id, expectedVersion: 1, days: MONDAY, confirm: true });
    const step = ['timesheets.listAll', 'timesheets.update', 'declarations.insert'];
    expect(log).toEqual(['lock w1', ...step, 'lock w2', ...step]);
  });

  it('a staff correction locks the worker before it reads the worker\'s weeks; the relation\'s decisions lock no worker', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const first = (await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY, confirm: true }))
      .declaration!;
    const log = watch(world);
    const { declaration: correction } = await new CorrectDeclaration(world.deps).execute(world.staff, {
      declarationId: first.id,
      expectedVersion: 2,
      days: [{ date: '2026-11-23', blocks: [{ start: '08:00', end: '17:00' }] }],
      reason: 'One hour more',
    });
    expect(log).toEqual(['lock w1', 'timesheets.listAll', 'timesheets.update', 'declarations.insert']);

    log.length = 0;
    await new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: correction.id, reason: 'Not agreed' });
    expect(log.filter((entry) => entry.startsWith('lock'))).toEqual([]);
    const again = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 4, days: null, confirm: true });
    log.length = 0;
    await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [again.declaration!.id] });
    // An approval may settle a period, which reads the worker's other weeks: it waits for any
    // writer of the worker's hours, and takes the lock before the week's row as every writer does.
    expect(log.filter((entry) => entry.startsWith('lock'))).toEqual(['lock w1']);
  });

  it('a save that the checks refuse has taken the lock inside its unit of work, and stores nothing', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const before = world.dump();
    const log = watch(world);
    const error = await refusal(
      new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: [{ date: '2026-11-30', total: '8:00' }] }),
    );
    expect(problemsOf(error)).toEqual(['days[0].date:DAY_OUTSIDE_WEEK']);
    expect(log).toEqual(['lock w1', 'timesheets.listAll']);
    expect(world.unitOfWork.rollbacks).toBe(1);
    expect(world.dump()).toEqual(before);
  });
});

describe('a shift across Sunday night at one placement and the next Monday at another (issue 16, item 2)', () => {
  /** Worker 1 gets a second placement with times, at relation r2. */
  async function twoPlacements(): Promise<{ world: WeekWorld; other: ReturnType<typeof aPlacement> }> {
    const world = await WeekWorld.build();
    const other = aPlacement('agency-a', 'w1', 'r2', { id: 'pW3', startDate: '2026-11-09', caoScheduleId: 'cao-a' });
    await world.placements.insert(other);
    return { world, other };
  }
  const SUNDAY_NIGHT = [{ date: '2026-11-22', blocks: [{ start: '22:00', end: '06:00' }] }];

  it('refuses the Monday that starts before the Sunday shift at the other placement has ended, and takes it from 06:00', async () => {
    const { world, other } = await twoPlacements();
    const w47 = await world.week(world.pW, '2026-W47');
    await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: w47.id, expectedVersion: 1, days: SUNDAY_NIGHT, confirm: true });
    const monday = await world.week(other, '2026-W48');
    const before = world.dump();

    const error = await refusal(
      new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: monday.id, expectedVersion: 1, days: [{ date: '2026-11-23', blocks: [{ start: '00:00', end: '05:00' }] }] }),
    );
    expect(problemsOf(error)).toEqual(['days[0].blocks:OVERLAPS_OTHER_PLACEMENT']);
    expect(world.dump()).toEqual(before);

    const saved = await new SaveTimesheet(world.deps).execute(world.worker1, {
      timesheetId: monday.id,
      expectedVersion: 1,
      days: [{ date: '2026-11-23', blocks: [{ start: '06:00', end: '10:00' }] }],
    });
    expect(saved.breakdown.workedMinutes).toBe(240);
  });

  it('refuses the Sunday shift that runs into the Monday worked at the other placement', async () => {
    const { world, other } = await twoPlacements();
    const monday = await world.week(other, '2026-W48');
    await new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: monday.id, expectedVersion: 1, days: [{ date: '2026-11-23', blocks: [{ start: '05:00', end: '13:00' }] }] });
    const w47 = await world.week(world.pW, '2026-W47');

    const error = await refusal(new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: w47.id, expectedVersion: 1, days: SUNDAY_NIGHT }));
    expect(problemsOf(error)).toEqual(['days[0].blocks:OVERLAPS_OTHER_PLACEMENT']);
    // Ending at 05:00 it fits.
    await new SaveTimesheet(world.deps).execute(world.worker1, {
      timesheetId: w47.id,
      expectedVersion: 1,
      days: [{ date: '2026-11-22', blocks: [{ start: '22:00', end: '05:00' }] }],
    });
  });
});
