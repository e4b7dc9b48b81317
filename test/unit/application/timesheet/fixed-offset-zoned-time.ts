import { ZonedTime } from '../../../../src/application/ports/zoned-time';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { LocalDateTime } from '../../../../src/domain/timesheet/pay-calendar';

const MINUTE = 60 * 1000;
const DAY_MINUTES = 24 * 60;

/**
 * A ZonedTime whose every zone keeps one fixed offset from UTC (no clock changes), and that
 * remembers which zones it was asked about.
 */
export class FixedOffsetZonedTime extends ZonedTime {
  readonly zonesAsked: string[] = [];

  constructor(private readonly offsetMinutes: number) {
    super();
  }

  localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
    this.zonesAsked.push(timeZone);
    const minutes = Math.floor(instant.getTime() / MINUTE) + this.offsetMinutes;
    const epochDay = Math.floor(minutes / DAY_MINUTES);
    return { date: LocalDate.ofEpochDay(epochDay), minuteOfDay: minutes - epochDay * DAY_MINUTES };
  }

  instantOf(at: LocalDateTime, timeZone: string): Date {
    this.zonesAsked.push(timeZone);
    return new Date((at.date.epochDay * DAY_MINUTES + at.minuteOfDay - this.offsetMinutes) * MINUTE);
  }
}
