import { ExportItem, WeekPayrollState } from '../../domain/payroll/payroll-difference';
import { PayrollExport, PayrollExportCounts, PayrollExportStatus } from '../../domain/payroll/payroll-export.entity';
import { Page, PageQuery } from '../shared/pagination';

/** One line of an export: everything payroll needs to pay it, with no other request. */
export interface PayrollExportLine {
  readonly exportId: string;
  /** +1: paid; -1: a reversal of a version booked before (its minutes are negative). */
  readonly sign: 1 | -1;
  readonly flexworkerId: string;
  readonly payrollNumber: string | null;
  readonly workerName: string;
  readonly placementId: string;
  readonly costCentre: string | null;
  readonly purchaseOrderReference: string | null;
  readonly relationId: string;
  readonly relationName: string;
  readonly timesheetId: string;
  readonly week: string;
  readonly date: string;
  readonly hourCode: string;
  readonly kind: string;
  readonly percentage: number;
  /** Negative on a reversal; 0 on an allowance. */
  readonly minutes: number;
  /** The schedule version (its validFrom) the day was unravelled with; null for hours entered per hour code. */
  readonly scheduleVersion: string | null;
  readonly declarationId: string;
  readonly declarationNumber: number;
  readonly correctsExportId: string | null;
  readonly correctsDeclarationId: string | null;
  /** An allowance (kind ALLOWANCE, minutes 0): how many, negative on a reversal. Null on a line of minutes. */
  readonly count: number | null;
}

export interface PayrollExportFilter {
  /** As seen at `now`: a PENDING export past its expiry counts as EXPIRED. */
  readonly status?: PayrollExportStatus;
  readonly now: Date;
}

/** Which export booked a declaration, for staff looking at a week. */
export interface DeclarationExportRef {
  readonly declarationId: string;
  /** +1: the export pays this version; -1: it reverses it. */
  readonly sign: 1 | -1;
  readonly payrollExport: PayrollExport;
}

export abstract class PayrollExportRepository {
  /**
   * Puts this unit of work in line behind every other that changes the agency's exports, in any
   * server process, until it ends. Call it first, inside `unitOfWork.run`.
   */
  abstract lockAgency(agencyId: string): Promise<void>;

  /** The next export number of the agency (under the lock). */
  abstract nextNumber(agencyId: string): Promise<number>;

  abstract findById(agencyId: string, id: string): Promise<PayrollExport | null>;

  abstract findByIdempotencyKey(agencyId: string, createdBy: string, key: string): Promise<PayrollExport | null>;

  /** PENDING exports whose time ran out by `now`. */
  abstract findDue(agencyId: string, now: Date): Promise<PayrollExport[]>;

  /**
   * The weeks whose approved hours differ from what payroll booked: every week with a current
   * approved declaration approved before `upTo` that no export holds yet, with what was booked.
   */
  abstract weeksToExport(agencyId: string, upTo: Date): Promise<WeekPayrollState[]>;

  /** What the lines of these items add up to. */
  abstract countLines(agencyId: string, items: readonly ExportItem[]): Promise<Pick<PayrollExportCounts, 'lineCount' | 'totalMinutes'>>;

  /** Stores a new export with its items, which hold their declarations from now on. */
  abstract insert(payrollExport: PayrollExport, items: readonly ExportItem[]): Promise<void>;

  /**
   * Stores the export's new status. CONFIRMED: its items are booked, the declarations it pays get
   * their processed stamp, and their weeks become PROCESSED where that version is still the
   * week's current one (Timesheet status rule: PROCESSED = the current version is booked).
   * CANCELLED or EXPIRED: its items let go of their declarations.
   */
  abstract saveStatus(payrollExport: PayrollExport): Promise<void>;

  abstract list(agencyId: string, filter: PayrollExportFilter, page: PageQuery): Promise<Page<PayrollExport>>;

  abstract linesPage(agencyId: string, exportId: string, page: PageQuery): Promise<Page<PayrollExportLine>>;

  /** The workers the export's lines are of. */
  abstract workersOf(agencyId: string, exportId: string): Promise<string[]>;

  /**
   * Every line of the export in order, in batches, read from a database cursor: memory stays flat.
   * Nothing else may be read from the database until the batches end: on the embedded database the
   * cursor's transaction has the floor, and on a full pool there is no other connection.
   */
  abstract streamLines(agencyId: string, exportId: string, batchSize: number): AsyncIterable<readonly PayrollExportLine[]>;

  /** The exports that hold each declaration (not released), per declaration id. */
  abstract exportsOfDeclarations(agencyId: string, declarationIds: readonly string[]): Promise<DeclarationExportRef[]>;
}
