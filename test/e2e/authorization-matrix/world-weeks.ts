import { TestApp } from '../../support/test-app';
import { dataOf } from '../e2e-helpers';
import { DayInput } from '../week-helpers';

/*
 * The weeks of a matrix world, made as the people who enter and approve them would (the app's
 * clock stands in 2026-W48). Each operation that changes a week gets a week of its own, so that
 * the one call the matrix allows leaves the weeks of the other operations as they were.
 */

export type WeekKind = 'worker' | 'relation' | 'hidden';

export interface WeekRef {
  readonly id: string;
  readonly version: number;
  readonly week: string;
  readonly monday: string;
  readonly kind: WeekKind;
  readonly placementId: string;
  readonly declarationId: string | null;
}

export interface Weeks {
  /** The worker's placement: submitted, waiting for the relation (nobody decides on it here). */
  readonly waiting: WeekRef;
  /** Submitted, for approveDeclarations, rejectDeclaration and correctDeclaration. */
  readonly toApprove: WeekRef;
  readonly toReject: WeekRef;
  readonly toCorrect: WeekRef;
  /** Approved by the relation, then corrected by staff: two declarations and an audit entry. */
  readonly corrected: WeekRef;
  /** Rejected by the relation: open again, with a rejected declaration. */
  readonly rejected: WeekRef;
  readonly draft: WeekRef;
  readonly toSubmit: WeekRef;
  /** The placement where the relation enters the hours. */
  readonly relationApproved: WeekRef;
  readonly relationDraft: WeekRef;
  readonly relationToSubmit: WeekRef;
  /** The colleague's placement at the other relation. */
  readonly hiddenSubmitted: WeekRef;
  readonly hiddenOpen: WeekRef;
}

export interface WeekTokens {
  readonly worker: string;
  readonly contact: string;
  readonly colleague: string;
  readonly staff: string;
  readonly placementId: string;
  readonly relationPlacementId: string;
  readonly hiddenPlacementId: string;
}

const MONDAYS: Readonly<Record<string, string>> = {
  '2026-W40': '2026-09-28',
  '2026-W41': '2026-10-05',
  '2026-W42': '2026-10-12',
  '2026-W43': '2026-10-19',
  '2026-W44': '2026-10-26',
  '2026-W45': '2026-11-02',
  '2026-W46': '2026-11-09',
  '2026-W47': '2026-11-16',
};

const OPEN = 'query ($placementId: ID!, $week: String!) { timesheetForWeek(placementId: $placementId, week: $week) { id version } }';
const STATE = 'query ($id: ID!) { timesheet(id: $id) { version currentDeclarationId auditTrail { id } } }';
const SAVE = 'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { version } } }';
const SUBMIT = 'mutation ($input: SaveAndApproveTimesheetInput!) { saveAndApproveTimesheet(input: $input) { timesheet { version currentDeclarationId } } }';
const APPROVE = 'mutation ($input: ApproveDeclarationsInput!) { approveDeclarations(input: $input) { declarations { id } } }';
const REJECT = 'mutation ($input: RejectDeclarationInput!) { rejectDeclaration(input: $input) { declaration { id } } }';
const CORRECT = 'mutation ($input: CorrectDeclarationInput!) { correctDeclaration(input: $input) { declaration { id } } }';

type Step = 'open' | 'save' | 'submit';

/** What a save or an approval sends: 8:00 on the week's Monday (a total on Tuesday where the relation enters). */
export function days(kind: WeekKind, monday: string, hours = '8:00'): DayInput[] {
  if (kind !== 'relation') return [{ date: monday, hours: [{ hourCode: 'H100', hours }] }];
  const tuesday = new Date(`${monday}T00:00:00Z`);
  tuesday.setUTCDate(tuesday.getUTCDate() + 1);
  return [{ date: tuesday.toISOString().slice(0, 10), total: hours }];
}

async function week(t: TestApp, token: string, kind: WeekKind, placementId: string, name: string, step: Step): Promise<WeekRef> {
  const opened = dataOf(await t.gql<{ timesheetForWeek: { id: string; version: number } }>(OPEN, { placementId, week: name }, { token })).timesheetForWeek;
  const monday = MONDAYS[name];
  const input = { timesheetId: opened.id, expectedVersion: opened.version, days: days(kind, monday) };
  if (step === 'save') dataOf(await t.gql(SAVE, { input }, { token }));
  if (step === 'submit') dataOf(await t.gql(SUBMIT, { input: { ...input, confirm: true } }, { token }));
  return { id: opened.id, version: opened.version, week: name, monday, kind, placementId, declarationId: null };
}

