import { ConflictError } from '../../../src/domain/shared/domain-error';
import { newId, OrganisationDatabase } from './organisation-database';

describe('TypeormAgencyRepository', () => {
  let odb: OrganisationDatabase;
  beforeAll(async () => {
    odb = await OrganisationDatabase.open();
  });
  afterAll(() => odb.close());

  it('stores and reads back an agency with its settings', async () => {
    const agency = await odb.newAgency();
    agency.changeSettings({
      timeZone: 'Europe/Sofia',
      enabledTabs: ['PAYSLIPS', 'DOCUMENTS'],
      approvalDeadline: { weekday: 'TUE', time: '09:45' },
      payWeekday: 'FRI',
      payDayOnHoliday: 'PREVIOUS_WORKING_DAY',
      declarationVisibilityDays: 90,
      payrollReadsBsn: true,
      reminderMoments: [{ weekday: 'SUN', time: '19:15' }, { weekday: 'THU', time: '08:00' }],
    });
    const saved = await odb.agencies.update(agency);
    expect(saved.version).toBe(2);
    const read = await odb.agencies.findById(agency.id);
    expect(read?.name).toBe('Test uitzendbureau');
    expect(read?.settings.equals(agency.settings)).toBe(true);
    expect(read?.settings.approvalDeadline.toString()).toBe('TUE 09:45');
    expect(read?.settings.payrollReadsBsn).toBe(true);
    expect(read?.settings.reminderMoments.map(String)).toEqual(['THU 08:00', 'SUN 19:15']);
    expect(read?.version).toBe(2);
  });

  it('keeps the defaults through a round trip', async () => {
    const agency = await odb.newAgency();
    const read = await odb.agencies.findById(agency.id);
    expect(read?.settings.equals(agency.settings)).toBe(true);
    expect([...(read?.settings.enabledTabs ?? [])]).toHaveLength(6);
    expect(read?.settings.reminderMoments.map(String)).toEqual(['MON 09:00', 'FRI 16:00']);
  });

  it('keeps an empty list of reminder moments (no reminders), and the database refuses a malformed one', async () => {
    const agency = await odb.newAgency();
    agency.changeSettings({ reminderMoments: [] });
    await odb.agencies.update(agency);
    expect((await odb.agencies.findById(agency.id))?.settings.reminderMoments).toEqual([]);
    await expect(odb.dataSource.query(`UPDATE agencies SET reminder_moments = ARRAY['FRI 24:00'] WHERE id = $1`, [agency.id])).rejects.toThrow(
      /agencies_reminder_moments_check/,
    );
  });

  it('does not find an unknown or malformed id', async () => {
    expect(await odb.agencies.findById(newId())).toBeNull();
    expect(await odb.agencies.findById('not-a-uuid')).toBeNull();
  });

  it('refuses an update of a stale version', async () => {
    const agency = await odb.newAgency();
    const first = (await odb.agencies.findById(agency.id))!;
    const second = (await odb.agencies.findById(agency.id))!;
    first.rename('Eerste');
    await odb.agencies.update(first);
    second.rename('Tweede');
    const error = await odb.agencies.update(second).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('STALE_VERSION');
    expect((await odb.agencies.findById(agency.id))?.name).toBe('Eerste');
  });
});
