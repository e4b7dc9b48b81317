/**
 * What payroll is owed for one week, as the difference between what it booked and what holds now.
 *
 * Payroll books declaration versions through confirmed exports. For each week at most one version
 * is booked at a time; when staff correct a booked week, the next export reverses the booked
 * version (its lines with negative minutes) and pays the new one, both pointing at what they
 * correct. So the sum of all confirmed exports is always exactly the current hours.
 */

export interface BookedVersion {
  readonly declarationId: string;
  /** The confirmed export that booked it. */
  readonly exportId: string;
}

export interface WeekPayrollState {
  readonly timesheetId: string;
  /** The week's current declaration when it is approved and within the export's moment; else null. */
  readonly approvedDeclarationId: string | null;
  /** The version booked by confirmed exports, if any. */
  readonly booked: BookedVersion | null;
  /** An export that is still PENDING holds this week: a newer difference waits until it is confirmed or cancelled. */
  readonly heldByPendingExport: boolean;
}

export interface ExportItem {
  readonly timesheetId: string;
  readonly declarationId: string;
  /** +1: pay the version's lines; -1: reverse them. */
  readonly sign: 1 | -1;
  /** The booked version this item replaces, for a correction; null for a week paid for the first time. */
  readonly corrects: BookedVersion | null;
}

/** The items an export takes for a week: nothing, the version to pay, or a reversal and the version that replaces it. */
export function itemsForWeek(week: WeekPayrollState): ExportItem[] {
  if (week.heldByPendingExport || week.approvedDeclarationId === null) return [];
  const { booked, approvedDeclarationId: current, timesheetId } = week;
  if (booked === null) return [{ timesheetId, declarationId: current, sign: 1, corrects: null }];
  if (booked.declarationId === current) return [];
  return [
    { timesheetId, declarationId: booked.declarationId, sign: -1, corrects: booked },
    { timesheetId, declarationId: current, sign: 1, corrects: booked },
  ];
}
