import { Placement } from '../../domain/placement/placement.entity';
import { ConflictError, ValidationError } from '../../domain/shared/domain-error';
import { Declaration, DeclarationStatus } from '../../domain/timesheet/declaration.entity';
import { Act, Timesheet, TimesheetStatus } from '../../domain/timesheet/timesheet.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { canSeeWeek, declarationNotFound, timesheetNotFound } from './timesheet-access';
import { settlePeriodsOf } from './period-settlement';
import { placementOf, WeekDeps } from './week-deps';

export const MAX_DECLARATIONS_PER_APPROVAL = 100;

export interface ApproveDeclarationsInput {
  readonly declarationIds: readonly string[];
}

export interface RejectDeclarationInput {
  readonly declarationId: string;
  readonly reason: string;
}

/**
 * A declaration the relation decided, with its week as saved and both statuses as the decision
 * found them: what left which list follows from before and after, not from asking the lists again.
 */
export interface RelationDecision {
  readonly declaration: Declaration;
  readonly timesheet: Timesheet;
  readonly declarationStatusBefore: DeclarationStatus;
  readonly timesheetStatusBefore: TimesheetStatus;
}

/**
 * A relation contact approves declarations of its own placements, one or many at once: all of
 * them or none (a declaration that was corrected or already handled in the meantime refuses the
 * whole batch with CONFLICT, naming it).
 */
export class ApproveDeclarations {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: ApproveDeclarationsInput): Promise<RelationDecision[]> {
    requireRole(actor, 'RELATION_CONTACT');
    const ids = [...new Set(input.declarationIds)];
    if (ids.length === 0 || ids.length > MAX_DECLARATIONS_PER_APPROVAL) {
      throw ValidationError.of('declarationIds', 'DECLARATION_IDS_RANGE', `Approve 1 to ${MAX_DECLARATIONS_PER_APPROVAL} declarations at once`, {
        min: 1,
        max: MAX_DECLARATIONS_PER_APPROVAL,
      });
    }
    return this.deps.unitOfWork.run(async () => {
      await lockWeeksOf(this.deps, actor, ids);
      const approved = new Map<string, RelationDecision>();
      for (const id of [...ids].sort()) approved.set(id, await decide(this.deps, actor, id, (t, d, act) => t.approveByRelation(d, act)));
      await settleApproved(this.deps, actor, approved);
      return ids.map((id) => approved.get(id) as RelationDecision);
    });
  }
}

/** A relation contact rejects a declaration with a reason: the week reopens for whoever enters the hours. */
export class RejectDeclaration {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: RejectDeclarationInput): Promise<RelationDecision> {
    requireRole(actor, 'RELATION_CONTACT');
    return this.deps.unitOfWork.run(() =>
      decide(this.deps, actor, input.declarationId, (t, d, act) => t.rejectByRelation(d, { ...act, reason: input.reason })),
    );
  }
}

/**
 * Locks the weeks of these declarations: first the hours lock of each of their workers, sorted by
 * the workers' ids (every writer of a worker's weeks takes it first, so settling a period below
 * reads weeks no other approval or correction is changing), then the weeks' rows sorted by their
 * ids. Every batch takes its locks in one order, so batches that share weeks wait for each other
 * and never deadlock. An id that names nothing the viewer may see is NOT_FOUND (the first of them
 * in sorted order).
 */
async function lockWeeksOf(deps: WeekDeps, actor: Actor, ids: readonly string[]): Promise<void> {
  const found = new Map((await deps.declarations.findByIds(actor.agencyId, ids)).map((d) => [d.id, d]));
  const weekIds = new Set<string>();
  const workerIds = new Set<string>();
  for (const id of [...ids].sort()) {
    const declaration = found.get(id);
    if (!declaration || !canSeeWeek(actor, declaration)) throw declarationNotFound(id);
    weekIds.add(declaration.timesheetId);
    workerIds.add(declaration.flexworkerId);
  }
  for (const workerId of [...workerIds].sort()) await deps.hoursLock.lock(actor.agencyId, workerId);
  for (const weekId of [...weekIds].sort()) await deps.timesheets.findByIdForUpdate(actor.agencyId, weekId);
}

/**
 * Approved weeks may settle a settlement period (the last week of one, or an earlier week of a
 * period whose last week is approved). A decision whose own week got a new settled version
 * answers with that week as saved and its declaration as now stored (SUPERSEDED by the settlement).
 */
async function settleApproved(deps: WeekDeps, actor: Actor, decisions: Map<string, RelationDecision>): Promise<void> {
  const weeks = new Map([...decisions.values()].map((d) => [d.timesheet.id, d.timesheet]));
  const placements = new Map<string, Placement>();
  for (const week of [...weeks.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const placement = placements.get(week.placementId) ?? (await placementOf(deps, week));
    placements.set(placement.id, placement);
    for (const settled of await settlePeriodsOf(deps, actor, placement, week.week)) {
      for (const [id, decision] of decisions) {
        if (decision.timesheet.id !== settled.timesheet.id) continue;
        const declaration = decision.declaration.id === settled.superseded.id ? settled.superseded : decision.declaration;
        decisions.set(id, { ...decision, timesheet: settled.timesheet, declaration });
      }
    }
  }
}

/**
 * One declaration and its week, decided by the relation. The week's row is locked before anything
 * is decided, and the declaration read again under that lock: every write of a week's
 * declarations writes the week too, so a decision that came first has ended by then, and the
 * domain says why this one cannot follow (DECLARATION_ALREADY_APPROVED, TIMESHEET_NOT_SUBMITTED,
 * …) instead of a bare STALE_VERSION. Weeks only, never the worker's hours lock.
 */
async function decide(
  deps: WeekDeps,
  actor: Actor,
  id: string,
  step: (timesheet: Timesheet, declaration: Declaration, act: Act) => void,
): Promise<RelationDecision> {
  const seen = await deps.declarations.findById(actor.agencyId, id);
  if (!seen || !canSeeWeek(actor, seen)) throw declarationNotFound(id);
  const timesheet = await deps.timesheets.findByIdForUpdate(actor.agencyId, seen.timesheetId);
  if (!timesheet) throw timesheetNotFound(seen.timesheetId);
  const declaration = await deps.declarations.findById(actor.agencyId, id);
  if (!declaration) throw declarationNotFound(id);
  const declarationStatusBefore = declaration.status;
  const timesheetStatusBefore = timesheet.status;
  try {
    step(timesheet, declaration, { by: actor.id, at: deps.clock.now() });
  } catch (error) {
    // In a batch, say which declaration could not be decided.
    if (error instanceof ConflictError) throw new ConflictError(error.reason, error.message, { ...error.params, declarationId: id });
    throw error;
  }
  const saved = await deps.timesheets.update(timesheet);
  return { declaration: await deps.declarations.update(declaration), timesheet: saved, declarationStatusBefore, timesheetStatusBefore };
}
