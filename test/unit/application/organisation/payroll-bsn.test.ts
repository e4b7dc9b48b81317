import { BsnsForPayroll, payrollMayReadBsn } from '../../../../src/application/organisation/payroll-bsn';
import { GetFlexworker } from '../../../../src/application/organisation/get-flexworker.use-case';
import { ListFlexworkers } from '../../../../src/application/organisation/list-flexworkers.use-case';
import { Actor } from '../../../../src/application/shared/actor';
import { aFlexworker } from '../../../support/mothers/organisation.mother';
import { OrganisationWorld } from './organisation-world';

/** The mother's workers carry a BSN (123456782). */
async function worldWithSetting(on: boolean): Promise<OrganisationWorld> {
  const world = await OrganisationWorld.build();
  const agency = (await world.agencies.findById('agency-a'))!;
  agency.changeSettings({ payrollReadsBsn: on });
  await world.agencies.update(agency);
  return world;
}

describe('BsnsForPayroll and bsnForPayroll', () => {
  it('give nothing to anyone while the agency setting is off', async () => {
    const world = await worldWithSetting(false);
    const bsns = new BsnsForPayroll(world.flexworkers, world.agencies);
    expect(await payrollMayReadBsn(world.payroll, world.agencies)).toBe(false);
    expect(await bsns.execute(world.payroll, { flexworkerIds: ['w1', 'w2'] })).toEqual(new Map());
    const view = await new GetFlexworker(world.flexworkers, world.placements, world.agencies).execute(world.payroll, { id: 'w1' });
    expect(view.access === 'FULL' && view.bsnForPayroll).toBeNull();
  });

  it('give the full BSNs to PAYROLL of the agency only, when it is on', async () => {
    const world = await worldWithSetting(true);
    const noBsn = aFlexworker('agency-a', { id: 'w-none', email: 'none@example.nl', bsn: null });
    await world.flexworkers.insert(noBsn);
    const bsns = new BsnsForPayroll(world.flexworkers, world.agencies);
    const expected = world.w1.bsn!.value;
    expect(await bsns.execute(world.payroll, { flexworkerIds: ['w1', 'w-none', 'wB', 'unknown'] })).toEqual(
      new Map<string, string | null>([
        ['w1', expected],
        ['w-none', null],
      ]),
    );
    for (const actor of [world.staffA, world.worker1, world.contact1]) {
      expect(await bsns.execute(actor, { flexworkerIds: ['w1'] })).toEqual(new Map());
    }
    const payrollB: Actor = { ...world.payroll, id: 'api-b', agencyId: 'agency-b' };
    expect(await bsns.execute(payrollB, { flexworkerIds: ['w1', 'wB'] })).toEqual(new Map());

    const get = new GetFlexworker(world.flexworkers, world.placements, world.agencies);
    const ofPayroll = await get.execute(world.payroll, { id: 'w1' });
    expect(ofPayroll.access === 'FULL' && ofPayroll.bsnForPayroll).toBe(expected);
    for (const actor of [world.staffA, world.worker1]) {
      const view = await get.execute(actor, { id: 'w1' });
      expect(view.access === 'FULL' && view.bsnForPayroll).toBeNull();
    }
    const listed = await new ListFlexworkers(world.flexworkers, world.agencies).execute(world.payroll, {});
    expect(Object.fromEntries(listed.items.map((v) => [v.id, v.access === 'FULL' ? v.bsnForPayroll : 'name only']))).toEqual({
      w1: expected,
      w2: expected,
      w3: expected,
      'w-none': null,
    });
    const byStaff = await new ListFlexworkers(world.flexworkers, world.agencies).execute(world.staffA, {});
    expect(byStaff.items.every((v) => v.access === 'FULL' && v.bsnForPayroll === null)).toBe(true);
  });

  it('finds a worker by payroll number in the list', async () => {
    const world = await OrganisationWorld.build();
    await world.flexworkers.insert(aFlexworker('agency-a', { id: 'w-pn', email: 'pn@example.nl', payrollNumber: 'PN-7' }));
    const list = new ListFlexworkers(world.flexworkers, world.agencies);
    expect((await list.execute(world.staffA, { payrollNumber: ' PN-7 ' })).items.map((v) => v.id)).toEqual(['w-pn']);
    expect((await list.execute(world.staffB, { payrollNumber: 'PN-7' })).items).toEqual([]);
    await expect(list.execute(world.staffA, { payrollNumber: 'x'.repeat(33) })).rejects.toMatchObject({ reason: 'VALUE_TOO_LONG' });
  });
});
