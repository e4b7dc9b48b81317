import { LocalDateTime } from '../../domain/timesheet/pay-calendar';

/**
 * Instants (what the Clock and the database hold) to wall-clock time in an IANA zone and back,
 * to the minute. Deadlines and pay dates are business rules on the wall clock of the agency's
 * zone; this port is where the zone, and its clock changes, are applied.
 */
export abstract class ZonedTime {
  /** The wall-clock minute `instant` falls in (seconds are dropped, never rounded up). */
  abstract localDateTimeAt(instant: Date, timeZone: string): LocalDateTime;

  /**
   * The instant of a wall-clock time. One that does not exist (the spring-forward gap) is read
   * as that many minutes later: 02:30 on the day clocks jump 02:00 → 03:00 is 03:30. One that
   * occurs twice (the autumn overlap) is the earlier pass, still in summer time.
   */
  abstract instantOf(at: LocalDateTime, timeZone: string): Date;
}
