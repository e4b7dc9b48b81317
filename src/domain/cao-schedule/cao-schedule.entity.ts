import { attemptUnprefixed } from '../shared/collect';
import { Problem, ProblemCollector, ValidationError } from '../shared/domain-error';
import { boundedText, optionalBoundedText } from '../shared/text';
import { DateWindow } from '../time/date-window.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { CaoUnravelSchedule } from '../unravel/cao-unravel-schedule';
import { CaoUnravelScheduleData, ScheduleVersionData } from '../unravel/cao-unravel-schedule.data';
import { UnravelReason } from '../unravel/unravel.errors';
import { versionNotAfterLatest } from './cao-schedule.errors';

export const MAX_SCHEDULE_NAME_LENGTH = 200;
export const MAX_SCHEDULE_SOURCE_LENGTH = 2000;

export interface CreateCaoScheduleProps {
  readonly id: string;
  readonly agencyId: string;
  /** The schedule in the engine's JSON format, `{ name, source, versions }` (docs/unravel.md). */
  readonly raw: unknown;
}

export interface CaoScheduleState {
  readonly id: string;
  readonly agencyId: string;
  readonly name: string;
  readonly source: string;
  /** Normalised by the engine (every default filled in), ascending by `validFrom`. */
  readonly versions: readonly ScheduleVersionData[];
  readonly version: number;
}

/**
 * A CAO unravel schedule of one agency, as staff keep it: the engine's rules, versioned by date.
 * Versions are only ever appended, each valid from a date after the latest one: a declaration
 * that stores the version it was computed with (its `validFrom`) keeps meaning what it meant.
 * Every `validFrom` given lies within the server's `DateWindow` (DATE_OUT_OF_RANGE): a version
 * valid from 9999-12-31 would leave no room for the next one.
 * The name is unique within the agency; the store enforces that (a constraint), not this class.
 */
export class CaoSchedule {
  private constructor(
    private state: CaoScheduleState,
    /** The engine's parsed (and compiled) form; parsed on first use when not handed in. */
    private parsed: CaoUnravelSchedule | undefined,
    private readonly parse?: () => CaoUnravelSchedule,
  ) {}

  /** Problems by path of the raw schedule: `name`, `source`, `versions[0].ortWindows[2].from`, … */
  static create(props: CreateCaoScheduleProps, window: DateWindow): CaoSchedule {
    const problems = new ProblemCollector();
    const raw = boundNameAndSource(problems, props.raw);
    const parsed = attemptUnprefixed(problems, () => CaoUnravelSchedule.parse(raw));
    rawVersionsOf(raw).forEach((version, i) => checkValidFrom(problems, `versions[${i}].validFrom`, version, window));
    problems.throwIfAny();
    const data = parsed!.data;
    return new CaoSchedule(
      { id: props.id, agencyId: props.agencyId, name: data.name, source: data.source, versions: data.versions, version: 1 },
      parsed,
    );
  }

  /**
   * For mappers: the stored state, and optionally how to get its parsed form (a repository
   * keeps parsed schedules, since parsing costs a fraction of a millisecond).
   */
  static rehydrate(state: CaoScheduleState, parse?: () => CaoUnravelSchedule): CaoSchedule {
    return new CaoSchedule({ ...state, versions: [...state.versions] }, undefined, parse);
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get name(): string { return this.state.name; }
  get source(): string { return this.state.source; }
  get versions(): readonly ScheduleVersionData[] { return this.state.versions; }
  get version(): number { return this.state.version; }

  /** The `validFrom` of the latest version. */
  get latestValidFrom(): string {
    return this.state.versions[this.state.versions.length - 1].validFrom;
  }

  /** The schedule as the engine reads it (to unravel a week). */
  get unravelSchedule(): CaoUnravelSchedule {
    this.parsed ??= this.parse ? this.parse() : CaoUnravelSchedule.parse(this.toData());
    return this.parsed;
  }

  /**
   * Appends a version (the engine's JSON format of one version). The whole schedule is checked
   * with it; its `validFrom` must come after the latest one's (SCHEDULE_VERSION_NOT_AFTER_LATEST):
   * earlier versions are never changed, and it lies within `window` (DATE_OUT_OF_RANGE). Problems
   * by path relative to the version (`validFrom`, `ortWindows[1].from`), all at once.
   */
  addVersion(rawVersion: unknown, window: DateWindow): void {
    const index = this.state.versions.length;
    const problems = new ProblemCollector();
    const parsed = attemptUnprefixed(problems, () => CaoUnravelSchedule.parse({ ...this.toData(), versions: [...this.state.versions, rawVersion] }));
    const ofVersion = problems.problems.map((p) => this.ofNewVersion(p, `versions[${index}]`));
    const outOfWindow = new ProblemCollector();
    checkValidFrom(outOfWindow, 'validFrom', rawVersion, window);
    if (ofVersion.length + outOfWindow.problems.length > 0) throw new ValidationError([...ofVersion, ...outOfWindow.problems]);
    this.state = { ...this.state, versions: parsed!.data.versions };
    this.parsed = parsed!;
  }

  withVersion(version: number): CaoSchedule {
    return new CaoSchedule({ ...this.state, version }, this.parsed, this.parse);
  }

  toData(): CaoUnravelScheduleData {
    return { name: this.state.name, source: this.state.source, versions: this.state.versions };
  }

  toState(): CaoScheduleState {
    return { ...this.state };
  }

  /** A problem of the schedule with the new version at `prefix`, made relative to that version. */
  private ofNewVersion(problem: Problem, prefix: string): Problem {
    if (problem.path !== prefix && !problem.path.startsWith(`${prefix}.`)) return problem;
    const path = problem.path.slice(prefix.length + 1);
    if (path === 'validFrom' && problem.reason === UnravelReason.VERSIONS_OUT_OF_ORDER) {
      return versionNotAfterLatest(String(problem.params?.validFrom ?? ''), this.latestValidFrom);
    }
    return { ...problem, path };
  }
}

/** Name and source are bounded, single-line text (trimmed); their other problems are the engine's. */
function boundNameAndSource(problems: ProblemCollector, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const record = raw as Readonly<Record<string, unknown>>;
  const bounded = { ...record };
  if (typeof record.name === 'string') {
    bounded.name = problems.attempt('name', () => boundedText(record.name as string, { max: MAX_SCHEDULE_NAME_LENGTH })) ?? record.name;
  }
  if (typeof record.source === 'string') {
    bounded.source =
      problems.attempt('source', () => optionalBoundedText(record.source as string, { max: MAX_SCHEDULE_SOURCE_LENGTH }) ?? '') ?? record.source;
  }
  return bounded;
}

/** The raw versions as given, when they are a list (anything else is the engine's problem). */
function rawVersionsOf(raw: unknown): readonly unknown[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const versions = (raw as Readonly<Record<string, unknown>>).versions;
  return Array.isArray(versions) ? versions : [];
}

/** DATE_OUT_OF_RANGE at `path` for a `validFrom` that is a date outside `window`; a malformed one is the engine's problem. */
function checkValidFrom(problems: ProblemCollector, path: string, rawVersion: unknown, window: DateWindow): void {
  if (typeof rawVersion !== 'object' || rawVersion === null) return;
  const validFrom = (rawVersion as Readonly<Record<string, unknown>>).validFrom;
  if (typeof validFrom !== 'string' || validFrom.length !== 10) return;
  let date: LocalDate;
  try {
    date = LocalDate.parse(validFrom);
  } catch {
    return;
  }
  problems.attempt(path, () => window.check(date));
}
