/** The current time. Tests travel in time with a fixed or settable clock. */
export abstract class Clock {
  abstract now(): Date;
}
