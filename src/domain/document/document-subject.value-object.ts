import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { LocalDate } from '../time/local-date.value-object';

/** The earliest and latest years a payroll document may concern: wide, yet no typo like 20026. */
export const MIN_DOCUMENT_YEAR = 1990;
export const MAX_DOCUMENT_YEAR = 2999;

/**
 * What a payslip is for: a pay period (start and end, inclusive) and the day it is paid. Versions
 * of a payslip are those of the same worker with the same start and end.
 */
export class PayPeriod {
  private constructor(
    readonly start: LocalDate,
    readonly end: LocalDate,
    readonly payDate: LocalDate,
  ) {}

  /** Every problem at once, each at its field (`periodStart`, `periodEnd`, `payDate`). */
  static parse(input: { periodStart?: string | null; periodEnd?: string | null; payDate?: string | null }): PayPeriod {
    const problems = new ProblemCollector();
    const start = requiredDate(problems, 'periodStart', input.periodStart);
    const end = requiredDate(problems, 'periodEnd', input.periodEnd);
    const payDate = requiredDate(problems, 'payDate', input.payDate);
    if (start && end && end.isBefore(start)) {
      problems.add('periodEnd', 'PERIOD_END_BEFORE_START', 'The period ends before it starts', { periodStart: start.toString(), periodEnd: end.toString() });
    }
    for (const [path, date] of [['periodStart', start], ['periodEnd', end], ['payDate', payDate]] as const) {
      if (date && (date.year < MIN_DOCUMENT_YEAR || date.year > MAX_DOCUMENT_YEAR)) {
        problems.add(path, 'DOCUMENT_YEAR_RANGE', `The year must be from ${MIN_DOCUMENT_YEAR} to ${MAX_DOCUMENT_YEAR}`, { min: MIN_DOCUMENT_YEAR, max: MAX_DOCUMENT_YEAR });
      }
    }
    problems.throwIfAny();
    return new PayPeriod(start!, end!, payDate!);
  }

  static rehydrate(start: LocalDate, end: LocalDate, payDate: LocalDate): PayPeriod {
    return new PayPeriod(start, end, payDate);
  }

  /** The key that versions share. */
  get key(): string {
    return `${this.start.toString()}/${this.end.toString()}`;
  }
}

/** What an annual statement is for: one calendar year. */
export class StatementYear {
  private constructor(readonly year: number) {}

  static parse(text: string | null | undefined): StatementYear {
    const raw = (text ?? '').trim();
    const year = Number(raw);
    if (!/^\d{4}$/.test(raw) || year < MIN_DOCUMENT_YEAR || year > MAX_DOCUMENT_YEAR) {
      throw ValidationError.of('year', 'DOCUMENT_YEAR_RANGE', `The year must be from ${MIN_DOCUMENT_YEAR} to ${MAX_DOCUMENT_YEAR}`, { min: MIN_DOCUMENT_YEAR, max: MAX_DOCUMENT_YEAR });
    }
    return new StatementYear(year);
  }

  static rehydrate(year: number): StatementYear {
    return new StatementYear(year);
  }

  get key(): string {
    return String(this.year);
  }
}

function requiredDate(problems: ProblemCollector, path: string, text: string | null | undefined): LocalDate | undefined {
  if (text === undefined || text === null || text.trim() === '') {
    problems.add(path, 'DOCUMENT_DATE_MISSING', `${path} is required (YYYY-MM-DD)`, { field: path });
    return undefined;
  }
  return problems.attempt(path, () => LocalDate.parse(text));
}
