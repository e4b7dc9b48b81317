import { Clock } from '../../../src/application/ports/clock';
import { IdGenerator } from '../../../src/application/ports/id-generator';

/** A clock that stands still until moved. */
export class FixedClock extends Clock {
  constructor(private instant: Date = new Date('2026-11-27T10:00:00Z')) {
    super();
  }
  now(): Date {
    return new Date(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}

/** Ids `prefix-1`, `prefix-2`, … */
export class SequentialIds extends IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {
    super();
  }
  next(): string {
    this.n += 1;
    return `${this.prefix}-${this.n}`;
  }
}
