import { aFlexworker, anAgency, aPlacement, aRelation } from '../../../support/mothers/organisation.mother';
import { validationErrorOf } from './helpers';

/** Every text field refuses a megabyte with BAD_USER_INPUT naming that field, and does not echo it. */
const MB = 'x'.repeat(1 << 20);

const cases: [string, () => unknown][] = [
  ['name', () => anAgency({ name: MB })],
  ['settings.timeZone', () => anAgency({ settings: { timeZone: MB } })],
  ['settings.approvalDeadline.time', () => anAgency({ settings: { approvalDeadline: { weekday: 'MON', time: MB } } })],
  ['settings.payWeekday', () => anAgency({ settings: { payWeekday: MB } })],
  ['name', () => aRelation('a', { name: MB })],
  ['chamberOfCommerceNumber', () => aRelation('a', { chamberOfCommerceNumber: MB })],
  ['contactEmail', () => aRelation('a', { contactEmail: MB })],
  ['contactPhone', () => aRelation('a', { contactPhone: MB })],
  ['firstName', () => aFlexworker('a', { firstName: MB })],
  ['lastName', () => aFlexworker('a', { lastName: MB })],
  ['email', () => aFlexworker('a', { email: MB })],
  ['phone', () => aFlexworker('a', { phone: MB })],
  ['language', () => aFlexworker('a', { language: MB })],
  ['dateOfBirth', () => aFlexworker('a', { dateOfBirth: MB })],
  ['address.street', () => aFlexworker('a', { address: { street: MB, houseNumber: '1', postalCode: '1012 LG', city: 'A' } })],
  ['address.city', () => aFlexworker('a', { address: { street: 'S', houseNumber: '1', postalCode: '1012 LG', city: MB } })],
  ['bsn', () => aFlexworker('a', { bsn: MB })],
  ['iban', () => aFlexworker('a', { iban: MB })],
  ['functionName', () => aPlacement('a', 'w', 'r', { functionName: MB })],
  ['costCentre', () => aPlacement('a', 'w', 'r', { costCentre: MB })],
  ['contractHoursPerWeek', () => aPlacement('a', 'w', 'r', { contractHoursPerWeek: MB })],
  ['caoScheduleId', () => aPlacement('a', 'w', 'r', { caoScheduleId: MB })],
  ['endDate', () => aPlacement('a', 'w', 'r', { endDate: MB })],
  ['hourCodes[0].label', () => aPlacement('a', 'w', 'r', { caoScheduleId: null, hourCodes: [{ code: 'H100', percentage: 100, label: MB }] })],
  ['flexworkerId', () => aPlacement('a', MB, 'r')],
];

describe('a 1 MB string', () => {
  it.each(cases)('is refused at %s', (path, make) => {
    const error = validationErrorOf(make);
    expect(error.category).toBe('BAD_USER_INPUT');
    expect(error.problems.map((p) => p.path)).toEqual([path]);
    expect(error.message.length).toBeLessThan(1000);
    expect(JSON.stringify(error.problems).length).toBeLessThan(1000);
  });
});
