import { DemoTokens, GraphqlRequest, dataOf, graphqlRequest } from './api-client';

/*
 * The requests `npm run bench:api` loads, each as the front end sends it: the documents below,
 * with the demo's weeks found over GraphQL (their ids and versions change with the day the demo
 * was seeded).
 */

export const BARE = '{ __typename }';

export const VIEWER = 'query Viewer { viewer { role language } }';

/** The worker's week screen: the week, the days as entered, and the hours as lines with their explanations and totals. */
export const WEEK = `query Week($id: ID!) {
  timesheet(id: $id) {
    id week weekStart weekEnd status version editable enteredBy approvalDeadline expectedPayDate late
    placement { id functionName }
    relation { id name }
    rejection { reason rejectedAt }
    days { date weekday mode total blocks { start end } breakDuration breaks { start end } hours { hourCode hours } workedHours }
    preview {
      workedHours
      days {
        date workedHours
        lines { date from to hourCode kind percentage label hours explanation { key text } }
        adjustments { explanation { text } }
        notApplied { explanation { text } }
      }
      totalsByKind { kind label hours minutes }
      totals { hourCode kind percentage label hours }
    }
  }
}`;

/** Staff's week overview: the first 50 weeks of the agency with worker, relation and totals. */
export const OVERVIEW = `query Overview {
  timesheets(first: 50) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id week status version late expectedPayDate approvedByWorkerAt approvedByRelationAt
      flexworker { id fullName }
      relation { id name }
      placement { id functionName }
      preview { workedHours totalsByKind { kind label hours } }
    }
  }
}`;

/** The contact's approval inbox: the declarations awaiting the relation, with their lines. */
export const INBOX = `query Inbox {
  declarationsAwaitingApproval(first: 50) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id week weekStart number status approvedByWorkerAt
      flexworker { id fullName }
      placement { id functionName }
      breakdown {
        workedHours
        totalsByKind { kind label hours }
        days { date lines { hourCode kind hours explanation { text } } }
      }
    }
  }
}`;

/** "Alleen opslaan": the week's days again, with the version read; the answer carries the new version and the preview. */
export const SAVE = `mutation Save($input: SaveTimesheetInput!) {
  saveTimesheet(input: $input) {
    timesheet { id version status preview { workedHours totalsByKind { kind hours } } }
  }
}`;

const ANA_WEEKS = `query AnaWeeks {
  timesheets(first: 100) {
    nodes {
      id week status version
      days { date mode total blocks { start end } breakDuration breaks { start end } hours { hourCode hours } }
      preview { days { lines { kind } } }
    }
  }
}`;

interface Block {
  start: string;
  end: string;
}
interface DayRow {
  date: string;
  mode: 'TOTAL' | 'TIMES' | 'HOUR_CODES';
  total: string | null;
  blocks: Block[];
  breakDuration: string | null;
  breaks: Block[];
  hours: { hourCode: string; hours: string }[];
}
interface WeekRow {
  id: string;
  week: string;
  status: string;
  version: number;
  days: DayRow[];
  preview: { days: { lines: unknown[] }[] } | null;
}

export interface DemoWeeks {
  /** Ana's approved week whose lines come nearest 16 (the newest of equals). */
  readonly approved: { readonly id: string; readonly week: string; readonly lines: number };
  /** Ana's open week with saved days (her draft), to save again as it is. */
  readonly open: { readonly id: string; readonly week: string; readonly version: number; readonly days: readonly Record<string, unknown>[] };
}

const TARGET_LINES = 16;

export async function findDemoWeeks(url: string, tokens: DemoTokens): Promise<DemoWeeks> {
  const data = await dataOf(url, graphqlRequest(ANA_WEEKS, undefined, tokens.worker), "Ana's weeks");
  const weeks = (data.timesheets as { nodes: WeekRow[] }).nodes; // latest first
  const lines = (w: WeekRow) => (w.preview?.days ?? []).reduce((n, d) => n + d.lines.length, 0);
  const approved = weeks
    .filter((w) => w.status === 'APPROVED')
    .reduce<WeekRow | undefined>((best, w) => (!best || Math.abs(lines(w) - TARGET_LINES) < Math.abs(lines(best) - TARGET_LINES) ? w : best), undefined);
  const open = weeks.find((w) => w.status === 'OPEN' && w.days.length > 0);
  if (!approved) throw new Error(`Ana has no APPROVED week: ${weeks.map((w) => `${w.week} ${w.status}`).join(', ')}`);
  if (!open) throw new Error(`Ana has no OPEN week with saved days: ${weeks.map((w) => `${w.week} ${w.status}`).join(', ')}`);
  return {
    approved: { id: approved.id, week: approved.week, lines: lines(approved) },
    open: { id: open.id, week: open.week, version: open.version, days: open.days.map(dayInput) },
  };
}

/** A day as read back, in the form saveTimesheet takes it (exactly one way of entering it). */
function dayInput(day: DayRow): Record<string, unknown> {
  if (day.mode === 'TOTAL') return { date: day.date, total: day.total };
  if (day.mode === 'HOUR_CODES') return { date: day.date, hours: day.hours };
  return day.breaks.length > 0
    ? { date: day.date, blocks: day.blocks, breaks: day.breaks }
    : { date: day.date, blocks: day.blocks, ...(day.breakDuration ? { breakDuration: day.breakDuration } : {}) };
}

/**
 * Saving one week from many connections at once: every save must send the version the week has
 * now, so the version is read from each answer (the new one, or the current one a STALE_VERSION
 * conflict reports) and the next request sends the highest seen. Saves in flight at the same
 * moment still race for that version; those that lose are counted as conflicts, not errors.
 */
export class SavedWeek {
  private version: number;
  saves = 0;
  conflicts = 0;

  constructor(private readonly week: DemoWeeks['open'], private readonly token: string) {
    this.version = week.version;
  }

  request(): GraphqlRequest {
    return graphqlRequest(SAVE, { input: { timesheetId: this.week.id, expectedVersion: this.version, days: this.week.days } }, this.token);
  }

  /** Reads the version from an answer; says whether it was a save, a conflict or something else. */
  observe(body: string): 'saved' | 'conflict' | 'other' {
    try {
      const json = JSON.parse(body) as { data?: { saveTimesheet?: { timesheet: { version: number } } }; errors?: { extensions?: { reason?: string; params?: { actual?: number } } }[] };
      const saved = json.data?.saveTimesheet?.timesheet.version;
      if (saved !== undefined) {
        this.version = Math.max(this.version, saved);
        this.saves++;
        return 'saved';
      }
      const error = json.errors?.[0]?.extensions;
      // Found at the read, the conflict says the current version; found by the UPDATE's row count, it does not.
      if (error?.reason === 'STALE_VERSION') {
        if (typeof error.params?.actual === 'number') this.version = Math.max(this.version, error.params.actual);
        this.conflicts++;
        return 'conflict';
      }
    } catch {
      // not JSON: counted as an error by the caller
    }
    return 'other';
  }
}
