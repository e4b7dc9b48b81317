import { ZonedTime } from '../../../../src/application/ports/zoned-time';
import { LocalDateTime } from '../../../../src/domain/timesheet/pay-calendar';
import { LuxonZonedTime } from '../../../../src/infrastructure/calendar/luxon-zoned-time';

/**
 * The real zones (the luxon adapter, so that offsets and clock changes are true for any zone and
 * date a test uses), remembering which zones it was asked about.
 */
export class RecordingZonedTime extends ZonedTime {
  readonly zonesAsked: string[] = [];
  private readonly zones = new LuxonZonedTime();

  localDateTimeAt(instant: Date, timeZone: string): LocalDateTime {
    this.zonesAsked.push(timeZone);
    return this.zones.localDateTimeAt(instant, timeZone);
  }

  instantOf(at: LocalDateTime, timeZone: string): Date {
    this.zonesAsked.push(timeZone);
    return this.zones.instantOf(at, timeZone);
  }
}
