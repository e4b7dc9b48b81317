import { PAYROLL_EXPORT_STATUSES, PayrollExport, PayrollExportStatus } from '../../domain/payroll/payroll-export.entity';
import { ValidationError } from '../../domain/shared/domain-error';
import { DeclarationExportRef, PayrollExportLine } from '../ports/payroll-export.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, PageRequest, pageQuery } from '../shared/pagination';
import { exportNotFound, PayrollDeps } from './payroll-deps';

/** Who reads exports: the payroll system, and the agency's staff (who see which export took which week). */
const READERS = ['PAYROLL', 'AGENCY_STAFF'] as const;

/** Up to this many lines in one page over GraphQL; the streaming download has no limit. */
export const MAX_LINE_PAGE_SIZE = 1000;

export class GetPayrollExport {
  constructor(private readonly deps: PayrollDeps) {}

  async execute(actor: Actor, input: { id: string }): Promise<PayrollExport> {
    requireRole(actor, ...READERS);
    const found = await this.deps.exports.findById(actor.agencyId, input.id);
    if (!found) throw exportNotFound(input.id);
    return found;
  }
}

export interface ListPayrollExportsInput extends PageRequest {
  readonly status?: string | null;
}

/** The agency's exports, newest first. */
export class ListPayrollExports {
  constructor(private readonly deps: PayrollDeps) {}

  async execute(actor: Actor, input: ListPayrollExportsInput = {}): Promise<Page<PayrollExport>> {
    requireRole(actor, ...READERS);
    const page = pageQuery(input);
    const status = input.status ?? undefined;
    if (status !== undefined && !PAYROLL_EXPORT_STATUSES.includes(status as PayrollExportStatus)) {
      throw ValidationError.of('filter.status', 'STATUS_UNKNOWN', `Expected one of ${PAYROLL_EXPORT_STATUSES.join(', ')}`, { allowed: PAYROLL_EXPORT_STATUSES.join(', ') });
    }
    return this.deps.exports.list(actor.agencyId, { status: status as PayrollExportStatus | undefined, now: this.deps.clock.now() }, page);
  }
}

/** A page of an export's lines, in the order of the streaming download; the BSN only to payroll where the agency allows it. */
export class ListPayrollExportLines {
  constructor(private readonly deps: PayrollDeps) {}

  async execute(actor: Actor, input: { exportId: string } & PageRequest): Promise<Page<PayrollExportLineWithBsn>> {
    const page = pageQuery(input, MAX_LINE_PAGE_SIZE);
    await new GetPayrollExport(this.deps).execute(actor, { id: input.exportId });
    const lines = await this.deps.exports.linesPage(actor.agencyId, input.exportId, page);
    return { ...lines, items: await withBsns(this.deps, actor, lines.items) };
  }
}

export type PayrollExportLineWithBsn = PayrollExportLine & { readonly bsn: string | null };

/**
 * Every line of an export in order, as batches from a database cursor (for the CSV and NDJSON
 * downloads). Checked before the first line: who asks and that the export is theirs.
 */
export class StreamPayrollExportLines {
  constructor(private readonly deps: PayrollDeps) {}

  async execute(actor: Actor, input: { exportId: string; batchSize?: number }): Promise<{ payrollExport: PayrollExport; batches: AsyncIterable<readonly PayrollExportLineWithBsn[]> }> {
    const payrollExport = await new GetPayrollExport(this.deps).execute(actor, { id: input.exportId });
    // The BSNs first (one read for every worker of the export): while the lines stream, the cursor has the database.
    const workers = await this.deps.exports.workersOf(actor.agencyId, input.exportId);
    const bsns = workers.length === 0 ? new Map<string, string | null>() : await this.deps.bsns.execute(actor, { flexworkerIds: workers });
    const source = this.deps.exports.streamLines(actor.agencyId, input.exportId, input.batchSize ?? 2000);
    async function* batches(): AsyncIterable<readonly PayrollExportLineWithBsn[]> {
      for await (const batch of source) yield batch.map((line) => ({ ...line, bsn: bsns.get(line.flexworkerId) ?? null }));
    }
    return { payrollExport, batches: batches() };
  }
}

/** For staff's view of a week: which exports hold each declaration. Others see none. */
export class ExportsOfDeclarations {
  constructor(private readonly deps: PayrollDeps) {}

  async execute(actor: Actor, input: { declarationIds: readonly string[] }): Promise<DeclarationExportRef[][]> {
    if (actor.role !== 'AGENCY_STAFF' && actor.role !== 'PAYROLL') return input.declarationIds.map(() => []);
    const refs = await this.deps.exports.exportsOfDeclarations(actor.agencyId, input.declarationIds);
    return input.declarationIds.map((id) => refs.filter((r) => r.declarationId === id));
  }
}

async function withBsns(deps: PayrollDeps, actor: Actor, lines: readonly PayrollExportLine[]): Promise<PayrollExportLineWithBsn[]> {
  const bsns = lines.length === 0 ? new Map<string, string | null>() : await deps.bsns.execute(actor, { flexworkerIds: [...new Set(lines.map((l) => l.flexworkerId))] });
  return lines.map((line) => ({ ...line, bsn: bsns.get(line.flexworkerId) ?? null }));
}
