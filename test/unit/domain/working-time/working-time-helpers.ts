import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { WorkingTimeActVersion } from '../../../../src/domain/working-time/working-time-act-rules';
import { WorkingTimeSignal } from '../../../../src/domain/working-time/working-time-signal';
import { workingTimeSignals } from '../../../../src/domain/working-time/working-time-signals.service';
import { HAND_WRITTEN_AMSTERDAM } from '../../../fixtures/unravel/dutch-calendar';

const range = (text: string) => {
  const [start, end] = text.split('-');
  return { start: TimeOfDay.parse(start), end: TimeOfDay.parseEnd(end) };
};

/** `times('2026-11-16', ['22:00-06:00'], '0:30')` or with breaks as times `['02:00-02:30']`. */
export function times(date: string, blocks: string[], pause?: string | string[]): WorkDay {
  const breakInput = pause === undefined ? undefined : typeof pause === 'string' ? { duration: HoursMinutes.parse(pause) } : { times: pause.map(range) };
  return WorkDay.ofBlocks(LocalDate.parse(date), blocks.map(range), breakInput);
}

export function total(date: string, hours: string): WorkDay {
  return WorkDay.ofTotal(LocalDate.parse(date), HoursMinutes.parse(hours));
}

export function signalsOf(week: string, days: WorkDay[], versions?: readonly WorkingTimeActVersion[]): WorkingTimeSignal[] {
  return workingTimeSignals({ week: IsoWeek.parse(week), days, timeZone: HAND_WRITTEN_AMSTERDAM, versions });
}

const hm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** `SHIFT_HOURS 2026-11-16 12:00<12:01`, one line per signal (counts as numbers). */
export function summary(signals: readonly WorkingTimeSignal[]): string[] {
  return signals.map((s) => {
    const numbers = s.unit === 'SHIFTS' ? `${s.limit}<${s.actual}` : s.rule === 'DAILY_REST' ? `${hm(s.actual)}<${hm(s.limit)}` : `${hm(s.limit)}<${hm(s.actual)}`;
    return `${s.rule} ${s.days.join(',')} ${numbers}${s.earlierShortRest ? ` after ${s.earlierShortRest}` : ''}`;
  });
}

/** The dates from `from`, `count` days, as strings. */
export function datesFrom(from: string, count: number, step = 1): string[] {
  return Array.from({ length: count }, (_, i) => LocalDate.parse(from).plusDays(i * step).toString());
}
