import { DateWindow } from '../time/date-window.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { attemptUnprefixed } from '../shared/collect';
import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { boundedText, optionalBoundedText, short } from '../shared/text';
import { HourSource, HourSourceInput, parseHourSource } from './hour-source';
import { WeeklyContractHours } from './weekly-contract-hours.value-object';

export const ENTRY_MODES = ['DAY_TOTAL', 'TIMES'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];
export const HOURS_ENTERERS = ['FLEXWORKER', 'RELATION'] as const;
export type HoursEnteredBy = (typeof HOURS_ENTERERS)[number];
/** Cost centre and purchase-order reference: 1–64 characters, trimmed. */
export const REFERENCE_MAX_LENGTH = 64;

/** In `changeSettings` a field left `undefined` stays; `null` clears `endDate`, `costCentre` or `purchaseOrderReference`. */
export interface PlacementSettingsInput extends HourSourceInput {
  readonly startDate?: string;
  readonly endDate?: string | null;
  readonly functionName?: string;
  readonly costCentre?: string | null;
  /** The relation's purchase-order (order) number to quote on invoices. */
  readonly purchaseOrderReference?: string | null;
  /** `H:MM`, 0:00–60:00. */
  readonly contractHoursPerWeek?: string;
  readonly allowedEntryModes?: readonly string[];
  readonly hoursEnteredBy?: string;
  readonly sendInvitations?: boolean;
  readonly sendReminders?: boolean;
}

export interface CreatePlacementProps extends PlacementSettingsInput {
  readonly id: string;
  readonly agencyId: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly startDate: string;
  readonly functionName: string;
}

export interface PlacementState {
  readonly id: string;
  readonly agencyId: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  readonly functionName: string;
  readonly costCentre: string | null;
  readonly purchaseOrderReference: string | null;
  readonly contractHoursPerWeek: WeeklyContractHours;
  readonly allowedEntryModes: ReadonlySet<EntryMode>;
  readonly hoursEnteredBy: HoursEnteredBy;
  readonly sendInvitations: boolean;
  readonly sendReminders: boolean;
  readonly hourSource: HourSource;
  readonly version: number;
}

type Settings = Omit<PlacementState, 'id' | 'agencyId' | 'flexworkerId' | 'relationId' | 'version'>;

/**
 * One worker at one relation from a start date to an optional (inclusive) end date, with the
 * settings of how hours are entered there. When the relation enters the hours, the worker gets
 * no invitations or reminders (the manual's rule 7): asking for them is refused, and switching to
 * RELATION turns them off. Every date given (start, end) must lie within the server's `DateWindow`
 * (DATE_OUT_OF_RANGE); dates already stored are left as they are.
 */
export class Placement {
  private constructor(private state: PlacementState) {}

  static create(props: CreatePlacementProps, window: DateWindow): Placement {
    const problems = new ProblemCollector();
    const flexworkerId = problems.attempt('flexworkerId', () => boundedText(props.flexworkerId, { max: 64 }));
    const relationId = problems.attempt('relationId', () => boundedText(props.relationId, { max: 64 }));
    const settings = attemptUnprefixed(problems, () => applySettings(undefined, props, window));
    problems.throwIfAny();
    return new Placement({
      id: props.id,
      agencyId: props.agencyId,
      flexworkerId: flexworkerId!,
      relationId: relationId!,
      ...settings!,
      version: 1,
    });
  }