/** The week as staff read it now: its version, current declaration and audit entries. */
async function current(t: TestApp, staff: string, ref: WeekRef): Promise<{ ref: WeekRef; audit: string[] }> {
  const state = dataOf(
    await t.gql<{ timesheet: { version: number; currentDeclarationId: string | null; auditTrail: { id: string }[] } }>(STATE, { id: ref.id }, { token: staff }),
  ).timesheet;
  return { ref: { ...ref, version: state.version, declarationId: state.currentDeclarationId }, audit: state.auditTrail.map((e) => e.id) };
}

/** Awaits every value of `promises`, keeping the names. */
async function all<T>(promises: Record<string, Promise<T>>): Promise<Record<string, T>> {
  const entries = await Promise.all(Object.entries(promises).map(async ([name, promise]) => [name, await promise] as const));
  return Object.fromEntries(entries);
}

/** The weeks of the worker's placement, then the relation's decisions and staff's correction on two of them. */
async function workerWeeks(t: TestApp, k: WeekTokens): Promise<Record<string, WeekRef>> {
  const made = (name: string, step: Step) => week(t, k.worker, 'worker', k.placementId, name, step);
  const weeks = await all({
    waiting: made('2026-W40', 'submit'),
    toApprove: made('2026-W41', 'submit'),
    toReject: made('2026-W42', 'submit'),
    toCorrect: made('2026-W43', 'submit'),
    corrected: made('2026-W44', 'submit'),
    rejected: made('2026-W45', 'submit'),
    draft: made('2026-W46', 'save'),
    toSubmit: made('2026-W47', 'open'),
  });
  const [corrected, rejected] = await Promise.all([current(t, k.staff, weeks.corrected), current(t, k.staff, weeks.rejected)]);
  await Promise.all([
    t.gql(APPROVE, { input: { declarationIds: [corrected.ref.declarationId] } }, { token: k.contact }).then(dataOf),
    t.gql(REJECT, { input: { declarationId: rejected.ref.declarationId, reason: 'Matrix: not these hours' } }, { token: k.contact }).then(dataOf),
  ]);
  const approved = (await current(t, k.staff, weeks.corrected)).ref;
  const correction = { declarationId: approved.declarationId, expectedVersion: approved.version, days: days('worker', approved.monday, '6:00'), reason: 'Matrix: six hours' };
  dataOf(await t.gql(CORRECT, { input: correction }, { token: k.staff }));
  return weeks;
}

function otherWeeks(t: TestApp, k: WeekTokens): Promise<Record<string, WeekRef>> {
  return all({
    relationApproved: week(t, k.contact, 'relation', k.relationPlacementId, '2026-W45', 'submit'),
    relationDraft: week(t, k.contact, 'relation', k.relationPlacementId, '2026-W46', 'save'),
    relationToSubmit: week(t, k.contact, 'relation', k.relationPlacementId, '2026-W47', 'open'),
    hiddenSubmitted: week(t, k.colleague, 'hidden', k.hiddenPlacementId, '2026-W46', 'submit'),
    hiddenOpen: week(t, k.colleague, 'hidden', k.hiddenPlacementId, '2026-W47', 'open'),
  });
}

/** Every week of the world in its final state, and the ids of its audit entries. */
export async function buildWeeks(t: TestApp, k: WeekTokens): Promise<{ weeks: Weeks; auditEntryIds: string[] }> {
  const [mine, others] = await Promise.all([workerWeeks(t, k), otherWeeks(t, k)]);
  const read = await all(Object.fromEntries(Object.entries({ ...mine, ...others }).map(([name, ref]) => [name, current(t, k.staff, ref)])));
  const weeks = Object.fromEntries(Object.entries(read).map(([name, r]) => [name, r.ref])) as unknown as Weeks;
  return { weeks, auditEntryIds: Object.values(read).flatMap((r) => r.audit) };
}
