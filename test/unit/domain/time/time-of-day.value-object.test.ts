import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { Weekday } from '../../../../src/domain/time/weekday.value-object';
import { WeekHours } from '../../../../src/domain/time/week-hours.value-object';
import { ValidationError } from '../../../../src/domain/shared/domain-error';

describe('TimeOfDay', () => {
  it('parses HH:MM', () => {
    expect(TimeOfDay.parse('07:30').minuteOfDay).toBe(450);
    expect(TimeOfDay.parse('00:00').minuteOfDay).toBe(0);
    expect(TimeOfDay.parse('23:59').toString()).toBe('23:59');
  });

  it('allows 24:00 only as an end', () => {
    expect(() => TimeOfDay.parse('24:00')).toThrow(ValidationError);
    expect(TimeOfDay.parseEnd('24:00').isEndOfDay).toBe(true);
    expect(TimeOfDay.parseEnd('06:00').minuteOfDay).toBe(360);
  });

  it.each(['7:30', '24:01', '25:00', '07:60', '0730', '07:30:00', '', '-01:00'])('refuses %p', (text) => {
    expect(() => TimeOfDay.parseEnd(text)).toThrow(ValidationError);
  });

  it('compares by value', () => {
    expect(TimeOfDay.parse('08:00').equals(TimeOfDay.ofMinuteOfDay(480))).toBe(true);
    expect(TimeOfDay.parse('08:00').compare(TimeOfDay.parse('09:00'))).toBeLessThan(0);
  });
});

describe('Weekday', () => {
  it('parses codes and ISO numbers', () => {
    expect(Weekday.parse('SAT').iso).toBe(6);
    expect(Weekday.ofIso(1).code).toBe('MON');
    expect(Weekday.parse('SUN').isWeekend).toBe(true);
    expect(Weekday.parse('FRI').equals(Weekday.ofIso(5))).toBe(true);
  });

  it.each(['mon', 'MONDAY', 'XYZ', ''])('refuses %p', (text) => {
    expect(() => Weekday.parse(text)).toThrow(expect.objectContaining({ reason: 'WEEKDAY_UNKNOWN' }));
  });
});

describe('WeekHours', () => {
  it('parses weekly durations', () => {
    expect(WeekHours.parse('38:00').totalMinutes).toBe(2280);
    expect(WeekHours.parse('0:30').toString()).toBe('0:30');
    expect(WeekHours.parse('168:00').totalMinutes).toBe(10080);
  });

  it.each(['38', '38.5', '38:5', '168:01', '-1:00'])('refuses %p', (text) => {
    expect(() => WeekHours.parse(text)).toThrow(ValidationError);
  });
});
