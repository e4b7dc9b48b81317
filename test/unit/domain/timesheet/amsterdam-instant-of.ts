import { InstantOf, LocalDateTime } from '../../../../src/domain/timesheet/pay-calendar';
import { HAND_WRITTEN_AMSTERDAM } from '../../../fixtures/unravel/dutch-calendar';

const MINUTE = 60_000;
const CET = 60;
const CEST = 120;

const wallMinutes = (at: LocalDateTime) => at.date.epochDay * 1440 + at.minuteOfDay;

/**
 * Europe/Amsterdam's InstantOf for domain tests, from the hand-written clock changes of the
 * fixtures and by the ZonedTime port's rule: a wall time the clock skips in spring is that much
 * later (2026-03-29 02:30 → 03:30 CEST = 01:30Z), one it shows twice in autumn its first, summer-
 * time occurrence (2026-10-25 02:30 → 00:30Z). test/unit/infrastructure/luxon-zoned-time.test.ts
 * checks that the luxon adapter gives the same.
 */
export const AMSTERDAM_INSTANT_OF: InstantOf = (at) => {
  const changes = HAND_WRITTEN_AMSTERDAM.clockChanges(at.date.year);
  const spring = changes.find((c) => c.shiftMinutes > 0);
  const autumn = changes.find((c) => c.shiftMinutes < 0);
  if (!spring || !autumn) throw new Error(`no hand-written clock changes for ${at.date.year}`);
  const wall = wallMinutes(at);
  const summerFrom = spring.date.epochDay * 1440 + spring.atMinute + spring.shiftMinutes;
  const summerUntil = autumn.date.epochDay * 1440 + autumn.atMinute;
  const offset = wall >= summerFrom && wall < summerUntil ? CEST : CET;
  return new Date((wall - offset) * MINUTE);
};
