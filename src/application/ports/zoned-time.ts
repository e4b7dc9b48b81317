import { LocalDateTime } from '../../domain/timesheet/pay-calendar';

/**
 * Instants (what the Clock and the database hold) to wall-clock time in an IANA zone and back,
 * to the minute. Deadlines and pay dates are set on the wall clock of the agency's zone; this port
 * is where the zone, and its clock changes, are applied. A deadline stands for the one instant
 * `instantOf` gives: it is the deadline reported, and lateness compares instants with it.
 */
export abstract class ZonedTime {
  /** The wall-clock minute `instant` falls in (seconds are dropped, never rounded up). */
  abstract localDateTimeAt(instant: Date, timeZone: string): LocalDateTime;

  /**
   * The instant of a wall-clock time. One that does not exist (the spring-forward gap) is read
   * as that many minutes later: 02:30 on the day clocks jump 02:00 → 03:00 is 03:30 (Amsterdam,
   * 2026-03-29: 03:30 CEST = 01:30Z). One that occurs twice (the autumn overlap) is the earlier
   * pass, still in summer time (2026-10-25 02:30 is 02:30 CEST = 00:30Z, not 01:30Z).
   */
  abstract instantOf(at: LocalDateTime, timeZone: string): Date;
}
