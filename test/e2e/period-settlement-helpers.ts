import { TestApp, unique } from '../support/test-app';
import { createSchedule, ScheduleNode } from './cao-schedule-helpers';
import { dataOf } from './e2e-helpers';
import { approveDeclarations, approveWeek, BreakdownNode, DayInput, DECLARATION_FIELDS, DeclarationNode, timesheetForWeek, TimesheetNode } from './week-helpers';

/*
 * Helpers of the settlement-period suite (issue 13, rule 1): a schedule that settles overtime over
 * blocks of four ISO weeks, the declarations of a week with their settlement, and a week saved and
 * approved by the worker and then the relation.
 */

/** Normal 8:00 per weekday over four ISO weeks; overtime 130 % for the first 8:00 over, 150 % beyond. */
export const FOUR_WEEK_SCHEDULE = {
  versions: [
    {
      validFrom: '2026-01-01',
      hourCodes: { normal: 'U100' },
      settlementPeriod: {
        id: 'vierweken',
        calendar: { kind: 'ISO_WEEKS', weeks: 4 },
        normalPerWeekday: '8:00',
        tiers: [
          { over: '0:00', percentage: 130, hourCode: 'PO130' },
          { over: '8:00', percentage: 150, hourCode: 'PO150' },
        ],
      },
    },
  ],
};

export async function createFourWeekSchedule(t: TestApp, staffToken: string): Promise<ScheduleNode> {
  return dataOf(await createSchedule(t, staffToken, { name: unique('Vierwekenperiode '), ...FOUR_WEEK_SCHEDULE })).createCaoUnravelSchedule;
}

export const SETTLEMENT_FIELDS = `rule { scheduleVersion rule } from to weeks { week countedMinutes countedHours }
  normalMinutes normalHours countedMinutes countedHours overtimeMinutes overtimeHours`;
/** A declaration as the week's suite reads it, and its settlement (the two `breakdown` selections merge). */
export const SETTLED_DECLARATION_FIELDS = `${DECLARATION_FIELDS} breakdown { settlement { ${SETTLEMENT_FIELDS} } }`;

export interface SettlementNode {
  rule: { scheduleVersion: string; rule: string };
  from: string;
  to: string;
  weeks: { week: string; countedMinutes: number; countedHours: string }[];
  normalMinutes: number;
  normalHours: string;
  countedMinutes: number;
  countedHours: string;
  overtimeMinutes: number;
  overtimeHours: string;
}

export type SettledDeclarationNode = DeclarationNode & { breakdown: BreakdownNode & { settlement: SettlementNode | null } };

export interface WeekVersions {
  timesheet: TimesheetNode;
  /** Every version, 1 first. */
  declarations: SettledDeclarationNode[];
  auditTrail: { action: string; actorId: string; reason: string | null }[];
}

/** What staff read of a week: its versions and its audit trail. */
export async function weekVersions(t: TestApp, staffToken: string, timesheetId: string): Promise<WeekVersions> {
  const response = await t.gql<{ timesheet: WeekVersions['timesheet'] & { declarations: SettledDeclarationNode[]; auditTrail: WeekVersions['auditTrail'] } }>(
    `query ($id: ID!) { timesheet(id: $id) { id week status version currentDeclaration { id number origin status }
       declarations { ${SETTLED_DECLARATION_FIELDS} } auditTrail { action actorId reason } } }`,
    { id: timesheetId },
    { token: staffToken },
  );
  const { declarations, auditTrail, ...timesheet } = dataOf(response).timesheet;
  return { timesheet: timesheet as TimesheetNode, declarations: [...declarations].sort((a, b) => a.number - b.number), auditTrail };
}

/** `2026-11-29 PO130 30 480`: the PERIOD_OVERTIME lines of a breakdown, in order. */
export function periodLines(breakdown: BreakdownNode): string[] {
  return breakdown.days.flatMap((d) => d.lines).filter((l) => l.kind === 'PERIOD_OVERTIME').map((l) => `${l.date} ${l.hourCode} ${l.percentage} ${l.minutes}`);
}

/** The worker saves and approves the week with these days: the timesheet and its declaration (AWAITING_RELATION). */
export async function workerApproves(t: TestApp, workerToken: string, placementId: string, week: string, days: DayInput[]): Promise<{ timesheetId: string; declarationId: string }> {
  const sheet = await timesheetForWeek(t, workerToken, placementId, week);
  const approved = await approveWeek(t, workerToken, sheet, days);
  expect([approved.status, approved.currentDeclaration.status]).toEqual(['SUBMITTED', 'AWAITING_RELATION']);
  return { timesheetId: approved.id, declarationId: approved.currentDeclaration.id };
}

/** The relation contact approves these declarations in one request: the declarations as answered. */
export async function relationApproves(t: TestApp, contactToken: string, declarationIds: string[]): Promise<DeclarationNode[]> {
  return dataOf(await approveDeclarations(t, contactToken, declarationIds)).approveDeclarations;
}

/** A day entered as a total. */
export const total = (date: string, hours: string): DayInput => ({ date, total: hours });

/** The weekdays of the week starting on `monday` (YYYY-MM-DD, in November 2026 here) at `hours` each. */
export function weekdays(monday: string, hours: string): DayInput[] {
  const start = Number(monday.slice(8, 10));
  return [0, 1, 2, 3, 4].map((i) => total(`${monday.slice(0, 8)}${String(start + i).padStart(2, '0')}`, hours));
}
