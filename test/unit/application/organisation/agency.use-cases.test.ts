import { GetAgency } from '../../../../src/application/organisation/get-agency.use-case';
import { UpdateAgencySettings } from '../../../../src/application/organisation/update-agency-settings.use-case';
import { ConflictError, ForbiddenError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { OrganisationWorld } from './organisation-world';

describe('GetAgency', () => {
  it('gives every user their own agency', async () => {
    const world = await OrganisationWorld.build();
    const getAgency = new GetAgency(world.agencies);
    for (const actor of [world.staffA, world.worker1, world.contact1]) expect((await getAgency.execute(actor)).id).toBe('agency-a');
    expect((await getAgency.execute(world.staffB)).id).toBe('agency-b');
  });

  it('gives the payroll client its agency (pay days and deadlines), read only', async () => {
    const world = await OrganisationWorld.build();
    expect((await new GetAgency(world.agencies).execute(world.payroll)).id).toBe('agency-a');
  });
});

describe('UpdateAgencySettings', () => {
  it('lets staff change name and settings, keeping the rest', async () => {
    const world = await OrganisationWorld.build();
    const updated = await new UpdateAgencySettings(world.agencies).execute(world.staffA, {
      name: 'U-Boss Noord',
      payWeekday: 'THU',
      declarationVisibilityDays: 14,
    });
    expect(updated.name).toBe('U-Boss Noord');
    expect(updated.settings.payWeekday.code).toBe('THU');
    expect(updated.settings.declarationVisibilityDays).toBe(14);
    expect(updated.settings.approvalDeadline.toString()).toBe('MON 12:00');
    expect(updated.version).toBe(2);
    expect((await world.agencies.findById('agency-a'))?.name).toBe('U-Boss Noord');
    expect((await world.agencies.findById('agency-b'))?.name).toBe('Andere uitzender');
  });

  it('refuses other roles', async () => {
    const world = await OrganisationWorld.build();
    for (const actor of [world.worker1, world.contact1, world.payroll]) {
      await expect(new UpdateAgencySettings(world.agencies).execute(actor, { payWeekday: 'THU' })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('reports a bad name and bad settings together and stores nothing', async () => {
    const world = await OrganisationWorld.build();
    const error = await new UpdateAgencySettings(world.agencies).execute(world.staffA, { name: '', timeZone: 'Nowhere/Land' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.path)).toEqual(['name', 'timeZone']);
    expect((await world.agencies.findById('agency-a'))?.version).toBe(1);
  });

  it('refuses an edit of an older version', async () => {
    const world = await OrganisationWorld.build();
    const update = new UpdateAgencySettings(world.agencies);
    await update.execute(world.staffA, { payWeekday: 'THU', expectedVersion: 1 });
    await expect(update.execute(world.staffA, { payWeekday: 'FRI', expectedVersion: 1 })).rejects.toMatchObject({ reason: 'STALE_VERSION' });
    await expect(update.execute(world.staffA, { payWeekday: 'FRI', expectedVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
  });
});
