import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreatePayrollExport } from '../../application/payroll/create-payroll-export.use-case';
import { GetPayrollExport, ListPayrollExportLines, ListPayrollExports, MAX_LINE_PAGE_SIZE } from '../../application/payroll/payroll-export-queries.use-case';
import { CancelPayrollExport, ConfirmPayrollExport } from '../../application/payroll/settle-payroll-export.use-case';
import { Clock } from '../../application/ports/clock';
import { actorOf, GraphQLContext } from '../context';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { DeclarationType } from '../timesheet/timesheet.types';
import { CancelPayrollExportInput, ConfirmPayrollExportInput, CreatePayrollExportInput, PayrollExportFilterInput } from './payroll.inputs';
import { CancelPayrollExportPayload, ConfirmPayrollExportPayload, CreatePayrollExportPayload } from './payroll.payloads';
import {
  PayrollExportConnection,
  PayrollExportEdge,
  PayrollExportLineConnection,
  PayrollExportLineEdge,
  PayrollExportLineType,
  PayrollExportType,
} from './payroll.types';

export interface PayrollUseCases {
  readonly createPayrollExport: CreatePayrollExport;
  readonly confirmPayrollExport: ConfirmPayrollExport;
  readonly cancelPayrollExport: CancelPayrollExport;
  readonly getPayrollExport: GetPayrollExport;
  readonly listPayrollExports: ListPayrollExports;
  readonly listPayrollExportLines: ListPayrollExportLines;
}

const EXPORT = 'PayrollExport';

@Resolver()
export class PayrollResolver {
  constructor(
    private readonly useCases: PayrollUseCases,
    private readonly clock: Clock,
  ) {}

  @Query(() => PayrollExportType, { description: 'Payroll and agency staff: one export of the agency by id; else NOT_FOUND.' })
  async payrollExport(@Arg('id', () => ID, { description: 'The export id (PayrollExport.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<PayrollExportType> {
    const found = await this.useCases.getPayrollExport.execute(actorOf(ctx), { id: existingId(id, EXPORT) });
    return PayrollExportType.from(found, this.clock.now());
  }

  @Query(() => PayrollExportConnection, { description: "Payroll and agency staff: the agency's exports, newest first." })
  async payrollExports(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => PayrollExportFilterInput, { nullable: true, description: 'Only exports that match; all when left out.' }) filter?: PayrollExportFilterInput,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<PayrollExportConnection> {
    const page = await this.useCases.listPayrollExports.execute(actorOf(ctx), { status: filter?.status ?? null, first, after });
    const now = this.clock.now();
    return toConnection(PayrollExportConnection, PayrollExportEdge, page, (e) => PayrollExportType.from(e, now));
  }

  @Mutation(() => CreatePayrollExportPayload, {
    description:
      'Payroll: take every approved declaration version not yet booked (and the differences of corrected weeks) into a PENDING export. The same idempotencyKey answers the same export. Confirm it once booked, or cancel it.',
  })
  async createPayrollExport(@Arg('input') input: CreatePayrollExportInput, @Ctx() ctx: GraphQLContext): Promise<CreatePayrollExportPayload> {
    const made = await this.useCases.createPayrollExport.execute(actorOf(ctx), { idempotencyKey: input.idempotencyKey, upTo: input.upTo ?? null });
    return Object.assign(new CreatePayrollExportPayload(), { payrollExport: PayrollExportType.from(made.payrollExport, this.clock.now()), created: made.created });
  }

  @Mutation(() => ConfirmPayrollExportPayload, {
    description: 'Payroll: the export was booked. Its weeks become PROCESSED. Confirming again answers the same (safe to retry); an expired or cancelled export is a CONFLICT.',
  })
  async confirmPayrollExport(@Arg('input') input: ConfirmPayrollExportInput, @Ctx() ctx: GraphQLContext): Promise<ConfirmPayrollExportPayload> {
    const confirmed = await this.useCases.confirmPayrollExport.execute(actorOf(ctx), { exportId: existingId(input.exportId, EXPORT) });
    return Object.assign(new ConfirmPayrollExportPayload(), { payrollExport: PayrollExportType.from(confirmed, this.clock.now()) });
  }

  @Mutation(() => CancelPayrollExportPayload, {
    description: 'Payroll or agency staff: give a PENDING export back; its hours go into the next export. A confirmed export cannot be cancelled (CONFLICT).',
  })
  async cancelPayrollExport(@Arg('input') input: CancelPayrollExportInput, @Ctx() ctx: GraphQLContext): Promise<CancelPayrollExportPayload> {
    const cancelled = await this.useCases.cancelPayrollExport.execute(actorOf(ctx), { exportId: existingId(input.exportId, EXPORT) });
    return Object.assign(new CancelPayrollExportPayload(), { payrollExport: PayrollExportType.from(cancelled, this.clock.now()) });
  }
}

@Resolver(() => PayrollExportType)
export class PayrollExportFieldsResolver {
  constructor(private readonly useCases: PayrollUseCases) {}

  @FieldResolver(() => PayrollExportLineConnection, {
    description: `The lines, in the order of the downloads, up to ${MAX_LINE_PAGE_SIZE} per page; for a whole large export use the CSV or NDJSON download.`,
  })
  async lines(
    @Root() e: PayrollExportType,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, firstArg(MAX_LINE_PAGE_SIZE)) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<PayrollExportLineConnection> {
    const page = await this.useCases.listPayrollExportLines.execute(actorOf(ctx), { exportId: e.id, first, after });
    return toConnection(PayrollExportLineConnection, PayrollExportLineEdge, page, PayrollExportLineType.from);
  }
}

/** Which export took a declaration version: for staff and payroll (others see null). */
@Resolver(() => DeclarationType)
export class DeclarationPayrollResolver {
  constructor(private readonly clock: Clock) {}

  @FieldResolver(() => PayrollExportType, {
    nullable: true,
    description: 'Staff and payroll: the export that pays this version (PENDING or CONFIRMED); null when none holds it yet, and for other viewers.',
  })
  async paidInExport(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PayrollExportType | null> {
    const refs = await ctx.loaders.payrollExportsOfDeclarations.load(d.id);
    const ref = refs.find((r) => r.sign === 1);
    return ref ? PayrollExportType.from(ref.payrollExport, this.clock.now()) : null;
  }

  @FieldResolver(() => PayrollExportType, {
    nullable: true,
    description: 'Staff and payroll: the export that reverses this version after a correction replaced it; null when none does, and for other viewers.',
  })
  async reversedInExport(@Root() d: DeclarationType, @Ctx() ctx: GraphQLContext): Promise<PayrollExportType | null> {
    const refs = await ctx.loaders.payrollExportsOfDeclarations.load(d.id);
    const ref = refs.find((r) => r.sign === -1);
    return ref ? PayrollExportType.from(ref.payrollExport, this.clock.now()) : null;
  }
}
