import { Agency } from '../../../../src/domain/agency/agency.entity';
import { AgencySettings, PORTAL_TABS } from '../../../../src/domain/agency/agency-settings.value-object';
import { anAgency } from '../../../support/mothers/organisation.mother';
import { pathsOf } from '../shared/helpers';

describe('Agency', () => {
  it('takes the defaults of the manual', () => {
    const agency = anAgency();
    const s = agency.settings;
    expect(s.timeZone).toBe('Europe/Amsterdam');
    expect([...s.enabledTabs]).toEqual([...PORTAL_TABS]);
    expect(s.approvalDeadline.weekday.code).toBe('MON');
    expect(s.approvalDeadline.time.toString()).toBe('12:00');
    expect(s.payWeekday.code).toBe('WED');
    expect(s.payDayOnHoliday).toBe('NEXT_WORKING_DAY');
    expect(s.declarationVisibilityDays).toBe(28);
    expect(s.payrollReadsBsn).toBe(false);
    expect(agency.version).toBe(1);
  });

  it('changes only the settings given', () => {
    const agency = anAgency();
    agency.changeSettings({ payWeekday: 'FRI', enabledTabs: ['PAYSLIPS', 'CONTACT'], approvalDeadline: { weekday: 'TUE', time: '09:30' } });
    expect(agency.settings.payWeekday.code).toBe('FRI');
    expect([...agency.settings.enabledTabs]).toEqual(['PAYSLIPS', 'CONTACT']);
    expect(agency.settings.approvalDeadline.toString()).toBe('TUE 09:30');
    expect(agency.settings.declarationVisibilityDays).toBe(28);
  });

  it('reports every bad setting by path and changes nothing', () => {
    const agency = anAgency();
    expect(
      pathsOf(() =>
        agency.changeSettings({
          timeZone: 'Mars/Olympus',
          enabledTabs: ['PAYSLIPS', 'GAMES'],
          approvalDeadline: { weekday: 'MONDAY', time: '24:00' },
          payWeekday: 'wed',
          payDayOnHoliday: 'NEVER',
          declarationVisibilityDays: 367,
        }),
      ),
    ).toEqual([
      'timeZone:TIME_ZONE_INVALID',
      'enabledTabs.1:TAB_UNKNOWN',
      'approvalDeadline.weekday:WEEKDAY_UNKNOWN',
      'approvalDeadline.time:TIME_OF_DAY_END_ONLY',
      'payWeekday:WEEKDAY_UNKNOWN',
      'payDayOnHoliday:PAY_DAY_ON_HOLIDAY_INVALID',
      'declarationVisibilityDays:VISIBILITY_DAYS_RANGE',
    ]);
    expect(agency.settings.equals(AgencySettings.DEFAULT)).toBe(true);
  });

  it.each([0, 1.5, -3, 367])('refuses %p visibility days', (days) => {
    expect(pathsOf(() => anAgency({ settings: { declarationVisibilityDays: days } }))).toEqual([
      'settings.declarationVisibilityDays:VISIBILITY_DAYS_RANGE',
    ]);
  });

  it('accepts every IANA zone the runtime knows', () => {
    expect(anAgency({ settings: { timeZone: 'Europe/Warsaw' } }).settings.timeZone).toBe('Europe/Warsaw');
  });

  it('allows no tabs at all', () => {
    expect(anAgency({ settings: { enabledTabs: [] } }).settings.enabledTabs.size).toBe(0);
  });

  it('refuses an empty or huge name', () => {
    expect(pathsOf(() => Agency.create({ id: 'a', name: ' ' }))).toEqual(['name:REQUIRED']);
    expect(pathsOf(() => Agency.create({ id: 'a', name: 'x'.repeat(1 << 20) }))).toEqual(['name:VALUE_TOO_LONG']);
  });

  it('lets payroll read full BSNs only when turned on, and back off', () => {
    const agency = anAgency();
    agency.changeSettings({ payWeekday: 'THU' });
    expect(agency.settings.payrollReadsBsn).toBe(false);
    agency.changeSettings({ payrollReadsBsn: true });
    expect([agency.settings.payrollReadsBsn, agency.settings.payWeekday.code]).toEqual([true, 'THU']);
    expect(agency.settings.equals(AgencySettings.DEFAULT.with({ payWeekday: 'THU' }))).toBe(false);
    agency.changeSettings({ payrollReadsBsn: false });
    expect(agency.settings.equals(AgencySettings.DEFAULT.with({ payWeekday: 'THU' }))).toBe(true);
    expect(pathsOf(() => agency.changeSettings({ payrollReadsBsn: 'yes' as unknown as boolean }))).toEqual(['payrollReadsBsn:INVALID_INPUT']);
  });
});
