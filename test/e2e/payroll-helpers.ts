import { GqlResponse, TestApp } from '../support/test-app';
import { dataOf } from './e2e-helpers';

/* The payroll operations over HTTP, as an integrator sends them (docs/payroll.md). */

export const EXPORT_FIELDS = `id number status idempotencyKey upTo createdAt expiresAt confirmedAt cancelledAt createdById
  declarationCount reversalCount lineCount totalMinutes csvPath ndjsonPath`;
export const LINE_FIELDS = `sign flexworkerId payrollNumber workerName bsn placementId costCentre purchaseOrderReference relationId relationName
  timesheetId week date hourCode kind percentage minutes scheduleVersion declarationId declarationNumber correctsExportId correctsDeclarationId count`;

export interface ExportNode {
  id: string;
  number: number;
  status: string;
  idempotencyKey: string;
  upTo: string;
  createdAt: string;
  expiresAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  createdById: string;
  declarationCount: number;
  reversalCount: number;
  lineCount: number;
  totalMinutes: number;
  csvPath: string;
  ndjsonPath: string;
}

export interface LineNode {
  sign: number;
  flexworkerId: string;
  payrollNumber: string | null;
  workerName: string;
  bsn: string | null;
  placementId: string;
  costCentre: string | null;
  purchaseOrderReference: string | null;
  relationId: string;
  relationName: string;
  timesheetId: string;
  week: string;
  date: string;
  hourCode: string;
  kind: string;
  percentage: number;
  minutes: number;
  scheduleVersion: string | null;
  declarationId: string;
  declarationNumber: number;
  correctsExportId: string | null;
  correctsDeclarationId: string | null;
  count: number | null;
}

export function createExportRequest(t: TestApp, apiKey: string, input: { idempotencyKey: string; upTo?: string }): Promise<GqlResponse<{ createPayrollExport: { payrollExport: ExportNode; created: boolean } }>> {
  return t.gql(
    `mutation ($input: CreatePayrollExportInput!) { createPayrollExport(input: $input) { created payrollExport { ${EXPORT_FIELDS} } } }`,
    { input },
    { token: apiKey },
  );
}

export async function createExport(t: TestApp, apiKey: string, idempotencyKey: string): Promise<{ payrollExport: ExportNode; created: boolean }> {
  return dataOf(await createExportRequest(t, apiKey, { idempotencyKey })).createPayrollExport;
}

export function settleRequest(t: TestApp, token: string, step: 'confirm' | 'cancel', exportId: string): Promise<GqlResponse<Record<string, { payrollExport: ExportNode }>>> {
  const name = step === 'confirm' ? 'confirmPayrollExport' : 'cancelPayrollExport';
  const input = step === 'confirm' ? 'ConfirmPayrollExportInput' : 'CancelPayrollExportInput';
  return t.gql(`mutation ($input: ${input}!) { ${name}(input: $input) { payrollExport { ${EXPORT_FIELDS} } } }`, { input: { exportId } }, { token });
}

export async function settle(t: TestApp, token: string, step: 'confirm' | 'cancel', exportId: string): Promise<ExportNode> {
  const response = await settleRequest(t, token, step, exportId);
  return Object.values(dataOf(response))[0].payrollExport;
}

/** Every line of an export over GraphQL, page by page. */
export async function allLines(t: TestApp, token: string, exportId: string, pageSize = 1000): Promise<LineNode[]> {
  const lines: LineNode[] = [];
  let after: string | null = null;
  for (;;) {
    const response: GqlResponse<{ payrollExport: { lines: { nodes: LineNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }> = await t.gql(
      `query ($id: ID!, $first: Int, $after: String) { payrollExport(id: $id) { lines(first: $first, after: $after) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } } } }`,
      { id: exportId, first: pageSize, after },
      { token },
    );
    const page = dataOf(response).payrollExport.lines;
    lines.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return lines;
    after = page.pageInfo.endCursor;
  }
}

/** Minutes per worker, date and hour code. */
export function sumsOf(lines: readonly { flexworkerId: string; date: string; hourCode: string; minutes: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.flexworkerId} ${line.date} ${line.hourCode}`;
    const sum = (sums.get(key) ?? 0) + line.minutes;
    if (sum === 0) sums.delete(key);
    else sums.set(key, sum);
  }
  return sums;
}
