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
  /** Instants already worked out, by zone and wall time: each costs several offset look-ups (Intl), and a week's deadline is asked by every request that shows it. */
  private readonly instants = new Map<string, number>();

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
    const key = `${timeZone} ${at.date.epochDay} ${at.minuteOfDay}`;
    const known = this.instants.get(key);
    if (known !== undefined) return new Date(known);
    const instant = this.resolve(this.zoneOf(timeZone), at.date.epochDay * DAY + at.minuteOfDay * MINUTE);
    if (this.instants.size >= MAX_INSTANTS) this.instants.delete(this.instants.keys().next().value as string);
    this.instants.set(key, instant);
    return new Date(instant);
  }

  /** The instant (epoch millis) of a wall time (as millis on the wall clock) in `zone`. */
  private resolve(zone: IANAZone, wall: number): number {
    // The offsets in force around this wall time (one clock change a day at most); an offset is
    // valid for it when the instant it gives really has that offset.
    const before = zone.offset(wall - DAY);
    const candidates = [before, zone.offset(wall), zone.offset(wall + DAY)];
    const valid = candidates.filter((offset) => zone.offset(wall - offset * MINUTE) === offset);
    if (valid.length === 0) return wall - before * MINUTE;
    return wall - Math.max(...valid) * MINUTE;
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

/** Wall times one process keeps the instant of. */
const MAX_INSTANTS = 10_000;
