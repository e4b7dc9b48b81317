import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ApproveTimesheet, SaveTimesheet } from '../../application/timesheet/enter-hours.use-case';
import { CorrectDeclaration } from '../../application/timesheet/correct-declaration.use-case';
import { ApproveDeclarations, RejectDeclaration } from '../../application/timesheet/relation-approval.use-case';
import {
  GetDefaultTimesheet,
  GetTimesheet,
  GetTimesheetForWeek,
  ListOpenTimesheets,
} from '../../application/timesheet/timesheet-queries.use-case';
import { DeclarationStatusOverview, GetDeclaration, ListDeclarations, ListTimesheets, MAX_WEEK_PAGE_SIZE } from '../../application/timesheet/week-lists.use-case';
import { actorOf, GraphQLContext } from '../context';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { IsoWeekScalar } from '../shared/scalars';
import {
  ApproveDeclarationsInput,
  CorrectDeclarationInput,
  DeclarationFilterInput,
  RejectDeclarationInput,
  SaveAndApproveTimesheetInput,
  SaveTimesheetInput,
  TimesheetFilterInput,
} from './timesheet.inputs';
import {
  ApproveDeclarationsPayload,
  CorrectDeclarationPayload,
  RejectDeclarationPayload,
  SaveAndApproveTimesheetPayload,
  SaveTimesheetPayload,
} from './timesheet.payloads';
import {
  DeclarationConnection,
  DeclarationEdge,
  DeclarationType,
  TimesheetConnection,
  TimesheetEdge,
  TimesheetType,
} from './timesheet.types';

export interface WeekUseCases {
  readonly getTimesheet: GetTimesheet;
  readonly getTimesheetForWeek: GetTimesheetForWeek;
  readonly listOpenTimesheets: ListOpenTimesheets;
  readonly getDefaultTimesheet: GetDefaultTimesheet;
  readonly listTimesheets: ListTimesheets;
  readonly declarationStatusOverview: DeclarationStatusOverview;
  readonly getDeclaration: GetDeclaration;
  readonly listDeclarations: ListDeclarations;
  readonly saveTimesheet: SaveTimesheet;
  readonly approveTimesheet: ApproveTimesheet;
  readonly approveDeclarations: ApproveDeclarations;
  readonly rejectDeclaration: RejectDeclaration;
  readonly correctDeclaration: CorrectDeclaration;
}

const TIMESHEET = 'Timesheet';
const DECLARATION = 'Declaration';

@Resolver()
export class TimesheetResolver {
  constructor(private readonly useCases: WeekUseCases) {}

