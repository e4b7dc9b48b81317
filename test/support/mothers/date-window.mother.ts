import { DEFAULT_DATE_WINDOW } from '../../../src/application/shared/date-window';
import { DateWindow } from '../../../src/domain/time/date-window.value-object';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';

/**
 * The server's default date window as it stands in the tests' year 2026: 2000-01-01 to
 * 2036-12-31. For entities made outside a use case (mothers, repository tests).
 */
export const TEST_DATE_WINDOW = DateWindow.of(DEFAULT_DATE_WINDOW.earliest, LocalDate.of(2026 + DEFAULT_DATE_WINDOW.yearsAhead, 12, 31));
