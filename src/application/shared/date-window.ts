import { DateWindow } from '../../domain/time/date-window.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { Clock } from '../ports/clock';

/** The server's window for the dates staff give (placements, schedule versions); one for every agency. */
export interface DateWindowSettings {
  /** The earliest date accepted (default 2000-01-01). */
  readonly earliest: LocalDate;
  /** The latest date accepted is 31 December of the current year plus this many years (default 10). */
  readonly yearsAhead: number;
}

export const DEFAULT_DATE_WINDOW: DateWindowSettings = { earliest: LocalDate.of(2000, 1, 1), yearsAhead: 10 };

/**
 * Today's window: from the earliest date to the end of the year `yearsAhead` years from now. The
 * year is the clock's (UTC) year: the window's end moves on New Year's Eve, a few hours apart
 * between zones, which a bound this wide does not notice.
 */
export class DateWindowPolicy {
  constructor(
    private readonly clock: Clock,
    private readonly settings: DateWindowSettings = DEFAULT_DATE_WINDOW,
  ) {}

  current(): DateWindow {
    const year = this.clock.now().getUTCFullYear();
    return DateWindow.of(this.settings.earliest, LocalDate.of(year + this.settings.yearsAhead, 12, 31));
  }
}
