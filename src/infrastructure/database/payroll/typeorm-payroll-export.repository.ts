import { DataSource } from 'typeorm';
import { DeclarationExportRef, PayrollExportFilter, PayrollExportLine, PayrollExportRepository } from '../../../application/ports/payroll-export.repository';
import { invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { ExportItem, WeekPayrollState } from '../../../domain/payroll/payroll-difference';
import { PayrollExport, PayrollExportCounts } from '../../../domain/payroll/payroll-export.entity';
import { stale } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isUuid } from '../organisation/keyset-cursor';
import { exportToDomain, LineRow, lineToDomain, PayrollExportRow, refToDomain } from './payroll-export.mapper';
import { ALL_LINES, COUNT_LINES, INSERT_ITEMS, LINES_OF_ITEMS, WEEKS_TO_EXPORT } from './payroll-export.sql';

const EXPORTS = 'payroll-exports';
const LINES = 'payroll-lines';
/** Items go in with one statement per this many: bounded parameters, whatever the export's size. */
const INSERT_CHUNK = 5000;
/** The keyset download reads batchSize / this many items a statement (a declaration has 5 to 10 lines as a rule). */
const LINES_PER_ITEM = 8;

export interface StreamOptions {
  /**
   * `cursor`: a server-side cursor in a read-only transaction of its own (real PostgreSQL).
   * `keyset`: one bounded statement per batch. The embedded PostgreSQL gives an open transaction
   * the floor until it ends, so a cursor there would stop every other request for the length of
   * the download; an export's lines never change, so batches read one after another are the same lines.
   */
  readonly mode: 'cursor' | 'keyset';
}

export class TypeormPayrollExportRepository extends PayrollExportRepository {
  constructor(
    private readonly db: DatabaseContext,
    private readonly stream: StreamOptions,
  ) {
    super();
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.manager().query(sql, params) as Promise<T[]>;
  }

  /** The rows of an UPDATE … RETURNING (TypeORM answers those as [rows, count] on PostgreSQL). */
  private async updateReturning<T>(sql: string, params: unknown[]): Promise<T[]> {
    const result = (await this.db.manager().query(sql, params)) as [T[], number];
    return result[0];
  }

  async lockAgency(agencyId: string): Promise<void> {
    if (!this.db.inTransaction()) throw new Error('the payroll lock is taken inside a unit of work: outside one it would end at once');
    await this.query('INSERT INTO payroll_export_counters (agency_id, last_number) VALUES ($1, 0) ON CONFLICT (agency_id) DO NOTHING', [agencyId]);
    await this.query('SELECT last_number FROM payroll_export_counters WHERE agency_id = $1 FOR UPDATE', [agencyId]);
  }

  async nextNumber(agencyId: string): Promise<number> {
    const rows = await this.updateReturning<{ last_number: number }>(
      'UPDATE payroll_export_counters SET last_number = last_number + 1 WHERE agency_id = $1 RETURNING last_number',
      [agencyId],
    );
    if (rows.length !== 1) throw new Error(`no payroll export counter for agency ${agencyId}: lockAgency first`);
    return rows[0].last_number;
  }

  async findById(agencyId: string, id: string): Promise<PayrollExport | null> {
    if (!isUuid(id)) return null;
    const rows = await this.query<PayrollExportRow>('SELECT * FROM payroll_exports WHERE agency_id = $1 AND id = $2', [agencyId, id]);
    return rows.length === 1 ? exportToDomain(rows[0]) : null;
  }

  async findByIdempotencyKey(agencyId: string, createdBy: string, key: string): Promise<PayrollExport | null> {
    const rows = await this.query<PayrollExportRow>(
      'SELECT * FROM payroll_exports WHERE agency_id = $1 AND created_by = $2 AND idempotency_key = $3',
      [agencyId, createdBy, key],
    );
    return rows.length === 1 ? exportToDomain(rows[0]) : null;
  }

  async findDue(agencyId: string, now: Date): Promise<PayrollExport[]> {
    const rows = await this.query<PayrollExportRow>(
      `SELECT * FROM payroll_exports WHERE agency_id = $1 AND status = 'PENDING' AND expires_at <= $2 ORDER BY number`,
      [agencyId, now],
    );
    return rows.map(exportToDomain);
  }

  async weeksToExport(agencyId: string, upTo: Date): Promise<WeekPayrollState[]> {
    const rows = await this.query<{ timesheet_id: string; declaration_id: string; booked_declaration_id: string | null; booked_export_id: string | null; held: boolean }>(
      WEEKS_TO_EXPORT,
      [agencyId, upTo],
    );
    return rows.map((r) => ({
      timesheetId: r.timesheet_id,
      approvedDeclarationId: r.declaration_id,
      booked: r.booked_declaration_id !== null && r.booked_export_id !== null ? { declarationId: r.booked_declaration_id, exportId: r.booked_export_id } : null,
      heldByPendingExport: r.held,
    }));
  }

