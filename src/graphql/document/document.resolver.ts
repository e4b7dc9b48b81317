import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ListDocuments } from '../../application/document/list-documents.use-case';
import { actorOf, GraphQLContext } from '../context';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import {
  AnnualStatementConnection,
  AnnualStatementEdge,
  AnnualStatementType,
  DownloadUrlOf,
  PayslipConnection,
  PayslipEdge,
  PayslipType,
} from './document.types';

export interface DocumentUseCases {
  readonly listPayslips: ListDocuments;
  readonly listAnnualStatements: ListDocuments;
}

const WORKER_ARG = {
  nullable: true,
  description: "Staff and payroll: only this worker's (Flexworker.id); all of the agency's when left out. A worker gets only their own whatever it says.",
} as const;

@Resolver()
export class DocumentResolver {
  constructor(
    private readonly useCases: DocumentUseCases,
    private readonly downloadUrlOf: DownloadUrlOf,
  ) {}

  @Query(() => PayslipConnection, {
    description:
      "Payslips, newest pay date first, the latest version of each period: a worker their own (TAB_DISABLED when the agency does not show the PAYSLIPS tab), staff and payroll the agency's; relation contacts none (ROLE_NOT_ALLOWED).",
  })
  async payslips(
    @Ctx() ctx: GraphQLContext,
    @Arg('flexworkerId', () => ID, WORKER_ARG) flexworkerId?: string,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<PayslipConnection> {
    const page = await this.useCases.listPayslips.execute(actorOf(ctx), { flexworkerId, first, after });
    return toConnection(PayslipConnection, PayslipEdge, page, (view) => PayslipType.from(view, this.downloadUrlOf));
  }

  @Query(() => AnnualStatementConnection, {
    description:
      "Annual statements, newest year first, the latest version of each year: a worker their own (TAB_DISABLED when the agency does not show the ANNUAL_STATEMENTS tab), staff and payroll the agency's; relation contacts none (ROLE_NOT_ALLOWED).",
  })
  async annualStatements(
    @Ctx() ctx: GraphQLContext,
    @Arg('flexworkerId', () => ID, WORKER_ARG) flexworkerId?: string,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<AnnualStatementConnection> {
    const page = await this.useCases.listAnnualStatements.execute(actorOf(ctx), { flexworkerId, first, after });
    return toConnection(AnnualStatementConnection, AnnualStatementEdge, page, (view) => AnnualStatementType.from(view, this.downloadUrlOf));
  }
}
