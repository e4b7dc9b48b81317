import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { createPlacement, createRelation, dataOf, expectError } from './e2e-helpers';
import {
  allLines,
  approveDeclarations,
  approveWeek,
  awaitingApproval,
  createSchoonmaakSchedule,
  DayInput,
  declarationsOf,
  defaultTimesheet,
  lineTexts,
  openTimesheets,
  problemsOf,
  readTimesheet,
  saveAndApprove,
  saveTimesheet,
  ScheduleNode,
  staffSnapshot,
  startWeekApp,
  timesheetForWeek,
  timesheetForWeekRequest,
  TimesheetNode,
  totalsOf,
  WED_W48_1000,
  weekWorld,
  withSchedule,
} from './week-helpers';

/*
 * Issue 4: the other ways a week goes. The clock stands on Wednesday 2026-11-25 10:00
 * (Europe/Amsterdam) unless a test sets it; placements start on Monday 2026-11-02 (2026-W45).
 */
const T0 = WED_W48_1000;
const W47 = '2026-W47';
const W48 = '2026-W48';
const MANUAL_CODES = {
  hourCodes: [
    { code: 'H100', percentage: 100, label: 'Normal' },
    { code: 'OW125', percentage: 125, label: 'Overtime' },
  ],
};

describe('the variants of a week, over HTTP', () => {
  const clock = new TravelClock(T0);
  let t: TestApp;
  let agency: TestAgency;
  let schedule: ScheduleNode;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Week variants agency '));
    schedule = await createSchoonmaakSchedule(t, agency.staffToken);
  });
  afterAll(async () => {
    await t.stop();
  });
  beforeEach(() => {
    clock.set(T0);
  });

  it('where the relation enters the hours, its contact saves and approves in one step; the worker only reads', async () => {
    const w = await weekWorld(t, agency, { placement: withSchedule(schedule.id, { hoursEnteredBy: 'RELATION' }) });
    expect(w.placement).toMatchObject({ hoursEnteredBy: 'RELATION', sendInvitations: false, sendReminders: false });

    // The contact has the blue bar of this placement; the worker has nothing to do.
    expect((await openTimesheets(t, w.contactToken, w.placement.id)).map((x) => x.week)).toEqual(['2026-W45', '2026-W46', W47, W48]);
    expect(await openTimesheets(t, w.workerToken)).toEqual([]);
    // The worker lands on the current week, read-only: who enters it is the relation.
    expect(await defaultTimesheet(t, w.workerToken)).toMatchObject({ week: W48, placementId: w.placement.id, status: 'OPEN', enteredBy: 'RELATION', editable: false });

    const week = await timesheetForWeek(t, w.contactToken, w.placement.id, W47);
    expect(week).toMatchObject({ status: 'OPEN', enteredBy: 'RELATION', editable: true });

    // Tuesday 07:00–15:30 with a 0:30 break at the end: 07:00–15:00 normal hours, no window touched.
    const approved = await approveWeek(t, w.contactToken, week, [{ date: '2026-11-17', blocks: [{ start: '07:00', end: '15:30' }], breakDuration: '0:30' }]);
    const at = T0.toISOString();
    expect(approved).toMatchObject({ status: 'APPROVED', editable: false, approvedByWorkerAt: at, approvedByRelationAt: at, version: week.version + 1 });
    expect(approved.currentDeclaration).toMatchObject({
      number: 1,
      origin: 'RELATION',
      status: 'APPROVED',
      approvedByWorkerAt: at,
      approvedByWorkerId: w.contactUserId,
      approvedByRelationAt: at,
      approvedByRelationId: w.contactUserId,
    });
    expect(lineTexts(approved.currentDeclaration.breakdown)).toEqual(['2026-11-17 U100 NORMAL 100 480 07:00-15:00']);
    // Nothing waits for anyone's approval.
    expect((await awaitingApproval(t, w.contactToken)).map((d) => d.id)).not.toContain(approved.currentDeclaration.id);

    // The worker sees it, read-only.
    const seen = await readTimesheet(t, w.workerToken, week.id);
    expect(seen).toMatchObject({ status: 'APPROVED', enteredBy: 'RELATION', editable: false, approvedByWorkerAt: at, approvedByRelationAt: at });
    expect(seen.days.map((d) => [d.date, d.workedHours])).toEqual([['2026-11-17', '8:00']]);

    // A save by the worker is refused, on the approved week and on an open one; nothing changes.
    const open = await timesheetForWeek(t, w.workerToken, w.placement.id, W48);
    expect(open).toMatchObject({ status: 'OPEN', enteredBy: 'RELATION', editable: false });
    const beforeOpen = await staffSnapshot(t, agency.staffToken, open.id);
    const beforeApproved = await staffSnapshot(t, agency.staffToken, week.id);
    const days: DayInput[] = [{ date: '2026-11-23', total: '8:00' }];
    expectError(await saveTimesheet(t, w.workerToken, { timesheetId: open.id, expectedVersion: open.version, days }), 'FORBIDDEN', 'HOURS_ENTERED_BY_OTHER_PARTY');
    expectError(await saveAndApprove(t, w.workerToken, { timesheetId: open.id, expectedVersion: open.version, days, confirm: true }), 'FORBIDDEN', 'HOURS_ENTERED_BY_OTHER_PARTY');
    expectError(await saveTimesheet(t, w.workerToken, { timesheetId: week.id, expectedVersion: seen.version, days }), 'FORBIDDEN', 'HOURS_ENTERED_BY_OTHER_PARTY');
    expect(await staffSnapshot(t, agency.staffToken, open.id)).toEqual(beforeOpen);
    expect(await staffSnapshot(t, agency.staffToken, week.id)).toEqual(beforeApproved);
    expect((await openTimesheets(t, w.workerToken)).map((x) => x.placementId)).not.toContain(w.placement.id);
  });

  it('a placement with manual hour codes takes hours per code and shows them as MANUAL lines and totals', async () => {
    const w = await weekWorld(t, agency, { placement: MANUAL_CODES });
    const week = await timesheetForWeek(t, w.workerToken, w.placement.id, W47);

    // A total or times: not on this placement. Every problem by day and field; nothing stored.
    const modes = expectError(
      await saveTimesheet(t, w.workerToken, {
        timesheetId: week.id,
        expectedVersion: week.version,
        days: [
          { date: '2026-11-16', total: '8:00' },
          { date: '2026-11-17', blocks: [{ start: '08:00', end: '16:00' }] },
        ],
      }),
      'BAD_USER_INPUT',
      'ENTRY_MODE_NOT_ALLOWED',
    );
    expect(problemsOf(modes)).toEqual([
      ['days[0].total', 'ENTRY_MODE_NOT_ALLOWED'],
      ['days[1].blocks', 'ENTRY_MODE_NOT_ALLOWED'],
    ]);
    expect(modes.extensions.field).toBe('days[0].total');
    const unknownCode = expectError(
      await saveTimesheet(t, w.workerToken, { timesheetId: week.id, expectedVersion: week.version, days: [{ date: '2026-11-16', hours: [{ hourCode: 'OW150', hours: '1:00' }] }] }),
      'BAD_USER_INPUT',
    );
    expect(problemsOf(unknownCode)).toEqual([['days[0].hours[0].hourCode', 'HOUR_CODE_NOT_ON_PLACEMENT']]);
    const untouched = await readTimesheet(t, w.workerToken, week.id);
    expect(untouched).toMatchObject({ version: week.version, days: [], status: 'OPEN' });

    const saved = dataOf(
      await saveTimesheet(t, w.workerToken, {
        timesheetId: week.id,
        expectedVersion: week.version,
        days: [
          { date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW125', hours: '1:30' }] },
          { date: '2026-11-17', hours: [{ hourCode: 'H100', hours: '7:45' }] },
        ],
      }),
    ).saveTimesheet;
    expect(saved.version).toBe(week.version + 1);
    expect(saved.days.map((d) => [d.date, d.mode, d.workedHours, d.hours])).toEqual([
      ['2026-11-16', 'HOUR_CODES', '9:30', [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW125', hours: '1:30' }]],
      ['2026-11-17', 'HOUR_CODES', '7:45', [{ hourCode: 'H100', hours: '7:45' }]],
    ]);
    const preview = saved.preview!;
    expect(lineTexts(preview)).toEqual(['2026-11-16 H100 MANUAL 100 480', '2026-11-16 OW125 MANUAL 125 90', '2026-11-17 H100 MANUAL 100 465']);
    expect(totalsOf(preview)).toEqual({ 'H100 MANUAL 100': 945, 'OW125 MANUAL 125': 90 });
    expect(preview).toMatchObject({ workedMinutes: 1035, workedHours: '17:15', schedule: null });
    const overtime = allLines(preview).find((l) => l.hourCode === 'OW125')!;
    expect(overtime).toMatchObject({ rule: null, from: null, to: null, explanation: { key: 'line.manual', text: 'Hours entered as OW125 (125%)' } });

    // Approved, the declaration keeps the same lines.
    const approved = await approveWeek(t, w.workerToken, saved);
    expect(approved.status).toBe('SUBMITTED');
    expect(totalsOf(approved.currentDeclaration.breakdown)).toEqual({ 'H100 MANUAL 100': 945, 'OW125 MANUAL 125': 90 });
    expect(approved.currentDeclaration.breakdown.schedule).toBeNull();
  });

  describe('bad input is refused by day and field, and nothing is stored', () => {
    const cases: [string, DayInput[], [string, string][]][] = [
      ['a duration written as 7.5', [{ date: '2026-11-16', total: '8:00' }, { date: '2026-11-17', total: '7.5' }], [['days[1].total', 'HOURS_MINUTES_FORMAT']]],
      ['a start time written as 7.30', [{ date: '2026-11-17', blocks: [{ start: '7.30', end: '16:00' }] }], [['days[0].blocks[0].start', 'LOCAL_TIME_FORMAT']]],
      ['a day total over 24:00', [{ date: '2026-11-17', total: '24:30' }], [['days[0].total', 'HOURS_MINUTES_RANGE']]],
      [
        'times of one day adding up to more than 24:00',
        [{ date: '2026-11-17', blocks: [{ start: '00:00', end: '12:00' }, { start: '12:00', end: '06:00' }] }],
        [['days[0].blocks', 'DAY_OVER_24_HOURS']],
      ],
      [
        'a break longer than the work',
        [{ date: '2026-11-17', blocks: [{ start: '08:00', end: '09:00' }], breakDuration: '2:00' }],
        [['days[0].breakDuration', 'BREAK_LONGER_THAN_WORK']],
      ],
      [
        'overlapping blocks',
        [{ date: '2026-11-17', blocks: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '15:00' }] }],
        [['days[0].blocks', 'BLOCKS_OVERLAP']],
      ],
      ['a day outside the week', [{ date: '2026-11-16', total: '8:00' }, { date: '2026-11-23', total: '8:00' }], [['days[1].date', 'DAY_OUTSIDE_WEEK']]],
      ['the same day twice', [{ date: '2026-11-16', total: '8:00' }, { date: '2026-11-16', total: '4:00' }], [['days[1].date', 'DAY_DUPLICATE']]],
      ['hours per code where the placement has a schedule', [{ date: '2026-11-17', hours: [{ hourCode: 'U100', hours: '8:00' }] }], [['days[0].hours', 'ENTRY_MODE_NOT_ALLOWED']]],
      [
        'two problems at once',
        [{ date: '2026-11-16', total: '8:00', breakDuration: '0:30' }, { date: '2026-11-30', total: '8:00' }],
        [
          ['days[0].breakDuration', 'BREAK_WITHOUT_TIMES'],
          ['days[1].date', 'DAY_OUTSIDE_WEEK'],
        ],
      ],
      [
        // The scalars refuse values in the wrong form before the domain reads the week: all of them at once.
        'two values in the wrong form at once',
        [{ date: '2026-11-16', total: '7.5' }, { date: '2026-11-30', total: '8:00', blocks: [{ start: '8:00', end: '16:00' }] }],
        [
          ['days[0].total', 'HOURS_MINUTES_FORMAT'],
          ['days[1].blocks[0].start', 'LOCAL_TIME_FORMAT'],
        ],
      ],
    ];
    let week: TimesheetNode;
    let token: string;

    beforeAll(async () => {
      clock.set(T0);
      const w = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
      token = w.workerToken;
      const opened = await timesheetForWeek(t, token, w.placement.id, W47);
      week = dataOf(await saveTimesheet(t, token, { timesheetId: opened.id, expectedVersion: opened.version, days: [{ date: '2026-11-16', total: '8:00' }] })).saveTimesheet;
    });

    it.each(cases)('%s', async (_, days, expected) => {
      const before = await staffSnapshot(t, agency.staffToken, week.id);
      for (const response of [
        await saveTimesheet(t, token, { timesheetId: week.id, expectedVersion: week.version, days }),
        await saveAndApprove(t, token, { timesheetId: week.id, expectedVersion: week.version, days, confirm: true }),
      ]) {
        const error = expectError(response, 'BAD_USER_INPUT', expected[0][1]);
        expect(problemsOf(error)).toEqual(expected);
        expect(error.extensions.field).toBe(expected[0][0]);
        for (const problem of error.extensions.problems!) expect(problem.message.length).toBeGreaterThan(0);
        expect(response.body.data ?? null).toBeNull();
      }
      expect(await staffSnapshot(t, agency.staffToken, week.id)).toEqual(before);
      const after = await readTimesheet(t, token, week.id);
      expect(after).toMatchObject({ version: week.version, status: 'OPEN', currentDeclaration: null });
      expect(after.days.map((d) => [d.date, d.total])).toEqual([['2026-11-16', '8:00']]);
    });
  });

  it('approving without the confirmation is refused and stores nothing', async () => {
    const w = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    const opened = await timesheetForWeek(t, w.workerToken, w.placement.id, W47);
    const draft = dataOf(await saveTimesheet(t, w.workerToken, { timesheetId: opened.id, expectedVersion: opened.version, days: [{ date: '2026-11-16', total: '8:00' }] }))
      .saveTimesheet;
    const before = await staffSnapshot(t, agency.staffToken, draft.id);

    const refused = expectError(
      await saveAndApprove(t, w.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, days: [{ date: '2026-11-17', total: '6:00' }], confirm: false }),
      'BAD_USER_INPUT',
      'APPROVAL_CONFIRMATION_REQUIRED',
    );
    expect(problemsOf(refused)).toEqual([['confirm', 'APPROVAL_CONFIRMATION_REQUIRED']]);
    expect(await staffSnapshot(t, agency.staffToken, draft.id)).toEqual(before);
    const after = await readTimesheet(t, w.workerToken, draft.id);
    expect(after).toMatchObject({ status: 'OPEN', version: draft.version, currentDeclaration: null, approvedByWorkerAt: null });
    expect(after.days.map((d) => [d.date, d.total])).toEqual([['2026-11-16', '8:00']]);
    expect(await declarationsOf(t, agency.staffToken, { flexworkerId: w.worker.id })).toEqual([]);
  });

  it('days still to come can be saved but not approved; weeks still to come cannot be opened', async () => {
    const w = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    const opened = await timesheetForWeek(t, w.workerToken, w.placement.id, W48);
    // A plan for Friday may be kept as a draft.
    const draft = dataOf(
      await saveTimesheet(t, w.workerToken, {
        timesheetId: opened.id,
        expectedVersion: opened.version,
        days: [
          { date: '2026-11-23', total: '8:00' },
          { date: '2026-11-27', total: '8:00' },
        ],
      }),
    ).saveTimesheet;
    expect(draft.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-27']);

    const before = await staffSnapshot(t, agency.staffToken, draft.id);
    const refused = expectError(await saveAndApprove(t, w.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, confirm: true }), 'BAD_USER_INPUT', 'DAY_IN_FUTURE');
    expect(problemsOf(refused)).toEqual([['days[1].date', 'DAY_IN_FUTURE']]);
    expect(refused.extensions.problems![0]).toMatchObject({ params: { date: '2026-11-27' } });
    expect(await staffSnapshot(t, agency.staffToken, draft.id)).toEqual(before);
    // Days sent with the approval, in any order: the problem names the day as it was sent.
    const sent = expectError(
      await saveAndApprove(t, w.workerToken, {
        timesheetId: draft.id,
        expectedVersion: draft.version,
        days: [
          { date: '2026-11-26', total: '8:00' },
          { date: '2026-11-24', total: '8:00' },
        ],
        confirm: true,
      }),
      'BAD_USER_INPUT',
      'DAY_IN_FUTURE',
    );
    expect(problemsOf(sent)).toEqual([['days[0].date', 'DAY_IN_FUTURE']]);
    expect(await staffSnapshot(t, agency.staffToken, draft.id)).toEqual(before);

    // Today itself may be approved.
    const approved = await approveWeek(t, w.workerToken, draft, [
      { date: '2026-11-23', total: '8:00' },
      { date: '2026-11-25', total: '4:00' },
    ]);
    expect(approved).toMatchObject({ status: 'SUBMITTED', currentDeclaration: { number: 1 } });

    expectError(await timesheetForWeekRequest(t, w.workerToken, w.placement.id, '2026-W49'), 'BAD_USER_INPUT', 'WEEK_IN_FUTURE');
  });

  it('the blue bar lists every open week oldest first; the default week is last week while it is open, else the oldest', async () => {
    const w = await weekWorld(t, agency, { placement: MANUAL_CODES });
    // A second, short placement of the same worker elsewhere: only 2026-W46.
    const elsewhere = await createRelation(t, agency.staffToken, { name: unique('Other client ') });
    const short = await createPlacement(t, agency.staffToken, {
      flexworkerId: w.worker.id,
      relationId: elsewhere.id,
      startDate: '2026-11-09',
      endDate: '2026-11-15',
      functionName: 'Window cleaner',
    });

    const open = await openTimesheets(t, w.workerToken);
    expect(open.map((x) => x.week)).toEqual(['2026-W45', '2026-W46', '2026-W46', W47, W48]);
    expect(open.filter((x) => x.week === '2026-W46').map((x) => x.placementId).sort()).toEqual([w.placement.id, short.id].sort());
    expect(open.every((x) => x.status === 'OPEN' && x.editable)).toBe(true);
    expect((await openTimesheets(t, w.workerToken, short.id)).map((x) => x.week)).toEqual(['2026-W46']);

    const landed = await defaultTimesheet(t, w.workerToken);
    expect(landed).toMatchObject({ week: W47, placementId: w.placement.id });
    expect(await defaultTimesheet(t, w.workerToken, short.id)).toMatchObject({ week: '2026-W46', placementId: short.id });

    await approveWeek(t, w.workerToken, landed!, [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
    expect((await openTimesheets(t, w.workerToken)).map((x) => x.week)).toEqual(['2026-W45', '2026-W46', '2026-W46', W48]);
    expect(await defaultTimesheet(t, w.workerToken, w.placement.id)).toMatchObject({ week: '2026-W45', placementId: w.placement.id });
  });

  describe('deadlines and pay dates (Monday 12:00 Europe/Amsterdam, paid on Wednesday)', () => {
    it('a week the relation approved before Monday 12:00 is paid on the Wednesday after, and is not late', async () => {
      clock.set(new Date('2026-11-29T19:00:00.000Z')); // Sunday 29 November, 20:00 in Amsterdam
      const w = await weekWorld(t, agency, { placement: MANUAL_CODES });
      const week = await timesheetForWeek(t, w.workerToken, w.placement.id, W48);
      expect(week).toMatchObject({ approvalDeadline: '2026-11-30T11:00:00.000Z', expectedPayDate: '2026-12-02', late: false });

      const approved = await approveWeek(t, w.workerToken, week, [{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
      expect(approved).toMatchObject({
        status: 'SUBMITTED',
        approvedByWorkerAt: '2026-11-29T19:00:00.000Z',
        approvalDeadline: '2026-11-30T11:00:00.000Z',
        expectedPayDate: '2026-12-02',
        late: false,
      });
      // What counts is the relation's approval (issue 9): Monday 11:00 in Amsterdam is in time, and
      // then the clock no longer matters.
      clock.set(new Date('2026-11-30T10:00:00.000Z'));
      dataOf(await approveDeclarations(t, w.contactToken, [approved.currentDeclaration.id]));
      clock.set(new Date('2026-12-01T09:00:00.000Z'));
      expect(await readTimesheet(t, w.workerToken, week.id)).toMatchObject({ status: 'APPROVED', late: false, expectedPayDate: '2026-12-02' });
    });

    it('at Monday 12:00 or later the week is late and its hours move to the next pay date', async () => {
      clock.set(new Date('2026-11-30T10:59:00.000Z')); // Monday 30 November, 11:59 in Amsterdam
      const w = await weekWorld(t, agency, { placement: MANUAL_CODES });
      const week = await timesheetForWeek(t, w.workerToken, w.placement.id, W48);
      expect(week).toMatchObject({ late: false, expectedPayDate: '2026-12-02' });

      clock.set(new Date('2026-11-30T11:00:00.000Z')); // 12:00 sharp: too late
      expect(await readTimesheet(t, w.workerToken, week.id)).toMatchObject({ late: true, expectedPayDate: '2026-12-09', approvalDeadline: '2026-11-30T11:00:00.000Z' });
      const approved = await approveWeek(t, w.workerToken, week, [{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
      expect(approved).toMatchObject({
        approvedByWorkerAt: '2026-11-30T11:00:00.000Z',
        approvalDeadline: '2026-11-30T11:00:00.000Z',
        expectedPayDate: '2026-12-09',
        late: true,
      });
    });

    it('in summer time the deadline is 12:00 CEST (10:00 UTC)', async () => {
      const w = await weekWorld(t, agency, { placement: { ...MANUAL_CODES, startDate: '2026-06-29' } });
      // 2026-W27 runs 29 June – 5 July: deadline Monday 6 July 12:00 CEST, pay day Wednesday 8 July.
      const week = await timesheetForWeek(t, w.workerToken, w.placement.id, '2026-W27');
      expect(week).toMatchObject({ weekStart: '2026-06-29', approvalDeadline: '2026-07-06T10:00:00.000Z', late: true });
      const approved = await approveWeek(t, w.workerToken, week, [{ date: '2026-06-29', hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
      // Approved on Wednesday 25 November: the first deadline still met is Monday 30 November, paid on 2 December.
      expect(approved).toMatchObject({ late: true, expectedPayDate: '2026-12-02' });
    });
  });
});
