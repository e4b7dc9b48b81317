import { DateTime } from 'luxon';
import { GqlResponse, RequestOptions, TestApp } from '../support/test-app';
import { postGraphql } from './recording-app';

/*
 * The load of shutdown-under-load.test.ts: workers who open, save twice and approve their weeks
 * one after another, and a relation contact who approves whatever waits, all at once against a
 * server that is told to stop in the middle. Every write is recorded with what was sent and what
 * came back, so that the data after a restart can be held against every acknowledged write.
 */

export interface Day {
  readonly date: string;
  readonly hours: { hourCode: string; hours: string }[];
}

export interface Week {
  readonly week: string;
  readonly monday: string;
}

/** What a write got back: acknowledged (HTTP 200 with data), refused (an answer with errors), or lost (no answer). */
export type Outcome<T> = { kind: 'acked'; data: T } | { kind: 'refused'; status: number; errors: unknown } | { kind: 'lost'; error: string };

export interface TimesheetState {
  readonly id: string;
  readonly status: string;
  readonly version: number;
  readonly days: Day[];
  readonly currentDeclaration: { id: string; status: string; days: Day[] } | null;
}

export interface WriteRecord {
  readonly actor: string;
  readonly kind: 'open' | 'save' | 'approve' | 'relationApprove';
  /** Given for writes on a known week; an acknowledged open sets it. */
  timesheetId?: string;
  readonly sentDays?: Day[];
  readonly declarationIds?: string[];
  outcome?: Outcome<unknown>;
  /** The timesheet as the acknowledgement showed it (open, save, approve). */
  acked?: TimesheetState;
}

const DAYS_FIELDS = 'days { date hours { hourCode hours } }';
export const TIMESHEET_STATE = `id status version ${DAYS_FIELDS} currentDeclaration { id status ${DAYS_FIELDS} }`;

/** e2e-helpers take a TestApp but only call its `gql`: the child server behind that face. */
export function helpersFace(url: string): TestApp {
  const face: Pick<TestApp, 'gql' | 'url'> = { url, gql: (query, variables, options) => postGraphql(url, query, variables, options ?? {}) };
  return face as TestApp;
}

/** The `count` ISO weeks before the current one (Europe/Amsterdam), oldest first. */
export function pastWeeks(count: number): Week[] {
  const now = DateTime.now().setZone('Europe/Amsterdam').startOf('week');
  return Array.from({ length: count }, (_, i) => {
    const monday = now.minus({ weeks: count - i });
    return { week: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`, monday: monday.toISODate()! };
  });
}

/** Monday to Friday with H100 hours that differ from write to write (so the stored week names its write). */
export function daysFor(week: Week, write: number): Day[] {
  const hours = `${6 + (write % 3)}:${['00', '15', '30', '45'][write % 4]}`;
  const monday = DateTime.fromISO(week.monday);
  return Array.from({ length: 5 }, (_, i) => ({ date: monday.plus({ days: i }).toISODate()!, hours: [{ hourCode: 'H100', hours }] }));
}

/** Days as comparable values: only days with hours, hours in minutes. */
export function normalDays(days: Day[]): { date: string; minutes: Record<string, number> }[] {
  return days
    .filter((d) => d.hours.length > 0)
    .map((d) => ({ date: d.date, minutes: Object.fromEntries(d.hours.map((h) => [h.hourCode, minutesOf(h.hours)])) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

function minutesOf(hours: string): number {
  const [h, m] = hours.split(':').map(Number);
  return h * 60 + m;
}

/** Sends one write and records it; true when it was acknowledged. */
export async function write<T>(
  records: WriteRecord[],
  record: WriteRecord,
  url: string,
  query: string,
  variables: object,
  options: RequestOptions,
  pick?: (data: T) => TimesheetState,
): Promise<T | undefined> {
  records.push(record);
  let response: GqlResponse<T>;
  try {
    response = await postGraphql<T>(url, query, variables, { ...options, timeoutMs: 20_000 });
  } catch (error) {
    record.outcome = { kind: 'lost', error: String((error as Error).cause ?? error) };
    return undefined;
  }
  if (response.status !== 200 || response.body.errors || !response.body.data) {
    record.outcome = { kind: 'refused', status: response.status, errors: response.body.errors };
    return undefined;
  }
  record.outcome = { kind: 'acked', data: response.body.data };
  if (pick) record.acked = pick(response.body.data);
  record.timesheetId ??= record.acked?.id;
  return response.body.data;
}

/**
 * What a timesheet may hold after the restart, from the worker's side: the state its last
 * acknowledged write showed or, when the worker's last write (no answer) was on it, the state
 * that write would have made. A relation's approval on top is checked apart.
 */
export function allowedStates(records: WriteRecord[], timesheetId: string): { status: string; version: number; days: ReturnType<typeof normalDays> }[] {
  const mine = records.filter((r) => r.timesheetId === timesheetId && r.kind !== 'relationApprove');
  const acked = mine.filter((r) => r.outcome?.kind === 'acked');
  const last = acked[acked.length - 1]?.acked;
  if (!last) throw new Error(`no acknowledged write on ${timesheetId}`);
  const states = [{ status: last.status, version: last.version, days: normalDays(last.days) }];
  const unanswered = mine[mine.length - 1];
  if (unanswered.outcome?.kind !== 'acked' && unanswered.sentDays) {
    states.push({ status: unanswered.kind === 'approve' ? 'SUBMITTED' : 'OPEN', version: last.version + 1, days: normalDays(unanswered.sentDays) });
  }
  return states;
}