  @Query(() => TimesheetType, { description: 'One week by id.' })
  async timesheet(@Arg('id', () => ID, { description: 'The week id (Timesheet.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<TimesheetType> {
    const { timesheet, currentDeclaration } = await this.useCases.getTimesheet.withCurrentDeclaration(actorOf(ctx), { id: existingId(id, TIMESHEET) });
    // Read with the week: its fields (preview, currentDeclaration) take it from the loader, not from another statement.
    if (timesheet.currentDeclarationId) ctx.loaders.declarations.prime(timesheet.currentDeclarationId, currentDeclaration);
    return TimesheetType.from(timesheet);
  }

  @Query(() => TimesheetType, {
    description: "A placement's week (YYYY-Www), created on first access; weeks still to come are refused. Payroll reads only: a week nobody opened is NOT_FOUND for it.",
  })
  async timesheetForWeek(
    @Arg('placementId', () => ID, { description: 'The placement whose week it is (Placement.id).' }) placementId: string,
    @Arg('week', () => IsoWeekScalar, { description: 'The ISO week, YYYY-Www, e.g. 2026-W48; not before the placement starts nor after the current week.' })
    week: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TimesheetType> {
    const input = { placementId: existingId(placementId, 'Placement'), week };
    return TimesheetType.from(await this.useCases.getTimesheetForWeek.execute(actorOf(ctx), input));
  }

  @Query(() => TimesheetConnection, {
    description:
      'The "blue bar": the weeks the viewer still has to fill or approve, oldest first, up to 100 per page. Weeks are opened on the way from OPEN_WEEKS_HORIZON_WEEKS (26) weeks back; an older open week is listed only while it holds days or a declaration.',
  })
  async openTimesheets(
    @Ctx() ctx: GraphQLContext,
    @Arg('placementId', () => ID, { nullable: true, description: "Only this placement's weeks; every placement of the viewer when left out." }) placementId?: string,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<TimesheetConnection> {
    const input = { placementId: placementId ? existingId(placementId, 'Placement') : null, first, after };
    const page = await this.useCases.listOpenTimesheets.execute(actorOf(ctx), input);
    return toConnection(TimesheetConnection, TimesheetEdge, page, (t) => TimesheetType.from(t));
  }

  @Query(() => TimesheetType, {
    nullable: true,
    description:
      "Worker and relation contact: the week to show first. Last week's if the viewer enters it and it is open, else the oldest week of the blue bar (openTimesheets), else the current week of the viewer's first running placement where they enter the hours, else the current week of the first running placement the other party enters (a worker whose relation enters the hours): read-only then, with `editable` false and `enteredBy` saying who enters it. Null exactly when the viewer has no running placement today (none at all, or not the `placementId` given). Staff and payroll: FORBIDDEN (ROLE_NOT_ALLOWED).",
  })
  async defaultTimesheet(
    @Ctx() ctx: GraphQLContext,
    @Arg('placementId', () => ID, { nullable: true, description: "Only this placement's weeks, when the viewer has several; all the viewer's placements when left out." })
    placementId?: string,
  ): Promise<TimesheetType | null> {
    const week = await this.useCases.getDefaultTimesheet.execute(actorOf(ctx), { placementId: placementId ? existingId(placementId, 'Placement') : null });
    return week ? TimesheetType.from(week) : null;
  }

  @Query(() => TimesheetConnection, { description: 'Staff and payroll: every week of the agency (latest first); others: their own. Up to 500 per page.' })
  async timesheets(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => TimesheetFilterInput, { nullable: true, description: 'Only weeks that match; all the viewer may see when left out.' }) filter?: TimesheetFilterInput,
    @Arg('first', () => Int, firstArg(MAX_WEEK_PAGE_SIZE)) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<TimesheetConnection> {
    const page = await this.useCases.listTimesheets.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(TimesheetConnection, TimesheetEdge, page, (t) => TimesheetType.from(t));
  }

  @Query(() => TimesheetConnection, {
    description: "The worker's declaration-status tab: their weeks, latest first; weeks the relation approved longer ago than the agency's visibility period are left out.",
  })
  async declarationStatus(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<TimesheetConnection> {
    const page = await this.useCases.declarationStatusOverview.execute(actorOf(ctx), { first, after });
    return toConnection(TimesheetConnection, TimesheetEdge, page, (t) => TimesheetType.from(t));
  }

  @Query(() => DeclarationType, { description: 'One declaration (an approved version of a week) by id, scoped as its week; else NOT_FOUND.' })
  async declaration(@Arg('id', () => ID, { description: 'The declaration id (Declaration.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<DeclarationType> {
    return DeclarationType.from(await this.useCases.getDeclaration.execute(actorOf(ctx), { id: existingId(id, DECLARATION) }));
  }

  @Query(() => DeclarationConnection, { description: 'Declarations, oldest week first, scoped to the viewer. Up to 500 per page.' })
  async declarations(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => DeclarationFilterInput, { nullable: true, description: 'Only declarations that match; all the viewer may see when left out.' })
    filter?: DeclarationFilterInput,
    @Arg('first', () => Int, firstArg(MAX_WEEK_PAGE_SIZE)) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<DeclarationConnection> {
    const page = await this.useCases.listDeclarations.execute(actorOf(ctx), { ...filter, first, after });
    return toConnection(DeclarationConnection, DeclarationEdge, page, DeclarationType.from);
  }

  @Query(() => DeclarationConnection, { description: "A relation contact: the declarations waiting for the relation's approval, oldest first." })
  async declarationsAwaitingApproval(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, firstArg(MAX_WEEK_PAGE_SIZE)) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<DeclarationConnection> {
    const page = await this.useCases.listDeclarations.execute(actorOf(ctx), { statuses: ['AWAITING_RELATION'], first, after });
    return toConnection(DeclarationConnection, DeclarationEdge, page, DeclarationType.from);
  }

  @Mutation(() => SaveTimesheetPayload, {
    description: '"Alleen opslaan": stores the week as a draft (it stays OPEN); `timesheet.preview` shows the unravelled hours.',
  })
  async saveTimesheet(@Arg('input', { description: 'The week and the days as entered.' }) input: SaveTimesheetInput, @Ctx() ctx: GraphQLContext): Promise<SaveTimesheetPayload> {
    const saved = await this.useCases.saveTimesheet.execute(actorOf(ctx), { ...input, timesheetId: existingId(input.timesheetId, TIMESHEET) });
    return SaveTimesheetPayload.from(saved);
  }

  @Mutation(() => SaveAndApproveTimesheetPayload, {
    description:
      '"Opslaan + Accorderen" (confirm: true): stores and approves the week, making a declaration version. By the worker: SUBMITTED; by a relation that enters the hours: APPROVED. The week leaves the blue bar (removedFromOpenTimesheets).',
  })
  async saveAndApproveTimesheet(@Arg('input', { description: 'The week, optionally its days, and the confirmation.' }) input: SaveAndApproveTimesheetInput, @Ctx() ctx: GraphQLContext): Promise<SaveAndApproveTimesheetPayload> {
    const saved = await this.useCases.approveTimesheet.execute(actorOf(ctx), { ...input, timesheetId: existingId(input.timesheetId, TIMESHEET) });
    return SaveAndApproveTimesheetPayload.from(saved);
  }

  @Mutation(() => ApproveDeclarationsPayload, {
    description: 'A relation contact approves one or many declarations: all or none. They leave declarationsAwaitingApproval (removedFromAwaitingApproval).',
  })
  async approveDeclarations(@Arg('input', { description: 'The declarations to approve.' }) input: ApproveDeclarationsInput, @Ctx() ctx: GraphQLContext): Promise<ApproveDeclarationsPayload> {
    const ids = input.declarationIds.map((id) => existingId(id, DECLARATION));
    return ApproveDeclarationsPayload.from(await this.useCases.approveDeclarations.execute(actorOf(ctx), { declarationIds: ids }));
  }

  @Mutation(() => RejectDeclarationPayload, {
    description: 'A relation contact rejects a declaration with a reason: the week reopens for whoever enters the hours, and the declaration leaves declarationsAwaitingApproval.',
  })
  async rejectDeclaration(@Arg('input', { description: 'The declaration to reject and the reason.' }) input: RejectDeclarationInput, @Ctx() ctx: GraphQLContext): Promise<RejectDeclarationPayload> {
    const decision = await this.useCases.rejectDeclaration.execute(actorOf(ctx), { ...input, declarationId: existingId(input.declarationId, DECLARATION) });
    return RejectDeclarationPayload.from(decision);
  }

  @Mutation(() => CorrectDeclarationPayload, { description: 'Staff: corrects approved hours as a new declaration version, with a reason and an audit entry.' })
  async correctDeclaration(@Arg('input', { description: 'The current declaration, the corrected days and the reason.' }) input: CorrectDeclarationInput, @Ctx() ctx: GraphQLContext): Promise<CorrectDeclarationPayload> {
    const corrected = await this.useCases.correctDeclaration.execute(actorOf(ctx), { ...input, declarationId: existingId(input.declarationId, DECLARATION) });
    return CorrectDeclarationPayload.from(corrected);
  }
}