  async countLines(agencyId: string, items: readonly ExportItem[]): Promise<Pick<PayrollExportCounts, 'lineCount' | 'totalMinutes'>> {
    if (items.length === 0) return { lineCount: 0, totalMinutes: 0 };
    const [row] = await this.query<{ line_count: number; total_minutes: string }>(COUNT_LINES, [
      agencyId,
      items.map((i) => i.declarationId),
      items.map((i) => i.sign),
    ]);
    return { lineCount: row.line_count, totalMinutes: Number(row.total_minutes) };
  }

  async insert(payrollExport: PayrollExport, items: readonly ExportItem[]): Promise<void> {
    const s = payrollExport.toState();
    await this.query(
      `INSERT INTO payroll_exports (id, agency_id, number, created_by, idempotency_key, up_to, up_to_given, status, created_at, expires_at,
         declaration_count, reversal_count, line_count, total_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [s.id, s.agencyId, s.number, s.createdBy, s.idempotencyKey, s.upTo, s.upToGiven, s.status, s.createdAt, s.expiresAt,
        s.declarationCount, s.reversalCount, s.lineCount, s.totalMinutes],
    );
    for (let offset = 0; offset < items.length; offset += INSERT_CHUNK) {
      const chunk = items.slice(offset, offset + INSERT_CHUNK);
      await this.query(INSERT_ITEMS, [
        s.id,
        s.agencyId,
        offset,
        chunk.map((i) => i.timesheetId),
        chunk.map((i) => i.declarationId),
        chunk.map((i) => i.sign),
        chunk.map((i) => i.corrects?.exportId ?? null),
        chunk.map((i) => i.corrects?.declarationId ?? null),
      ]);
    }
  }

  async saveStatus(payrollExport: PayrollExport): Promise<void> {
    const s = payrollExport.toState();
    const updated = await this.updateReturning<{ id: string }>(
      `UPDATE payroll_exports SET status = $3, confirmed_at = $4, confirmed_by = $5, cancelled_at = $6, cancelled_by = $7, expired_at = $8
       WHERE agency_id = $1 AND id = $2 AND status = 'PENDING' RETURNING id`,
      [s.agencyId, s.id, s.status, s.confirmedAt, s.confirmedBy, s.cancelledAt, s.cancelledBy, s.expiredAt],
    );
    if (updated.length !== 1) throw stale('payroll export');
    if (s.status === 'CONFIRMED') {
      await this.query(`UPDATE payroll_export_items SET state = 'CONFIRMED' WHERE agency_id = $1 AND export_id = $2`, [s.agencyId, s.id]);
      await this.query(
        `UPDATE declarations d SET processed_at = $3, processed_in_export_id = $2
         FROM payroll_export_items i
         WHERE i.agency_id = $1 AND i.export_id = $2 AND i.sign = 1 AND d.agency_id = i.agency_id AND d.id = i.declaration_id`,
        [s.agencyId, s.id, s.confirmedAt],
      );
      await this.query(
        `UPDATE timesheets t SET status = 'PROCESSED', version = t.version + 1, updated_at = $3
         FROM payroll_export_items i
         WHERE i.agency_id = $1 AND i.export_id = $2 AND i.sign = 1 AND t.agency_id = i.agency_id AND t.id = i.timesheet_id
           AND t.current_declaration_id = i.declaration_id AND t.status = 'APPROVED'`,
        [s.agencyId, s.id, s.confirmedAt],
      );
    } else {
      await this.query(`UPDATE payroll_export_items SET state = 'RELEASED' WHERE agency_id = $1 AND export_id = $2`, [s.agencyId, s.id]);
    }
  }

  async list(agencyId: string, filter: PayrollExportFilter, page: PageQuery): Promise<Page<PayrollExport>> {
    const params: unknown[] = [agencyId, page.first + 1];
    const where = ['agency_id = $1'];
    if (page.after !== null) {
      const [number, id] = decodeCursor(EXPORTS, page.after, 2);
      if (!/^[0-9]{1,9}$/.test(number)) throw invalidCursor();
      params.push(Number(number), id);
      where.push(`(number, id) < ($${params.length - 1}::int, $${params.length}::uuid)`);
    }
    // A PENDING export past its expiry is EXPIRED before anyone recorded it.
    if (filter.status === 'PENDING') {
      params.push(filter.now);
      where.push(`status = 'PENDING' AND expires_at > $${params.length}`);
    } else if (filter.status === 'EXPIRED') {
      params.push(filter.now);
      where.push(`(status = 'EXPIRED' OR (status = 'PENDING' AND expires_at <= $${params.length}))`);
    } else if (filter.status !== undefined) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    const rows = await this.query<PayrollExportRow>(`SELECT * FROM payroll_exports WHERE ${where.join(' AND ')} ORDER BY number DESC, id DESC LIMIT $2`, params);
    const items = rows.slice(0, page.first).map(exportToDomain);
    return pageOfItems(items, items.map((e) => encodeCursor(EXPORTS, [String(e.number), e.id])), rows.length > page.first);
  }

  /**
   * The lines after the cursor's position, read by ranges of items (see keysetBatches for why not
   * `LIMIT`): each statement bounded, as many as it takes to fill the page.
   */
  async linesPage(agencyId: string, exportId: string, page: PageQuery): Promise<Page<PayrollExportLine>> {
    const [seq, day, line] = page.after === null ? [1, 0, 0] : lineCursorPosition(page.after, exportId);
    const last = await this.lastSeq(agencyId, exportId);
    const wanted = page.first + 1;
    const span = Math.max(1, Math.ceil(wanted / LINES_PER_ITEM));
    const rows: LineRow[] = [];
    for (let after = seq - 1; after < last && rows.length < wanted; after += span) {
      const range = await this.query<LineRow>(LINES_OF_ITEMS, [agencyId, exportId, after, after + span]);
      rows.push(...range.filter((r) => r.seq > seq || Number(r.day_ord) > day || (Number(r.day_ord) === day && Number(r.line_ord) > line)));
    }
    const shown = rows.slice(0, page.first);
    const cursors = shown.map((r) => encodeCursor(LINES, [String(r.seq), String(r.day_ord), String(r.line_ord), exportId]));
    return pageOfItems(shown.map(lineToDomain), cursors, rows.length > page.first);
  }

  private async lastSeq(agencyId: string, exportId: string): Promise<number> {
    const [{ last }] = await this.query<{ last: number | null }>(
      'SELECT max(seq) AS last FROM payroll_export_items WHERE agency_id = $1 AND export_id = $2',
      [agencyId, exportId],
    );
    return last ?? 0;
  }

  async workersOf(agencyId: string, exportId: string): Promise<string[]> {
    const rows = await this.query<{ flexworker_id: string }>(
      `SELECT DISTINCT d.flexworker_id FROM payroll_export_items i JOIN declarations d ON d.agency_id = i.agency_id AND d.id = i.declaration_id
       WHERE i.agency_id = $1 AND i.export_id = $2`,
      [agencyId, exportId],
    );
    return rows.map((r) => r.flexworker_id);
  }

  streamLines(agencyId: string, exportId: string, batchSize: number): AsyncIterable<readonly PayrollExportLine[]> {
    return this.stream.mode === 'cursor' ? cursorBatches(this.db.dataSource, agencyId, exportId, batchSize) : this.keysetBatches(agencyId, exportId, batchSize);
  }

  /**
   * Batches by ranges of items, one statement each. Not `LINES_AFTER … LIMIT`: with statistics
   * that do not know the export yet (the embedded PostgreSQL never analyzes by itself; a real one
   * only after a while), the planner took each LIMIT statement for a small one and read every
   * remaining line of the export before keeping the first batchSize of them, for every batch:
   * 629,567 lines took minutes where a cursor took 9 s. A range of seq bounds each statement
   * whatever the plan. The items of an export never change, so the last seq read first holds.
   */
  private async *keysetBatches(agencyId: string, exportId: string, batchSize: number): AsyncIterable<readonly PayrollExportLine[]> {
    const last = await this.lastSeq(agencyId, exportId);
    const items = Math.max(1, Math.floor(batchSize / LINES_PER_ITEM));
    for (let after = 0; after < last; after += items) {
      const rows = await this.query<LineRow>(LINES_OF_ITEMS, [agencyId, exportId, after, after + items]);
      if (rows.length > 0) yield rows.map(lineToDomain);
    }
  }

  async exportsOfDeclarations(agencyId: string, declarationIds: readonly string[]): Promise<DeclarationExportRef[]> {
    const ids = declarationIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.query<PayrollExportRow & { declaration_id: string; sign: number }>(
      `SELECT e.*, i.declaration_id, i.sign::int AS sign
       FROM payroll_export_items i JOIN payroll_exports e ON e.agency_id = i.agency_id AND e.id = i.export_id
       WHERE i.agency_id = $1 AND i.declaration_id = ANY($2::uuid[]) AND i.state <> 'RELEASED'
       ORDER BY e.number`,
      [agencyId, ids],
    );
    return rows.map(refToDomain);
  }
}

/** A server-side cursor in a REPEATABLE READ, READ ONLY transaction on a connection of its own, closed whatever happens. */
async function* cursorBatches(dataSource: DataSource, agencyId: string, exportId: string, batchSize: number): AsyncIterable<readonly PayrollExportLine[]> {
  const runner = dataSource.createQueryRunner('slave');
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await runner.query(`DECLARE payroll_lines NO SCROLL CURSOR FOR ${ALL_LINES}`, [agencyId, exportId]);
    for (;;) {
      const rows = (await runner.query(`FETCH FORWARD ${Math.max(1, Math.floor(batchSize))} FROM payroll_lines`)) as LineRow[];
      if (rows.length > 0) yield rows.map(lineToDomain);
      if (rows.length < batchSize) break;
    }
  } finally {
    // Read only: ending it is all there is to do. A consumer that stops early (a client that went
    // away) lands here too, and the transaction must end before the connection goes back.
    await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}

function lineCursorPosition(cursor: string, exportId: string): readonly [number, number, number] {
  const [seq, day, line, id] = decodeCursor(LINES, cursor, 4);
  if (id !== exportId || ![seq, day, line].every((part) => /^[0-9]{1,9}$/.test(part))) throw invalidCursor();
  return [Number(seq), Number(day), Number(line)];
}
