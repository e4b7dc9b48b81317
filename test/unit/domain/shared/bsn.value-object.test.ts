import fc from 'fast-check';
import { Bsn } from '../../../../src/domain/shared/bsn.value-object';
import { validationErrorOf } from './helpers';

/** Completes eight digits with the check digit that makes the eleven-test pass, if there is one. */
function withCheckDigit(eight: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(eight[i]);
  const check = sum % 11;
  return check <= 9 ? `${eight}${check}` : undefined;
}

describe('Bsn', () => {
  it.each(['111222333', '123456782', '999999990', '1112.22.333', ' 123 456 782 '])('accepts %p', (text) => {
    expect(Bsn.parse(text).value).toBe(text.replace(/[\s.]/g, ''));
  });

  it.each(['123456789', '000000000', '12345678', '1234567820', 'abcdefghi', '', '12345678a', 'x'.repeat(1 << 20)])(
    'refuses %p',
    (text) => {
      expect(validationErrorOf(() => Bsn.parse(text)).reason).toBe('BSN_INVALID');
    },
  );

  it('accepts every number completed by its check digit (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), (eight) => {
        const bsn = withCheckDigit(eight);
        fc.pre(bsn !== undefined && bsn !== '000000000');
        expect(Bsn.parse(bsn as string).value).toBe(bsn);
      }),
    );
  });

  it('refuses any single changed digit of a valid number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const valid = '123456782';
        const changed = valid.slice(0, position) + String((Number(valid[position]) + delta) % 10) + valid.slice(position + 1);
        expect(Bsn.passesElevenTest(changed)).toBe(false);
      }),
    );
  });

  it('shows only the last three digits when masked, also in toString', () => {
    expect(Bsn.parse('123456782').masked()).toBe('******782');
    expect(String(Bsn.parse('123456782'))).toBe('******782');
    expect(`${Bsn.parse('123456782')}`).not.toContain('1234');
  });
});
