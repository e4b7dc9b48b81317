import { ApproveTimesheet, SaveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { MON_TUE, WeekWorld } from './week-world';
import { TEST_DATE_WINDOW } from '../../../support/mothers/date-window.mother';

/** What a week shows as its hours: the approved lines once approved, the live unravel while open. */
describe('WeekCalculator.preview', () => {
  async function switchToHourCodes(world: WeekWorld): Promise<void> {
    const placement = (await world.placements.findById('agency-a', 'pW'))!;
    placement.changeSettings({ caoScheduleId: null, hourCodes: [{ code: 'H100', percentage: 100 }] }, TEST_DATE_WINDOW);
    await world.placements.update(placement);
  }

  it('shows an approved week with the lines of its declaration, whatever the placement says today', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const approved = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE, confirm: true });
    await switchToHourCodes(world);

    const placement = (await world.placements.findById('agency-a', 'pW'))!;
    const shown = world.calculator.preview(approved.timesheet, placement, null, approved.declaration);
    expect(shown).toEqual(approved.declaration!.breakdown);
    expect(shown!.totals).toEqual([{ hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 915 }]);
  });

  it('unravels an open week live, and gives null for saved days that no longer fit the placement', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const saved = await new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE });
    const schedule = await world.schedules.findById('agency-a', 'cao-a');
    expect(world.calculator.preview(saved.timesheet, world.pW, schedule, null)).toEqual(saved.breakdown);

    await switchToHourCodes(world);
    const placement = (await world.placements.findById('agency-a', 'pW'))!;
    expect(world.calculator.preview(saved.timesheet, placement, null, null)).toBeNull();
  });
});
