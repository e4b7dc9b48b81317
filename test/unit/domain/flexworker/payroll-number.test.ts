import fc from 'fast-check';
import { PayrollNumber } from '../../../../src/domain/flexworker/payroll-number.value-object';
import { aFlexworker, TODAY } from '../../../support/mothers/organisation.mother';
import { pathsOf, validationErrorOf } from '../shared/helpers';

describe('PayrollNumber', () => {
  it('takes 1 to 32 letters, digits and . _ / -, trimmed, case kept', () => {
    expect(PayrollNumber.parse('  P-1000/a.b_C ').value).toBe('P-1000/a.b_C');
    expect(PayrollNumber.parse('7').value).toBe('7');
    expect(PayrollNumber.parse('x'.repeat(32)).value).toHaveLength(32);
    expect(PayrollNumber.parse('ab').equals(PayrollNumber.parse(' ab'))).toBe(true);
  });

  it('refuses other characters, blank and overlong text with its reason', () => {
    for (const bad of ['P 1000', 'P#1', 'ÄB1', 'a,b', 'p+1', '1\u00a02']) {
      expect(validationErrorOf(() => PayrollNumber.parse(bad)).reason).toBe('PAYROLL_NUMBER_INVALID');
    }
    expect(validationErrorOf(() => PayrollNumber.parse('x'.repeat(33))).reason).toBe('VALUE_TOO_LONG');
    expect(validationErrorOf(() => PayrollNumber.parse('x'.repeat(1 << 20))).reason).toBe('VALUE_TOO_LONG');
    expect(validationErrorOf(() => PayrollNumber.parse('   ')).reason).toBe('REQUIRED');
    expect(validationErrorOf(() => PayrollNumber.parse('P1\u0000')).reason).toBe('TEXT_CONTROL_CHARACTERS');
  });

  it('keeps exactly what the database check accepts', () => {
    const database = /^[A-Za-z0-9._/-]{1,32}$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let parsed: string | undefined;
        try {
          parsed = PayrollNumber.parse(text).value;
        } catch {
          parsed = undefined;
        }
        if (parsed !== undefined) expect(database.test(parsed)).toBe(true);
        expect(parsed !== undefined).toBe(database.test(text.trim()));
      }),
    );
  });
});

describe('Flexworker.payrollNumber', () => {
  it('is optional, set on create, kept when left out, cleared by null or blank', () => {
    expect(aFlexworker('a').payrollNumber).toBeNull();
    const worker = aFlexworker('a', { payrollNumber: ' 4711 ' });
    expect(worker.payrollNumber?.value).toBe('4711');
    worker.updatePersonalDetails({ phone: '+31612345678' }, TODAY);
    expect(worker.payrollNumber?.value).toBe('4711');
    worker.updatePersonalDetails({ payrollNumber: 'NL/2026-01' }, TODAY);
    expect(worker.payrollNumber?.value).toBe('NL/2026-01');
    worker.updatePersonalDetails({ payrollNumber: null }, TODAY);
    expect(worker.payrollNumber).toBeNull();
    worker.updatePersonalDetails({ payrollNumber: '4712' }, TODAY);
    worker.updatePersonalDetails({ payrollNumber: '  ' }, TODAY);
    expect(worker.payrollNumber).toBeNull();
  });

  it('reports a bad number at payrollNumber with the other problems, and changes nothing', () => {
    expect(pathsOf(() => aFlexworker('a', { payrollNumber: 'P 1', bsn: '123' }))).toEqual(['bsn:BSN_INVALID', 'payrollNumber:PAYROLL_NUMBER_INVALID']);
    const worker = aFlexworker('a', { payrollNumber: 'OK-1', phone: null });
    expect(pathsOf(() => worker.updatePersonalDetails({ payrollNumber: 'x'.repeat(33), phone: '+31612345678' }, TODAY))).toEqual([
      'payrollNumber:VALUE_TOO_LONG',
    ]);
    expect([worker.payrollNumber?.value, worker.phone]).toEqual(['OK-1', null]);
  });
});
