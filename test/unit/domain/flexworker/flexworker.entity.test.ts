import { ageOn, Flexworker } from '../../../../src/domain/flexworker/flexworker.entity';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { aFlexworker, TODAY } from '../../../support/mothers/organisation.mother';
import { pathsOf } from '../shared/helpers';

describe('Flexworker', () => {
  it('is created with every detail parsed', () => {
    const worker = aFlexworker('agency-1', { email: 'Jan@Example.NL' });
    expect(worker.email.value).toBe('jan@example.nl');
    expect(worker.bsn?.masked()).toBe('******782');
    expect(worker.iban?.masked()).toBe('NL** **** **** **43 00');
    expect(worker.language.code).toBe('nl');
    expect(worker.address?.postalCode).toBe('1012 LG');
  });

  it('needs only name and e-mail', () => {
    const worker = Flexworker.create({ id: 'w', agencyId: 'a', firstName: 'Ana', lastName: 'Popescu', email: 'ana@example.ro' }, TODAY);
    expect(worker.bsn).toBeNull();
    expect(worker.dateOfBirth).toBeNull();
    expect(worker.language.code).toBe('nl');
  });

  it('reports every bad input by path', () => {
    expect(
      pathsOf(() =>
        aFlexworker('a', {
          firstName: '',
          email: 'not-an-email',
          phone: 'abc',
          language: 'fr',
          dateOfBirth: '2020-01-01',
          address: { street: 'Damrak', houseNumber: '1', postalCode: '1234', city: 'Amsterdam' },
          bsn: '123456789',
          iban: 'NL91ABNA0417164301',
        }),
      ),
    ).toEqual([
      'language:LANGUAGE_UNSUPPORTED',
      'firstName:REQUIRED',
      'email:EMAIL_INVALID',
      'phone:PHONE_INVALID',
      'dateOfBirth:TOO_YOUNG',
      'address.postalCode:POSTAL_CODE_INVALID',
      'bsn:BSN_INVALID',
      'iban:IBAN_INVALID',
    ]);
  });

  it('must be at least 15 on the day', () => {
    const today = LocalDate.parse('2026-11-27');
    expect(() => aFlexworker('a', { dateOfBirth: '2011-11-27' })).not.toThrow();
    expect(pathsOf(() => Flexworker.create({ id: 'w', agencyId: 'a', firstName: 'A', lastName: 'B', email: 'a@b.nl', dateOfBirth: '2011-11-28' }, today))).toEqual([
      'dateOfBirth:TOO_YOUNG',
    ]);
    expect(pathsOf(() => aFlexworker('a', { dateOfBirth: '1920-01-01' }))).toEqual(['dateOfBirth:DATE_OF_BIRTH_IMPLAUSIBLE']);
  });

  it('counts age in whole years', () => {
    const birth = LocalDate.parse('2008-02-29');
    expect(ageOn(birth, LocalDate.parse('2023-02-28'))).toBe(14);
    expect(ageOn(birth, LocalDate.parse('2023-03-01'))).toBe(15);
    expect(ageOn(LocalDate.parse('2010-06-15'), LocalDate.parse('2025-06-14'))).toBe(14);
    expect(ageOn(LocalDate.parse('2010-06-15'), LocalDate.parse('2025-06-15'))).toBe(15);
  });

  it('updates only the details given, and null clears an optional one', () => {
    const worker = aFlexworker('a');
    worker.updatePersonalDetails({ lastName: 'de Vries', iban: null, phone: '0612345678' }, TODAY);
    expect(worker.name.fullName).toBe('Jan de Vries');
    expect(worker.iban).toBeNull();
    expect(worker.bsn?.value).toBe('123456782');
    expect(worker.phone?.value).toBe('0612345678');
  });

  it('keeps its details when an update fails', () => {
    const worker = aFlexworker('a');
    expect(pathsOf(() => worker.updatePersonalDetails({ lastName: 'X', bsn: '111111111' }, TODAY))).toEqual(['bsn:BSN_INVALID']);
    expect(worker.name.lastName).toBe('Jansen');
  });

  it('changes language to one of the eight only', () => {
    const worker = aFlexworker('a');
    worker.changeLanguage('pl');
    expect(worker.language.code).toBe('pl');
    expect(pathsOf(() => worker.changeLanguage('xx'))).toEqual(['language:LANGUAGE_UNSUPPORTED']);
  });
});
