import { GqlResponse, TestApp } from '../support/test-app';
import { dataOf, unwrapPayload } from './e2e-helpers';

/*
 * CAO unravel schedules over GraphQL: the engine's JSON as the GraphQL input (an ORT window's
 * percentage table becomes `percentageByDay`), and the output back as the engine's JSON.
 */

const TIERS = 'tiers { after percentage hourCode windows { days from to percentage hourCode } }';
export const SCHEDULE_FIELDS = `id name source version versions {
  validFrom hourCodes { normal extra } breakPlacement { mode after }
  holidays { nationalDays liberationDay countOnWeekend extraDays } ortOverlap overtimeWithOrt
  ortWindows { id: ruleId days from to percentage percentageByDay { day percentage } hourCode }
  dailyOvertime { id: ruleId days per ${TIERS} } weeklyOvertime { id: ruleId countedDays ${TIERS} }
  weekdayOvertime { id: ruleId days percentage hourCode } shiftSurcharges { id: ruleId days from to percentage hourCode condition { kind over } }
  minimumBreaks { id: ruleId tiers { over atLeast } } minimumPayPerCall { id: ruleId minimum hourCode }
  settlementPeriod { id: ruleId calendar { kind weeks } normalPerWeekday tiers { over percentage hourCode } }
  allowances { id: ruleId hourCode kind atLeast gapOver days } }`;

export const CREATE_SCHEDULE = `mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { ${SCHEDULE_FIELDS} } } }`;
export const ADD_SCHEDULE_VERSION = `mutation ($input: AddCaoUnravelScheduleVersionInput!) { addCaoUnravelScheduleVersion(input: $input) { caoUnravelSchedule { ${SCHEDULE_FIELDS} } } }`;

type Json = Record<string, unknown>;

export interface ScheduleNode {
  id: string;
  name: string;
  source: string;
  version: number;
  versions: Json[];
}

/** A version in the engine's format as a CaoUnravelScheduleVersionInput. */
export function versionInput(version: Json): Json {
  const windows = (version.ortWindows as Json[] | undefined)?.map((w) =>
    typeof w.percentage === 'object' && w.percentage !== null
      ? { ...w, percentage: undefined, percentageByDay: Object.entries(w.percentage).map(([day, percentage]) => ({ day, percentage })) }
      : w,
  );
  return windows ? { ...version, ortWindows: windows } : version;
}

/** A schedule in the engine's format as a CreateCaoUnravelScheduleInput. */
export function scheduleInput(schedule: Json): Json {
  return { ...schedule, versions: (schedule.versions as Json[]).map(versionInput) };
}

/** The output as the engine's (normalised) JSON. */
export function engineData(node: ScheduleNode): Json {
  return {
    name: node.name,
    source: node.source,
    versions: node.versions.map((v) => ({
      ...v,
      breakPlacement: (v.breakPlacement as Json).mode === 'AFTER_WORKED' ? v.breakPlacement : { mode: (v.breakPlacement as Json).mode },
      ortWindows: (v.ortWindows as Json[]).map(({ percentageByDay, percentage, ...w }) => ({
        ...w,
        percentage: percentageByDay === null ? percentage : Object.fromEntries((percentageByDay as Json[]).map((e) => [e.day, e.percentage])),
      })),
      shiftSurcharges: (v.shiftSurcharges as Json[]).map(({ condition, ...s }) => ({
        ...s,
        condition: (condition as Json).kind === 'MINUTES_INSIDE' ? condition : { kind: (condition as Json).kind },
      })),
      settlementPeriod: v.settlementPeriod === null ? null : withoutNulls({
        ...(v.settlementPeriod as Json), calendar: withoutNulls((v.settlementPeriod as Json).calendar as Json),
      }),
      // Each allowance kind has its one field; the others are null in the output and absent in the engine's JSON.
      allowances: (v.allowances as Json[]).map(withoutNulls),
    })),
  };
}

function withoutNulls(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null));
}

export function createSchedule(t: TestApp, token: string, schedule: Json): Promise<GqlResponse<{ createCaoUnravelSchedule: ScheduleNode }>> {
  return unwrapPayload(t.gql(CREATE_SCHEDULE, { input: scheduleInput(schedule) }, { token }), 'createCaoUnravelSchedule', 'caoUnravelSchedule');
}

/** A small valid schedule, stored; its node. */
export async function aStoredSchedule(t: TestApp, token: string, name: string): Promise<ScheduleNode> {
  const schedule = {
    name,
    versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' }, weekdayOvertime: [{ days: ['SUN'], percentage: 200, hourCode: 'OW200' }] }],
  };
  return dataOf(await createSchedule(t, token, schedule)).createCaoUnravelSchedule;
}
