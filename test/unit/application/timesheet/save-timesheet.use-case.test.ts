import { ApproveTimesheet, SaveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { MON_TUE, problemsOf, refusal, WeekWorld } from './week-world';

const MONDAY_8 = [{ date: '2026-11-23', total: '8:00' }];

describe('SaveTimesheet', () => {
  it('stores the days as a draft and returns the breakdown of the placement’s schedule', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const result = await new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE });

    expect(result.declaration).toBeNull();
    expect(result.breakdown.workedMinutes).toBe(8 * 60 + 7 * 60 + 15);
    expect(result.breakdown.totals).toEqual([{ hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 915 }]);
    expect(result.breakdown.days.map((d) => [d.date, d.workedMinutes, d.scheduleVersion])).toEqual([
      ['2026-11-23', 480, '2026-01-01'],
      ['2026-11-24', 435, '2026-01-01'],
    ]);
    expect(result.timesheet.version).toBe(2);
    const stored = await world.stored(week.id);
    expect(stored.status).toBe('OPEN');
    expect(stored.version).toBe(2);
    expect(stored.days.map((d) => [d.date.toString(), d.workedMinutes])).toEqual([['2026-11-23', 480], ['2026-11-24', 435]]);
    expect(world.declarations.rows.size).toBe(0);
  });

  it('never counts a shift across Sunday night in two weeks: the week after or before refuses the overlap', async () => {
    const world = await WeekWorld.build();
    const w47 = await world.week(world.pW, '2026-W47');
    const sundayNight = [{ date: '2026-11-22', blocks: [{ start: '22:00', end: '06:00' }] }];
    await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: w47.id, expectedVersion: 1, days: sundayNight, confirm: true });
    const w48 = await world.week(world.pW, '2026-W48');
    const before = world.dump();

    const error = await refusal(
      new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: w48.id, expectedVersion: 1, days: [{ date: '2026-11-23', blocks: [{ start: '00:00', end: '08:00' }] }] }),
    );
    expect(problemsOf(error)).toEqual(['days[0].blocks:SHIFT_OVERLAPS_PREVIOUS_DAY']);
    expect(world.dump()).toEqual(before);

    // From 06:00 on Monday the hours are W48's own.
    const saved = await new SaveTimesheet(world.deps).execute(world.worker1, {
      timesheetId: w48.id,
      expectedVersion: 1,
      days: [{ date: '2026-11-23', blocks: [{ start: '06:00', end: '14:00' }] }],
    });
    expect(saved.breakdown.workedMinutes).toBe(480);
  });

  it("never counts a worker's hours at two placements at once: a date holds at most 24:00 in all", async () => {
    const world = await WeekWorld.build();
    // Worker 2 has two placements: pR (the relation enters the hours) and pW2 (hour codes, the worker enters).
    const atRelation = await world.week(world.pR);
    await new SaveTimesheet(world.deps).execute(world.contact1, { timesheetId: atRelation.id, expectedVersion: 1, days: [{ date: '2026-11-23', total: '8:00' }] });
    const own = await world.week(world.pW2);
    const before = world.dump();

    const error = await refusal(
      new SaveTimesheet(world.deps).execute(world.worker2, { timesheetId: own.id, expectedVersion: 1, days: [{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '16:30' }] }] }),
    );
    expect(problemsOf(error)).toEqual(['days[0]:DAY_OVER_24_HOURS']);
    expect(world.dump()).toEqual(before);

    const saved = await new SaveTimesheet(world.deps).execute(world.worker2, {
      timesheetId: own.id,
      expectedVersion: 1,
      days: [{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '16:00' }] }],
    });
    expect(saved.breakdown.workedMinutes).toBe(960);
  });

  it('splits hours filled per hour code on a placement without a schedule', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW2);
    const result = await new SaveTimesheet(world.deps).execute(world.worker2, {
      timesheetId: week.id,
      expectedVersion: 1,
      days: [{ date: '2026-11-23', hours: [{ hourCode: 'h150', hours: '2:00' }, { hourCode: 'H100', hours: '6:00' }] }],
    });
    expect(result.breakdown.totals).toEqual([
      { hourCode: 'H100', kind: 'MANUAL', percentage: 100, minutes: 360 },
      { hourCode: 'H150', kind: 'MANUAL', percentage: 150, minutes: 120 },
    ]);
  });

  it('refuses a stale expectedVersion with CONFLICT STALE_VERSION and keeps the newer draft', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const save = new SaveTimesheet(world.deps);
    await save.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE });

    const error = await refusal(save.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8 }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('STALE_VERSION');
    expect(error.params).toMatchObject({ expected: 1, actual: 2 });
    const stored = await world.stored(week.id);
    expect(stored.version).toBe(2);
    expect(stored.days).toHaveLength(2);
  });

  it('refuses invalid days with every problem at its path, and stores nothing', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const before = world.dump();
    const error = await refusal(
      new SaveTimesheet(world.deps).execute(world.worker1, {
        timesheetId: week.id,
        expectedVersion: 1,
        days: [
          { date: '2026-11-30', total: '8:00' },
          { date: '2026-11-24', total: '24:01' },
          { date: '2026-11-25', total: '1:00', blocks: [] },
          { date: '2026-11-26', blocks: [{ start: '09:00', end: '25:00' }] },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(problemsOf(error)).toEqual([
      'days[0].date:DAY_OUTSIDE_WEEK',
      'days[1].total:HOURS_MINUTES_RANGE',
      'days[2]:DAY_ENTRY_MODE',
      expect.stringMatching(/^days\[3\]\.blocks\[0\]\.end:/),
    ]);
    expect(world.dump()).toEqual(before);
    expect(world.unitOfWork.rollbacks).toBe(1);
  });

  it('refuses a week that was approved already with TIMESHEET_NOT_EDITABLE', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8, confirm: true });

    const error = await refusal(new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 2, days: MON_TUE }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('TIMESHEET_NOT_EDITABLE');
    expect(error.params).toEqual({ status: 'SUBMITTED' });
    expect((await world.stored(week.id)).days).toHaveLength(1);
  });

  it('refuses the party that does not enter the hours of the placement with FORBIDDEN', async () => {
    const world = await WeekWorld.build();
    const save = new SaveTimesheet(world.deps);
    const relationWeek = await world.week(world.pR);
    const workerWeek = await world.week(world.pW);

    const byWorker = await refusal(save.execute(world.worker2, { timesheetId: relationWeek.id, expectedVersion: 1, days: MONDAY_8 }));
    expect(byWorker).toBeInstanceOf(ForbiddenError);
    expect(byWorker.reason).toBe('HOURS_ENTERED_BY_OTHER_PARTY');
    expect(byWorker.params).toEqual({ enteredBy: 'RELATION' });

    const byContact = await refusal(save.execute(world.contact1, { timesheetId: workerWeek.id, expectedVersion: 1, days: MONDAY_8 }));
    expect(byContact).toBeInstanceOf(ForbiddenError);
    expect(byContact.reason).toBe('HOURS_ENTERED_BY_OTHER_PARTY');
    expect(byContact.params).toEqual({ enteredBy: 'FLEXWORKER' });

    expect((await world.stored(relationWeek.id)).version).toBe(1);
    expect((await world.stored(workerWeek.id)).version).toBe(1);
  });

  it('lets the relation save the hours of a placement where it enters them', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pR);
    const result = await new SaveTimesheet(world.deps).execute(world.contact1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8 });
    expect(result.breakdown.workedMinutes).toBe(480);
    expect((await world.stored(week.id)).days).toHaveLength(1);
  });

  it('refuses staff and payroll with FORBIDDEN ROLE_NOT_ALLOWED: they correct, they do not enter', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    for (const actor of [world.staff, world.payroll]) {
      const error = await refusal(new SaveTimesheet(world.deps).execute(actor, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8 }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.reason).toBe('ROLE_NOT_ALLOWED');
    }
    expect((await world.stored(week.id)).version).toBe(1);
  });

  it('does not find the week of another worker, of another relation or of another agency', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const weekB = await world.week(world.pB);
    const attempts = [
      [world.worker2, week.id],
      [world.contact2, (await world.week(world.pR)).id],
      [world.workerB, week.id],
      [world.worker1, weekB.id],
      [world.worker1, 'no-such-week'],
    ] as const;
    for (const [actor, timesheetId] of attempts) {
      const error = await refusal(new SaveTimesheet(world.deps).execute(actor, { timesheetId, expectedVersion: 1, days: MONDAY_8 }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.params).toEqual({ entity: 'Timesheet', id: timesheetId });
    }
    expect((await world.stored(week.id)).version).toBe(1);
  });
});
