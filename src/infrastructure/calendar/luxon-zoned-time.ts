import { IANAZone } from 'luxon';
import { ZonedTime } from '../../application/ports/zoned-time';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { MINUTES_PER_DAY } from '../../domain/time/time-of-day.value-object';
import { LocalDateTime } from '../../domain/timesheet/pay-calendar';

const MINUTE = 60_000;
const DAY = MINUTES_PER_DAY * MINUTE;

/**
 * ZonedTime on luxon's IANA zones (the offsets come from the runtime's time-zone data).
 *
 * Why not `DateTime.fromObject(…, { zone })` for `instantOf`: in the autumn overlap luxon starts
 * from the zone's offset at the *current* date, so 02:30 on 2026-10-25 comes out as the summer-time
 * pass when run in summer and the winter-time pass when run in winter. Here the offsets valid for
 * a wall time are worked out explicitly: gap → later by the gap (as luxon does), overlap → the
 * earlier pass (the disambiguation that Java and Temporal call "compatible").
 */
export class LuxonZonedTime extends ZonedTime {
  private readonly zones = new Map<string, IANAZone>();

  localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
    const millis = instant.getTime();
    if (!Number.isFinite(millis)) throw new RangeError('Invalid instant');
    const wallMinutes = Math.floor((millis + this.zoneOf(timeZone).offset(millis) * MINUTE) / MINUTE);
    const epochDay = Math.floor(wallMinutes / MINUTES_PER_DAY);
    return { date: LocalDate.ofEpochDay(epochDay), minuteOfDay: wallMinutes - epochDay * MINUTES_PER_DAY };
  }

  instantOf(at: LocalDateTime, timeZone: string): Date {
    if (!Number.isInteger(at.minuteOfDay) || at.minuteOfDay < 0 || at.minuteOfDay >= MINUTES_PER_DAY) {
      throw new RangeError(`${at.minuteOfDay} is not a minute of the day`);
    }
    const zone = this.zoneOf(timeZone);
    const wall = at.date.epochDay * DAY + at.minuteOfDay * MINUTE;
    // The offsets in force around this wall time (one clock change a day at most); an offset is
    // valid for it when the instant it gives really has that offset.
    const before = zone.offset(wall - DAY);
    const candidates = [before, zone.offset(wall), zone.offset(wall + DAY)];
    const valid = candidates.filter((offset) => zone.offset(wall - offset * MINUTE) === offset);
    if (valid.length === 0) return new Date(wall - before * MINUTE);
    return new Date(wall - Math.max(...valid) * MINUTE);
  }

  private zoneOf(timeZone: string): IANAZone {
    let zone = this.zones.get(timeZone);
    if (!zone) {
      zone = IANAZone.create(timeZone);
      if (!zone.isValid) throw new RangeError(`Unknown time zone ${timeZone}`);
      this.zones.set(timeZone, zone);
    }
    return zone;
  }
}
