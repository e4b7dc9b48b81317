import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { ValidationError } from '../../../../src/domain/shared/domain-error';

describe('HoursMinutes', () => {
  it.each([
    ['7:15', 435],
    ['0:00', 0],
    ['00:30', 30],
    ['24:00', 1440],
    ['12:59', 779],
  ])('parses %s as %i minutes', (text, minutes) => {
    expect(HoursMinutes.parse(text).totalMinutes).toBe(minutes);
  });

  it.each(['7.25', '7:5', '7:75', '-1:00', '24:01', '7', '7:15:00', ' 7:15', '', '100:00', '7,15'])(
    'refuses %p',
    (text) => {
      expect(() => HoursMinutes.parse(text)).toThrow(ValidationError);
    },
  );

  it('prints as H:MM', () => {
    expect(HoursMinutes.ofMinutes(435).toString()).toBe('7:15');
    expect(HoursMinutes.parse('07:05').toString()).toBe('7:05');
  });

  it('compares by value', () => {
    expect(HoursMinutes.parse('7:15').equals(HoursMinutes.ofMinutes(435))).toBe(true);
    expect(HoursMinutes.parse('7:15').equals(HoursMinutes.ofMinutes(436))).toBe(false);
  });

  it('names the reason of a refusal', () => {
    try {
      HoursMinutes.parse('7.25');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).reason).toBe('HOURS_MINUTES_FORMAT');
    }
  });
});
