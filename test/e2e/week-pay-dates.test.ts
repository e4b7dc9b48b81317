import { createAgencyWithStaff, TestApp, TravelClock } from '../support/test-app';
import { dataOf } from './e2e-helpers';
import { approveDeclarations, approveWeek, DAY, readTimesheet, startWeekApp, timesheetForWeek, WED_W48_1000, weekWorld, WeekWorld } from './week-helpers';

/*
 * Issue 9, item 6: `expectedPayDate` and `late` over HTTP, one rule for every status. Week
 * 2026-W48's deadline is Monday 30 November 12:00 Amsterdam (11:00Z), its pay date Wednesday
 * 2 December; a deadline missed moves the hours to the next run (Wednesday 9 December, …). The
 * relation's approval is the one that counts: the worker approving in time does not make the
 * week on time while it waits for the relation.
 */
describe('expected pay date and lateness of weeks still waiting, and of approved ones', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let world: WeekWorld;
  let submittedId: string;
  let openId: string;
  let declarationId: string;

  const paymentOf = async (id: string) => {
    const week = await readTimesheet(t, world.workerToken, id);
    return { status: week.status, late: week.late, expectedPayDate: week.expectedPayDate };
  };

  beforeAll(async () => {
    t = await startWeekApp(clock);
    world = await weekWorld(t, await createAgencyWithStaff(t, 'Pay dates agency'));
    const w48 = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W48');
    const approved = await approveWeek(t, world.workerToken, w48, [{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
    submittedId = approved.id;
    declarationId = approved.currentDeclaration.id;
    openId = (await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W47')).id;
  });

  afterAll(() => t?.stop());

  it('before the deadline: a SUBMITTED week is on time, with its own pay date', async () => {
    expect(await paymentOf(submittedId)).toEqual({ status: 'SUBMITTED', late: false, expectedPayDate: '2026-12-02' });
  });

  it('an OPEN week past its deadline: late, with the next pay date it can still make, never a past one', async () => {
    // W47's deadline was Monday 23 November 12:00 and its own pay date 25 November (today): W48's run.
    expect(await paymentOf(openId)).toEqual({ status: 'OPEN', late: true, expectedPayDate: '2026-12-02' });
    clock.set(new Date('2026-12-07T12:00:00Z'));
    expect(await paymentOf(openId)).toEqual({ status: 'OPEN', late: true, expectedPayDate: '2026-12-16' });
    clock.set(WED_W48_1000);
  });

  it('past the deadline, still waiting for the relation: late, and the next pay date it can still make', async () => {
    clock.set(new Date('2026-11-30T11:00:00Z'));
    expect(await paymentOf(submittedId)).toEqual({ status: 'SUBMITTED', late: true, expectedPayDate: '2026-12-09' });
    // Another deadline (7 December) passes: the next run after it.
    clock.set(new Date('2026-12-07T12:00:00Z'));
    expect(await paymentOf(submittedId)).toEqual({ status: 'SUBMITTED', late: true, expectedPayDate: '2026-12-16' });
  });

  it('approved by the relation late: the pay date of that approval, fixed from then on', async () => {
    dataOf(await approveDeclarations(t, world.contactToken, [declarationId]));
    expect(await paymentOf(submittedId)).toEqual({ status: 'APPROVED', late: true, expectedPayDate: '2026-12-16' });
    clock.set(new Date(clock.now().getTime() + 30 * DAY));
    expect(await paymentOf(submittedId)).toEqual({ status: 'APPROVED', late: true, expectedPayDate: '2026-12-16' });
  });
});
