import { CaoScheduleChangeImpactQuery } from '../../../../src/application/cao-schedule/cao-schedule-change-impact.use-case';
import { DateWindowPolicy } from '../../../../src/application/shared/date-window';
import { CaoSchedule } from '../../../../src/domain/cao-schedule/cao-schedule.entity';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Placement } from '../../../../src/domain/placement/placement.entity';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { DayEntry } from '../../../../src/domain/timesheet/day-entry.value-object';
import { aCaoSchedule, rawSchedule, rawVersion } from '../../../support/mothers/cao-schedule.mother';
import { aPlacement } from '../../../support/mothers/organisation.mother';
import { times, totals } from '../../../support/mothers/timesheet.mother';
import { WeekWorld } from '../timesheet/week-world';

/*
 * Issue 13, rule 7: what a draft schedule version would pay differently. The world's clock stands
 * on Friday 2026-11-27 (W48): the last 13 weeks are W36 … W48. Schedule cao-a (version 2026-01-01)
 * pays overtime at 125 % after 8:00 a day and 100 % ORT on Sundays; pLong (worker w3) has an
 * approved week in every week W36 … W47 with 1:30 of overtime on Monday and a night shift.
 */

const OVERTIME_125 = { id: 'overwerk', per: 'DAY', tiers: [{ after: '8:00', percentage: 125, hourCode: 'OW' }] };
const OVERTIME_150 = { id: 'overwerk', per: 'DAY', tiers: [{ after: '8:00', percentage: 150, hourCode: 'OW' }] };
const NIGHT = { id: 'nacht', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '22:00', to: '06:00', percentage: 30, hourCode: 'ORT30' };
const currentRules = { dailyOvertime: [OVERTIME_125], ortOverlap: 'ADD' };
const rules = (overrides: Record<string, unknown> = {}) => ({
  ...currentRules,
  ortWindows: [{ id: 'zondag', days: ['SUN', 'HOLIDAY'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'ORT100' }, NIGHT],
  ...overrides,
});
const WEEKS = Array.from({ length: 12 }, (_, i) => `2026-W${36 + i}`);

class ImpactWorld {
  readonly pLong: Placement = aPlacement('agency-a', 'w3', 'r1', { id: 'pLong', startDate: '2026-08-03', caoScheduleId: 'cao-a' });
  readonly pOther: Placement = aPlacement('agency-a', 'w4', 'r1', { id: 'pOther', startDate: '2026-08-03', caoScheduleId: 'cao-x' });
  readonly query: CaoScheduleChangeImpactQuery;

  constructor(readonly week: WeekWorld) {
    this.query = new CaoScheduleChangeImpactQuery({
      schedules: week.schedules,
      placements: week.placements,
      declarations: week.declarations,
      agencies: week.agencies,
      clock: week.clock,
      dateWindow: new DateWindowPolicy(week.clock),
      calculator: week.calculator,
    });
  }

  static async build(): Promise<ImpactWorld> {
    const week = await WeekWorld.build();
    const world = new ImpactWorld(week);
    week.schedules.rows.set('cao-a', aCaoSchedule('agency-a', { id: 'cao-a', raw: rawSchedule({ versions: [rawVersion('2026-01-01', rules())] }) }));
    await week.schedules.insert(aCaoSchedule('agency-a', { id: 'cao-x', raw: rawSchedule({ name: 'Ander schema', versions: [rawVersion('2026-01-01', rules())] }) }));
    await week.placements.insert(world.pLong);
    await week.placements.insert(world.pOther);
    for (const w of WEEKS) {
      await world.approve(world.pLong, w);
      await world.approve(world.pOther, w);
    }
    // pW (worker w1) has approved W46 and W47 as well.
    await world.approve(week.pW, '2026-W46');
    await world.approve(week.pW, '2026-W47');
    return world;
  }

  /** An approved week: Monday 9:30, Wednesday a night shift 22:00–06:30 with a 0:30 break, Sunday 4:00. */
  async approve(placement: Placement, week: string, overrides: { status?: 'AWAITING' } = {}): Promise<Declaration> {
    const w = IsoWeek.parse(week);
    const [mon, , wed, , , , sun] = w.days().map((d) => d.toString());
    const days: DayEntry[] = [...totals([mon, '9:30']), times(wed, [['22:00', '06:30']], '0:30'), ...totals([sun, '4:00'])];
    const schedule = (await this.week.schedules.findById('agency-a', (placement.hourSource as { caoScheduleId: string }).caoScheduleId)) as CaoSchedule;
    const stamp = { by: 'u-c1', at: new Date('2026-11-02T10:00:00Z') };
    const declaration = Declaration.create({
      id: `d-${placement.id}-${week}`,
      agencyId: 'agency-a',
      timesheetId: `t-${placement.id}-${week}`,
      placementId: placement.id,
      flexworkerId: placement.flexworkerId,
      relationId: placement.relationId,
      week: w,
      number: 1,
      origin: 'WORKER',
      days,
      breakdown: this.week.calculator.breakdown(w, days, placement, schedule),
      workerApproval: stamp,
      relationApproval: overrides.status === 'AWAITING' ? null : stamp,
    });
    await this.week.declarations.insert(declaration);
    return declaration;
  }

  ask(draft: Record<string, unknown>, extra: { weeks?: number; first?: number; after?: string; scheduleId?: string } = {}) {
    return this.query.execute(this.week.staff, { scheduleId: 'cao-a', draft, ...extra });
  }
}

describe('caoScheduleChangeImpact', () => {
  let world: ImpactWorld;
  beforeEach(async () => {
    world = await ImpactWorld.build();
  });

  it('finds no difference at all for a draft equal to the version in force (the same code path as the approved weeks)', async () => {
    const impact = await world.ask(rawVersion('2026-09-03', rules()));
    expect(impact.totalCount).toBe(0);
    expect(impact.page.items).toEqual([]);
    expect(impact.totals).toEqual([]);
    // W36 ends on 2026-09-06: every approved week of pLong and pW is unravelled again.
    expect({ placements: impact.placementsLookedAt, approved: impact.approvedWeeks, again: impact.weeksReunravelled }).toEqual({ placements: 3, approved: 14, again: 14 });
    expect({ from: impact.weekFrom.toString(), upTo: impact.weekUpTo.toString(), validFrom: impact.draftValidFrom }).toEqual({
      from: '2026-W36',
      upTo: '2026-W48',
      validFrom: '2026-09-03',
    });
  });

  it('moves the overtime minutes to the raised percentage in exactly the weeks from the draft\'s validFrom', async () => {
    const impact = await world.ask(rawVersion('2026-10-05', rules({ dailyOvertime: [OVERTIME_150] })));
    const changed = ['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47'];
    expect(impact.page.items.filter((r) => r.placementId === 'pLong').map((r) => r.week.toString())).toEqual(changed);
    expect(impact.page.items.filter((r) => r.placementId === 'pW').map((r) => r.week.toString())).toEqual(['2026-W46', '2026-W47']);
    // Monday 9:30 is 1:30 overtime; the night shift 22:00–06:30 less 0:30 is 8:00, no overtime.
    for (const row of impact.page.items) {
      expect(row.differences).toEqual([
        { hourCode: 'OW', kind: 'OVERTIME', percentage: 125, beforeMinutes: 90, afterMinutes: 0, differenceMinutes: -90 },
        { hourCode: 'OW', kind: 'OVERTIME', percentage: 150, beforeMinutes: 0, afterMinutes: 90, differenceMinutes: 90 },
      ]);
    }
    expect(impact.totalCount).toBe(9);
    expect(impact.totals).toEqual([
      { hourCode: 'OW', kind: 'OVERTIME', percentage: 125, beforeMinutes: 810, afterMinutes: 0, differenceMinutes: -810 },
      { hourCode: 'OW', kind: 'OVERTIME', percentage: 150, beforeMinutes: 0, afterMinutes: 810, differenceMinutes: 810 },
    ]);
    // W36 … W40 end before 2026-10-05: not unravelled again.
    expect({ approved: impact.approvedWeeks, again: impact.weeksReunravelled }).toEqual({ approved: 14, again: 9 });
  });

  it('leaves the days before validFrom alone within the week it starts in', async () => {
    // Thursday 2026-10-08: W41's Monday overtime stays at 125 %; W42 on changes.
    const impact = await world.ask(rawVersion('2026-10-08', rules({ dailyOvertime: [OVERTIME_150] })));
    const weeks = impact.page.items.filter((r) => r.placementId === 'pLong').map((r) => r.week.toString());
    expect(weeks[0]).toBe('2026-W42');
    expect(impact.weeksReunravelled).toBe(9);
  });

  it('lists a changed ORT window in the week of the night shift, by hour code', async () => {
    const impact = await world.ask(rawVersion('2026-11-09', rules({ ortWindows: [{ ...NIGHT, from: '21:00', percentage: 40, hourCode: 'ORT40' }] })), {
      weeks: 2,
    });
    expect(impact.weekFrom.toString()).toBe('2026-W47');
    expect(impact.page.items.map((r) => `${r.placementId} ${r.week}`)).toEqual(['pW 2026-W47', 'pLong 2026-W47']);
    const [row] = impact.page.items;
    expect(row.differences.map((d) => `${d.hourCode} ${d.kind} ${d.percentage} ${d.differenceMinutes}`)).toEqual([
      'ORT100 ORT 100 -240', // the Sunday window is gone from the draft
      'ORT30 ORT 30 -480', // 22:00–06:30 with the break at the end (06:00–06:30): 8:00 in the window
      'ORT40 ORT 40 480',
    ]);
  });

  it('pages the weeks by worker, placement and week, with the totals over every page', async () => {
    const draft = rawVersion('2026-10-05', rules({ dailyOvertime: [OVERTIME_150] }));
    const first = await world.ask(draft, { first: 4 });
    expect(first.page.items).toHaveLength(4);
    expect(first.page.hasNextPage).toBe(true);
    const rest = await world.ask(draft, { first: 100, after: first.page.endCursor as string });
    const all = [...first.page.items, ...rest.page.items].map((r) => `${r.flexworkerId} ${r.week}`);
    expect(all).toEqual([
      'w1 2026-W46', 'w1 2026-W47',
      'w3 2026-W41', 'w3 2026-W42', 'w3 2026-W43', 'w3 2026-W44', 'w3 2026-W45', 'w3 2026-W46', 'w3 2026-W47',
    ]);
    expect(rest.page.hasNextPage).toBe(false);
    expect(rest.totals).toEqual(first.totals);
    await expect(world.ask(draft, { after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ problems: [{ path: 'after', reason: 'CURSOR_INVALID' }] });
  });

  it('does not look at a placement on another schedule, nor ask for its weeks', async () => {
    const asked: string[][] = [];
    const list = world.week.declarations.listLatestOfPlacements.bind(world.week.declarations);
    world.week.declarations.listLatestOfPlacements = (agencyId, ids, from, upTo) => {
      asked.push([...ids]);
      return list(agencyId, ids, from, upTo);
    };
    const impact = await world.ask(rawVersion('2026-09-03', rules({ dailyOvertime: [OVERTIME_150] })));
    expect(asked).toEqual([['pLong', 'pR', 'pW']]);
    expect(impact.page.items.some((r) => r.placementId === 'pOther')).toBe(false);
    expect(impact.placementsLookedAt).toBe(3);
  });

  it('compares only the latest version of a week, and only when it is approved', async () => {
    // pR's W47 waits for its relation: not an approved week.
    await world.approve(world.week.pR, '2026-W47', { status: 'AWAITING' });
    const impact = await world.ask(rawVersion('2026-09-03', rules({ dailyOvertime: [OVERTIME_150] })));
    expect(impact.approvedWeeks).toBe(14);
    expect(impact.page.items.some((r) => r.placementId === 'pR')).toBe(false);
  });

  it('changes nothing: the schedule, its versions and every declaration are as before', async () => {
    const before = dump(world);
    await world.ask(rawVersion('2026-10-05', rules({ dailyOvertime: [OVERTIME_150] })));
    await world.ask(rawVersion('2026-09-03', rules()));
    expect(dump(world)).toEqual(before);
  });

  it('refuses a draft as addCaoUnravelScheduleVersion does, every problem at draft.…', async () => {
    const error = await world.ask({ ...rawVersion('2025-12-01', rules()), ortWindows: [{ ...NIGHT, from: '25:00' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => `${p.path}:${p.reason}`).sort()).toEqual([
      'draft.ortWindows[0].from:TIME_OF_DAY_FORMAT',
      'draft.validFrom:SCHEDULE_VERSION_NOT_AFTER_LATEST',
    ]);
  });

  it.each([0, 54, 1.5])('refuses weeks = %p (WEEKS_RANGE)', async (weeks) => {
    await expect(world.ask(rawVersion('2026-10-05', rules()), { weeks })).rejects.toMatchObject({ problems: [{ path: 'weeks', reason: 'WEEKS_RANGE' }] });
  });

  it("answers NOT_FOUND for another agency's schedule, and FORBIDDEN to anyone but staff", async () => {
    await expect(world.ask(rawVersion('2026-10-05', rules()), { scheduleId: 'cao-b' })).rejects.toBeInstanceOf(NotFoundError);
    const draft = rawVersion('2026-10-05', rules());
    for (const actor of [world.week.worker1, world.week.contact1, world.week.payroll]) {
      await expect(world.query.execute(actor, { scheduleId: 'cao-a', draft })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

function dump(world: ImpactWorld): string {
  return JSON.stringify({
    schedules: [...world.week.schedules.rows.values()].map((s) => s.toState()),
    declarations: [...world.week.declarations.rows.values()].map((d) => ({ ...d.toState(), days: d.days.map((day) => day.toData()) })),
  });
}