  static rehydrate(state: PlacementState): Placement {
    return new Placement({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get flexworkerId(): string { return this.state.flexworkerId; }
  get relationId(): string { return this.state.relationId; }
  get startDate(): LocalDate { return this.state.startDate; }
  get endDate(): LocalDate | null { return this.state.endDate; }
  get functionName(): string { return this.state.functionName; }
  get costCentre(): string | null { return this.state.costCentre; }
  get purchaseOrderReference(): string | null { return this.state.purchaseOrderReference; }
  get contractHoursPerWeek(): WeeklyContractHours { return this.state.contractHoursPerWeek; }
  get allowedEntryModes(): ReadonlySet<EntryMode> { return this.state.allowedEntryModes; }
  get hoursEnteredBy(): HoursEnteredBy { return this.state.hoursEnteredBy; }
  get sendInvitations(): boolean { return this.state.sendInvitations; }
  get sendReminders(): boolean { return this.state.sendReminders; }
  get hourSource(): HourSource { return this.state.hourSource; }
  get version(): number { return this.state.version; }

  /** Whether `date` lies within start and end date, both inclusive. */
  isActiveOn(date: LocalDate): boolean {
    return !date.isBefore(this.state.startDate) && (this.state.endDate === null || !date.isAfter(this.state.endDate));
  }

  /** Ends the placement after `date` (the last day worked), a date within `window`. Problem at `endDate`. */
  end(date: LocalDate, window: DateWindow): void {
    try {
      window.check(date);
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('endDate') : error;
    }
    if (date.isBefore(this.state.startDate)) throw endBeforeStart();
    this.state = { ...this.state, endDate: date };
  }

  /** Changes the given settings; all checked together, all problems reported at once. Dates given must lie within `window`. */
  changeSettings(input: PlacementSettingsInput, window: DateWindow): void {
    const settings = applySettings(this.state, input, window);
    this.state = { ...this.state, ...settings };
  }

  withVersion(version: number): Placement {
    return new Placement({ ...this.state, version });
  }

  toState(): PlacementState {
    return { ...this.state };
  }
}

function applySettings(current: Settings | undefined, input: PlacementSettingsInput, window: DateWindow): Settings {
  const problems = new ProblemCollector();
  const parseDate = (text: string) => window.check(parseLocalDate(text));
  const startDate = keep(problems, 'startDate', input.startDate, current?.startDate, parseDate);
  const endDate =
    input.endDate === undefined
      ? (current?.endDate ?? null)
      : (problems.attempt('endDate', () => (input.endDate === null ? null : parseDate(input.endDate as string))) ?? null);
  const functionName = keep(problems, 'functionName', input.functionName, current?.functionName, (t) => boundedText(t, { max: 100 }));
  const costCentre = optionalReference(problems, 'costCentre', input.costCentre, current?.costCentre);
  const purchaseOrderReference = optionalReference(problems, 'purchaseOrderReference', input.purchaseOrderReference, current?.purchaseOrderReference);
  const contractHours = keep(problems, 'contractHoursPerWeek', input.contractHoursPerWeek, current?.contractHoursPerWeek ?? WeeklyContractHours.NONE, WeeklyContractHours.parse);
  const entryModes = keep(problems, 'allowedEntryModes', input.allowedEntryModes, current?.allowedEntryModes ?? new Set(ENTRY_MODES), parseEntryModes);
  const hoursEnteredBy = keep(problems, 'hoursEnteredBy', input.hoursEnteredBy, current?.hoursEnteredBy ?? 'FLEXWORKER', parseEnterer);
  const hourSource = changesHourSource(input) || current === undefined
    ? attemptUnprefixed(problems, () => parseHourSource(input))
    : current.hourSource;
  if (startDate && endDate && endDate.isBefore(startDate)) problems.add('endDate', 'END_BEFORE_START', endBeforeStart().message);
  const byRelation = hoursEnteredBy === 'RELATION';
  const sendInvitations = notification(problems, 'sendInvitations', input.sendInvitations, current?.sendInvitations, byRelation);
  const sendReminders = notification(problems, 'sendReminders', input.sendReminders, current?.sendReminders, byRelation);
  problems.throwIfAny();
  return {
    startDate: startDate!,
    endDate,
    functionName: functionName!,
    costCentre,
    purchaseOrderReference,
    contractHoursPerWeek: contractHours!,
    allowedEntryModes: entryModes!,
    hoursEnteredBy: hoursEnteredBy!,
    sendInvitations,
    sendReminders,
    hourSource: hourSource!,
  };
}

/** `undefined` keeps `current` (required when there is none), anything else is parsed. */
function keep<I, T>(problems: ProblemCollector, path: string, input: I | undefined, current: T | undefined, parse: (input: I) => T): T | undefined {
  if (input === undefined) {
    if (current === undefined) problems.add(path, 'REQUIRED', 'This field is required');
    return current;
  }
  return problems.attempt(path, () => parse(input));
}

/** Cost centre or purchase-order reference: `undefined` keeps, `null` or blank clears. */
function optionalReference(problems: ProblemCollector, path: string, input: string | null | undefined, current: string | null | undefined): string | null {
  if (input === undefined) return current ?? null;
  return problems.attempt(path, () => optionalBoundedText(input, { max: REFERENCE_MAX_LENGTH })) ?? null;
}

function changesHourSource(input: HourSourceInput): boolean {
  return input.caoScheduleId !== undefined || input.hourCodes !== undefined;
}

/** Default on when the worker enters hours; when the relation does, asking for them is refused. */
function notification(problems: ProblemCollector, path: string, input: boolean | undefined, current: boolean | undefined, byRelation: boolean): boolean {
  if (byRelation) {
    if (input === true) {
      problems.add(path, 'NOTIFICATIONS_WHEN_RELATION_ENTERS_HOURS', 'No invitations or reminders when the relation enters the hours');
    }
    return false;
  }
  return input ?? current ?? true;
}

function parseEntryModes(modes: readonly string[]): ReadonlySet<EntryMode> {
  if (!Array.isArray(modes) || modes.length > ENTRY_MODES.length * 2) {
    throw ValidationError.of('', 'ENTRY_MODES_INVALID', `Expected a list of ${ENTRY_MODES.join(', ')}`);
  }
  const result = new Set<EntryMode>();
  for (const text of modes) {
    const mode = ENTRY_MODES.find((m) => m === text);
    if (mode === undefined) {
      throw ValidationError.of('', 'ENTRY_MODES_INVALID', `Expected a list of ${ENTRY_MODES.join(', ')}`, { allowed: ENTRY_MODES.join(', ') });
    }
    result.add(mode);
  }
  if (result.size === 0) throw ValidationError.of('', 'ENTRY_MODES_EMPTY', 'Allow at least one way of entering hours');
  return new Set(ENTRY_MODES.filter((m) => result.has(m)));
}

function parseEnterer(text: string): HoursEnteredBy {
  const who = HOURS_ENTERERS.find((h) => h === text);
  if (who === undefined) {
    throw ValidationError.of('', 'HOURS_ENTERED_BY_INVALID', `Expected one of ${HOURS_ENTERERS.join(', ')}`, { allowed: HOURS_ENTERERS.join(', ') });
  }
  return who;
}

const parseLocalDate = short(10, LocalDate.parse);

function endBeforeStart(): ValidationError {
  return ValidationError.of('endDate', 'END_BEFORE_START', 'A placement cannot end before it starts');
}
