import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { Email } from '../shared/email.value-object';
import { PhoneNumber } from '../shared/phone-number.value-object';
import { cleanText, parseOptional, short } from '../shared/text';
import { ApprovalDeadline, ApprovalDeadlineInput } from './approval-deadline.value-object';
import { Weekday } from '../time/weekday.value-object';
import { DEFAULT_REMINDER_MOMENTS, parseReminderMoments, ReminderMoment, ReminderMomentInput, sortMoments } from './reminder-moment.value-object';

export const PORTAL_TABS = [
  'DECLARATION_STATUS',
  'PAYSLIPS',
  'ANNUAL_STATEMENTS',
  'PERSONAL_INFORMATION',
  'CONTACT',
  'DOCUMENTS',
] as const;
export type PortalTab = (typeof PORTAL_TABS)[number];

export const PAY_DAY_ON_HOLIDAY_RULES = ['NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY'] as const;
export type PayDayOnHoliday = (typeof PAY_DAY_ON_HOLIDAY_RULES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
export const MIN_VISIBILITY_DAYS = 1;
export const MAX_VISIBILITY_DAYS = 366;

/** Every field optional: what is left out keeps its current (or default) value. */
export interface AgencySettingsInput {
  readonly timeZone?: string;
  readonly enabledTabs?: readonly string[];
  readonly approvalDeadline?: ApprovalDeadlineInput;
  /** MON … SUN. */
  readonly payWeekday?: string;
  readonly payDayOnHoliday?: string;
  readonly declarationVisibilityDays?: number;
  readonly payrollReadsBsn?: boolean;
  /** When reminders to enter hours go out; the whole list is replaced, an empty one sends none. */
  readonly reminderMoments?: readonly ReminderMomentInput[];
  /** How workers reach the agency (the "your information" tab); null or blank clears it. */
  readonly contactEmail?: string | null;
  readonly contactPhone?: string | null;
}

export interface AgencySettingsProps {
  readonly timeZone: string;
  readonly enabledTabs: ReadonlySet<PortalTab>;
  readonly approvalDeadline: ApprovalDeadline;
  readonly payWeekday: Weekday;
  readonly payDayOnHoliday: PayDayOnHoliday;
  readonly declarationVisibilityDays: number;
  /** Whether the payroll system (PAYROLL API clients) may read workers' full BSN. */
  readonly payrollReadsBsn: boolean;
  /** When reminders to enter hours go out (wall-clock times in `timeZone`), in week order; empty: none. */
  readonly reminderMoments: readonly ReminderMoment[];
  /** The agency's contact e-mail address and telephone number for its workers; null: none given. */
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;
}

/**
 * How an agency works (the manual's rules 5, 6 and 9): its time zone, which tabs its portal
 * shows, the approval deadline, the pay weekday and what happens when that is a public holiday,
 * how long relation-approved declarations stay visible, and whether its payroll system may read
 * workers' full BSN (off by default: the BSN is shown masked everywhere until staff allow it).
 */
export class AgencySettings implements AgencySettingsProps {
  static readonly DEFAULT = new AgencySettings({
    timeZone: DEFAULT_TIME_ZONE,
    enabledTabs: new Set(PORTAL_TABS),
    approvalDeadline: ApprovalDeadline.DEFAULT,
    payWeekday: Weekday.parse('WED'),
    payDayOnHoliday: 'NEXT_WORKING_DAY',
    declarationVisibilityDays: 28,
    payrollReadsBsn: false,
    reminderMoments: DEFAULT_REMINDER_MOMENTS,
    contactEmail: null,
    contactPhone: null,
  });

  readonly timeZone: string;
  readonly enabledTabs: ReadonlySet<PortalTab>;
  readonly approvalDeadline: ApprovalDeadline;
  readonly payWeekday: Weekday;
  readonly payDayOnHoliday: PayDayOnHoliday;
  readonly declarationVisibilityDays: number;
  readonly payrollReadsBsn: boolean;
  readonly reminderMoments: readonly ReminderMoment[];
  readonly contactEmail: string | null;
  readonly contactPhone: string | null;

  private constructor(props: AgencySettingsProps) {
    this.timeZone = props.timeZone;
    this.enabledTabs = new Set(PORTAL_TABS.filter((tab) => props.enabledTabs.has(tab)));
    this.approvalDeadline = props.approvalDeadline;
    this.payWeekday = props.payWeekday;
    this.payDayOnHoliday = props.payDayOnHoliday;
    this.declarationVisibilityDays = props.declarationVisibilityDays;
    this.payrollReadsBsn = props.payrollReadsBsn;
    this.reminderMoments = sortMoments(props.reminderMoments);
    this.contactEmail = props.contactEmail;
    this.contactPhone = props.contactPhone;
  }

  /** For mappers: values read back from the store, trusted. */
  static rehydrate(props: AgencySettingsProps): AgencySettings {
    return new AgencySettings(props);
  }

  /** These settings with `input` applied; every problem reported at once (paths as in the input). */
  with(input: AgencySettingsInput): AgencySettings {
    const problems = new ProblemCollector();
    const next = {
      timeZone: pick(problems, 'timeZone', input.timeZone, parseTimeZone) ?? this.timeZone,
      enabledTabs: pick(problems, 'enabledTabs', input.enabledTabs, parseTabs) ?? this.enabledTabs,
      approvalDeadline: pick(problems, 'approvalDeadline', input.approvalDeadline, ApprovalDeadline.create) ?? this.approvalDeadline,
      payWeekday: pick(problems, 'payWeekday', input.payWeekday, short(8, Weekday.parse)) ?? this.payWeekday,
      payDayOnHoliday: pick(problems, 'payDayOnHoliday', input.payDayOnHoliday, parsePayDayOnHoliday) ?? this.payDayOnHoliday,
      declarationVisibilityDays:
        pick(problems, 'declarationVisibilityDays', input.declarationVisibilityDays, parseVisibilityDays) ??
        this.declarationVisibilityDays,
      payrollReadsBsn: pick(problems, 'payrollReadsBsn', input.payrollReadsBsn, parseBoolean) ?? this.payrollReadsBsn,
      reminderMoments: pick(problems, 'reminderMoments', input.reminderMoments, parseReminderMoments) ?? this.reminderMoments,
      contactEmail: clearable(problems, 'contactEmail', input.contactEmail, this.contactEmail, (t) => Email.parse(t).value),
      contactPhone: clearable(problems, 'contactPhone', input.contactPhone, this.contactPhone, (t) => PhoneNumber.parse(t).value),
    };
    problems.throwIfAny();
    return new AgencySettings(next);
  }

  isTabEnabled(tab: PortalTab): boolean {
    return this.enabledTabs.has(tab);
  }

  equals(other: AgencySettings): boolean {
    return (
      this.timeZone === other.timeZone &&
      this.enabledTabs.size === other.enabledTabs.size &&
      [...this.enabledTabs].every((tab) => other.enabledTabs.has(tab)) &&
      this.approvalDeadline.equals(other.approvalDeadline) &&
      this.payWeekday.equals(other.payWeekday) &&
      this.payDayOnHoliday === other.payDayOnHoliday &&
      this.declarationVisibilityDays === other.declarationVisibilityDays &&
      this.payrollReadsBsn === other.payrollReadsBsn &&
      this.reminderMoments.length === other.reminderMoments.length &&
      this.reminderMoments.every((moment, index) => moment.equals(other.reminderMoments[index])) &&
      this.contactEmail === other.contactEmail &&
      this.contactPhone === other.contactPhone
    );
  }
}

function pick<I, T>(problems: ProblemCollector, path: string, input: I | undefined, parse: (input: I) => T): T | undefined {
  if (input === undefined || input === null) return undefined;
  return problems.attempt(path, () => parse(input));
}

/** `undefined` keeps `current`; null or blank text clears; anything else is parsed. */
function clearable(problems: ProblemCollector, path: string, input: string | null | undefined, current: string | null, parse: (text: string) => string): string | null {
  if (input === undefined) return current;
  return problems.attempt(path, () => parseOptional(input, parse)) ?? null;
}

/** An IANA zone the runtime knows (`Intl` is part of the language, not an import). */
export function parseTimeZone(text: string): string {
  const zone = typeof text === 'string' && text.length <= 64 ? cleanText(text.trim()) : '';
  try {
    if (zone === '') throw new RangeError('empty');
    return new Intl.DateTimeFormat(undefined, { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw ValidationError.of('', 'TIME_ZONE_INVALID', `"${zone.slice(0, 64)}" is not a known time zone`, { value: zone.slice(0, 64) });
  }
}

function parseTabs(tabs: readonly string[]): ReadonlySet<PortalTab> {
  if (!Array.isArray(tabs) || tabs.length > PORTAL_TABS.length * 2) {
    throw ValidationError.of('', 'TABS_INVALID', `Expected a list of ${PORTAL_TABS.join(', ')}`);
  }
  const problems = new ProblemCollector();
  const result = new Set<PortalTab>();
  tabs.forEach((text, index) => {
    const tab = PORTAL_TABS.find((t) => t === text);
    if (tab === undefined) {
      problems.add(`${index}`, 'TAB_UNKNOWN', `Expected one of ${PORTAL_TABS.join(', ')}`, { allowed: PORTAL_TABS.join(', ') });
    } else result.add(tab);
  });
  problems.throwIfAny();
  return result;
}

function parsePayDayOnHoliday(text: string): PayDayOnHoliday {
  const rule = PAY_DAY_ON_HOLIDAY_RULES.find((r) => r === text);
  if (rule === undefined) {
    throw ValidationError.of('', 'PAY_DAY_ON_HOLIDAY_INVALID', `Expected one of ${PAY_DAY_ON_HOLIDAY_RULES.join(', ')}`, {
      allowed: PAY_DAY_ON_HOLIDAY_RULES.join(', '),
    });
  }
  return rule;
}

function parseBoolean(value: boolean): boolean {
  if (typeof value !== 'boolean') throw ValidationError.of('', 'INVALID_INPUT', 'Expected true or false');
  return value;
}

function parseVisibilityDays(days: number): number {
  if (!Number.isInteger(days) || days < MIN_VISIBILITY_DAYS || days > MAX_VISIBILITY_DAYS) {
    throw ValidationError.of('', 'VISIBILITY_DAYS_RANGE', `Expected a whole number of days from ${MIN_VISIBILITY_DAYS} to ${MAX_VISIBILITY_DAYS}`, {
      min: MIN_VISIBILITY_DAYS,
      max: MAX_VISIBILITY_DAYS,
    });
  }
  return days;
}
